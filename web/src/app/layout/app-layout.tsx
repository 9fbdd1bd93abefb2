// The frame of every screen: navigation by work area (only areas that exist and the user may
// open), the scope picker, the language switch, the user's menu, and the page in a Suspense
// boundary (pages load lazily). No page shows before the session is known and complete: a
// request without one sends the browser to the sign-in page (app/session-handler.ts), and a
// session with a first-login step due goes to that step.
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CarryOutOutlined,
  ClockCircleOutlined,
  FlagOutlined,
  FileTextOutlined,
  HourglassOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
  WalletOutlined,
  CalendarOutlined,
  HomeOutlined,
  UserDeleteOutlined,
  StarOutlined,
  SafetyCertificateOutlined,
  AlertOutlined,
  CheckCircleOutlined,
  UploadOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Layout, Menu, Spin } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directiveRead, jobManage } from '@/features/directives/lib/directives';
import { documentRead } from '@/features/documents/lib/documents';
import { duesRead } from '@/features/dues/lib/dues';
import { meetingRead } from '@/features/meetings/lib/meetings';
import { inspectionRead } from '@/features/inspections/lib/inspections';
import { disciplineRead } from '@/features/discipline/lib/discipline';
import { InboxBell } from '@/features/inbox/components/inbox-bell';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { can } from '@/lib/permissions';
import { afterSignIn, returnToOf, stageStep } from '@/lib/return-to';
import { meQuery } from '@/lib/session';
import { useScope } from '../scope';
import { LanguageSwitch } from './language-switch';
import { ScopePicker } from './scope-picker';
import { UserMenu } from './user-menu';

const { Header, Sider, Content } = Layout;

const areas = [
  'orgs',
  'members',
  'admission',
  'probation',
  'transfers',
  'badges',
  'documents',
  'directives',
  'assignments',
  'rules',
  'users',
  'audit',
  'jobs',
  'account',
  'inbox',
  'plans',
  'dues',
  'meetings',
  'my-cell',
  'removal',
  'review',
  'inspections',
  'discipline',
  'compliance',
  'remediation',
];

const pageLoading = (
  <div className="page-loading">
    <Spin />
  </div>
);

