// The frame of every screen: navigation by work area (only areas that exist), the scope
// picker, the language switch, and the page in a Suspense boundary (pages load lazily).
import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Layout, Menu, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { useScope } from '../scope';
import { LanguageSwitch } from './language-switch';
import { ScopePicker } from './scope-picker';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const scope = useScope();
  const [collapsed, setCollapsed] = useState(false);
  const area = location.pathname.startsWith('/members') ? 'members' : 'orgs';

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
        <Link to={paths.orgs()} className="brand" aria-label="chibo">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && <span>chibo</span>}
        </Link>
        <nav aria-label={t('app.nav')}>
          <Menu
            mode="inline"
            selectedKeys={[area]}
            items={[
              {
                key: 'orgs',
                icon: <ApartmentOutlined />,
                label: <Link to={scope ? paths.org(scope) : paths.orgs()}>{t('nav.orgs')}</Link>,
              },
              {
                key: 'members',
                icon: <TeamOutlined />,
                label: <Link to={paths.membersOf(scope)}>{t('nav.members')}</Link>,
              },
            ]}
          />
        </nav>
      </Sider>
      <Layout>
        <Header className="app-header">
          <ScopePicker />
          <LanguageSwitch />
        </Header>
        <Content id="main" className="app-content" tabIndex={-1}>
          <Suspense
            fallback={
              <div className="page-loading">
                <Spin />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