export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const scope = useScope();
  const [collapsed, setCollapsed] = useState(false);
  const me = useQuery(meQuery());
  const area = areas.find((name) => location.pathname.startsWith(`/${name}`)) ?? 'orgs';

  if (me.isPending) return pageLoading;
  if (me.isError) {
    // 401: the sign-in page is on its way.
    if (isApiError(me.error) && me.error.status === 401) return pageLoading;
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (stageStep(me.data.stage)) {
    return <Navigate to={afterSignIn(me.data, returnToOf(location))} replace />;
  }
  const user = me.data;
  const menu: MenuProps['items'] = [
    can(user, 'org.read') && {
      key: 'orgs',
      icon: <ApartmentOutlined />,
      label: <Link to={scope ? paths.org(scope) : paths.orgs()}>{t('nav.orgs')}</Link>,
    },
    can(user, 'member.read') && {
      key: 'members',
      icon: <TeamOutlined />,
      label: <Link to={paths.membersOf(scope)}>{t('nav.members')}</Link>,
    },
    can(user, 'member.read') && {
      key: 'admission',
      icon: <SolutionOutlined />,
      label: <Link to={paths.admission(scope)}>{t('nav.admission')}</Link>,
    },
    // The lifecycle lists of an organization's subtree (picked as on the other pages).
    can(user, 'org.read') &&
      can(user, 'member.read') && {
        key: 'probation',
        icon: <HourglassOutlined />,
        label: <Link to={paths.probationOf(scope)}>{t('nav.probation')}</Link>,
      },
    can(user, 'org.read') &&
      can(user, 'member.read') && {
        key: 'transfers',
        icon: <SwapOutlined />,
        label: <Link to={paths.transfersOf(scope)}>{t('nav.transfers')}</Link>,
      },
    can(user, 'org.read') &&
      can(user, 'member.read') && {
        key: 'badges',
        icon: <TrophyOutlined />,
        label: <Link to={paths.badgesOf(scope)}>{t('nav.badges')}</Link>,
      },
    // The document register (outgoing and incoming) of an organization's subtree.
    can(user, documentRead) && {
      key: 'documents',
      icon: <FileTextOutlined />,
      label: <Link to={paths.documentsOf(scope)}>{t('nav.documents')}</Link>,
    },
    // Directives followed down the tree, and what was assigned to the user's organization.
    can(user, directiveRead) && {
      key: 'directives',
      icon: <FlagOutlined />,
      label: <Link to={paths.directivesOf(scope)}>{t('nav.directives')}</Link>,
    },
    can(user, directiveRead) && {
      key: 'assignments',
      icon: <CarryOutOutlined />,
      label: <Link to={paths.assignmentsOf(scope)}>{t('nav.assignments')}</Link>,
    },
    // The rules and calendar are the Party's own texts: the server gives them to any session.
    {
      key: 'rules',
      icon: <BookOutlined />,
      label: <Link to={paths.rules()}>{t('nav.rules')}</Link>,
    },
    can(user, 'user.manage') && {
      key: 'users',
      icon: <UserSwitchOutlined />,
      label: <Link to={paths.users()}>{t('nav.users')}</Link>,
    },
    can(user, 'audit.read') && {
      key: 'audit',
      icon: <AuditOutlined />,
      label: <Link to={paths.audit()}>{t('nav.audit')}</Link>,
    },
    can(user, jobManage) && {
      key: 'jobs',
      icon: <ClockCircleOutlined />,
      label: <Link to={paths.jobs()}>{t('nav.jobs')}</Link>,
    },
    // Personal plans: the member's own (an account linked to a record) and the cell's.
    (!!user.member_id || can(user, 'member.read')) && {
      key: 'plans',
      icon: <ScheduleOutlined />,
      label: <Link to={paths.plans(scope ? `org=${scope}` : undefined)}>{t('nav.plans')}</Link>,
    },
    // Cell life: the dues book, the meetings, the member's own page, the removal list.
    can(user, duesRead) &&
      can(user, 'org.read') && {
        key: 'dues',
        icon: <WalletOutlined />,
        label: <Link to={paths.dues({ org: scope })}>{t('nav.dues')}</Link>,
      },
    can(user, meetingRead) &&
      can(user, 'org.read') && {
        key: 'meetings',
        icon: <CalendarOutlined />,
        label: <Link to={paths.meetings({ org: scope })}>{t('nav.meetings')}</Link>,
      },
    !!user.member_id && {
      key: 'my-cell',
      icon: <HomeOutlined />,
      label: <Link to={paths.myCell()}>{t('nav.myCell')}</Link>,
    },
    can(user, meetingRead) &&
      can(user, 'org.read') && {
        key: 'removal',
        icon: <UserDeleteOutlined />,
        label: <Link to={paths.removal({ org: scope })}>{t('nav.removal')}</Link>,
      },
    // The annual review: the campaigns of the scope, or a member's own grades.
    can(user, 'review.read') && {
      key: 'review',
      icon: <StarOutlined />,
      label: <Link to={paths.review({ org: scope })}>{t('nav.review')}</Link>,
    },
    // Inspection and supervision programmes, their inspections, open recommendations.
    can(user, inspectionRead) &&
      can(user, 'org.read') && {
        key: 'inspections',
        icon: <SafetyCertificateOutlined />,
        label: <Link to={paths.inspections({ org: scope })}>{t('nav.inspections')}</Link>,
      },
    // Discipline: restricted records, for holders of discipline.read.
    can(user, disciplineRead) &&
      can(user, 'org.read') && {
        key: 'discipline',
        icon: <AlertOutlined />,
        label: <Link to={paths.discipline({ org: scope })}>{t('nav.discipline')}</Link>,
      },
    // The compliance board: every area's out-of-rule items of the scope's subtree.
    can(user, 'org.read') && {
      key: 'compliance',
      icon: <CheckCircleOutlined />,
      label: <Link to={paths.compliance({ org: scope })}>{t('nav.compliance')}</Link>,
    },
    // Remediation: shortcomings, violations and recommendations of the subtree until closed.
    can(user, 'review.read') &&
      can(user, 'org.read') && {
        key: 'remediation',
        icon: <ToolOutlined />,
        label: <Link to={paths.remediation({ org: scope })}>{t('nav.remediation')}</Link>,
      },
    // Members imports: a CSV or XLSX file checked and written in the background.
    can(user, 'member.import') && {
      key: 'member-import',
      icon: <UploadOutlined />,
      label: <Link to={paths.memberImport()}>{t('nav.memberImport')}</Link>,
    },
  ].filter((item) => !!item);

  return (
    <Layout className="app-layout">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        collapsedWidth={64}
        width={208}
        theme="light"
        className="app-sider"
      >
        <Link to="/" className="brand" aria-label="chibo">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && <span>chibo</span>}
        </Link>
        <nav aria-label={t('app.nav')}>
          <Menu mode="inline" selectedKeys={[area]} items={menu} />
        </nav>
      </Sider>
      <Layout>
        <Header className="app-header">
          {can(user, 'org.read') ? <ScopePicker /> : <span />}
          <div className="header-end">
            <InboxBell />
            <LanguageSwitch />
            <UserMenu me={user} />
          </div>
        </Header>
        <Content id="main" className="app-content" tabIndex={-1}>
          <Suspense fallback={pageLoading}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
