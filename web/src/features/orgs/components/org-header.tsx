// The organization's name, place in the tree, facts and the actions on it.
import {
  ApartmentOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Breadcrumb, Button, Dropdown, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { useCatalogLabel } from '@/lib/catalogs';
import { formatDate } from '@/lib/format';
import { reachesAncestor, scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import type { OrgDetail } from '@/types';

export type OrgAction = 'create' | 'edit' | 'move' | 'merge' | 'dissolve';

export function OrgHeader({
  org,
  canAddChild,
  onAction,
}: {
  org: OrgDetail;
  canAddChild: boolean;
  onAction: (action: OrgAction) => void;
}) {
  const { t } = useTranslation();
  const label = useCatalogLabel();
  const navigate = useNavigate();
  const me = useMe();
  // Changes need org.write; ancestors above the user's scope are named but not linked (the
  // server would not show them).
  const canWrite = !!me?.permissions.includes('org.write');
  const scopes = scopeIds(me);
  const changeable = org.status === 'active' && canWrite;
  const isRoot = org.parent_id === null;
  return (
    <div className="org-header">
      {org.ancestors.length > 0 && (
        <Breadcrumb
          items={org.ancestors.map((item, index) => ({
            key: item.id,
            title: reachesAncestor(scopes, org.ancestors, index) ? (
              <Link to={paths.org(item.id)}>{item.short_name || item.name}</Link>
            ) : (
              item.short_name || item.name
            ),
          }))}
        />
      )}
      <Typography.Title level={3} style={{ margin: '4px 0' }} data-testid="org-title">
        {org.name}
      </Typography.Title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space size={[4, 4]} wrap>
          <Tag icon={<ApartmentOutlined />}>{label('org_kinds', org.kind)}</Tag>
          {org.code && (
            <Tag>
              {t('org.fields.code')}: {org.code}
            </Tag>
          )}
          {org.established_on && (
            <Tag>{t('org.dashboard.established', { date: formatDate(org.established_on) })}</Tag>
          )}
          {org.status !== 'active' && <Tag color="red">{t(`org.status.${org.status}`)}</Tag>}
        </Space>
        <Space wrap size={8}>
          <Button
            type="primary"
            icon={<TeamOutlined />}
            onClick={() => navigate(paths.membersOf(org.id))}
          >
            {t('org.dashboard.members')}
          </Button>
          <Button
            icon={<SafetyCertificateOutlined />}
            onClick={() => navigate(paths.compliance({ org: org.id }))}
            data-testid="org-compliance"
          >
            {t('nav.compliance')}
          </Button>
          {changeable && canAddChild && (
            <Button icon={<PlusOutlined />} onClick={() => onAction('create')}>
              {t('org.actions.addChild')}
            </Button>
          )}
          {changeable && (
            <Button icon={<EditOutlined />} onClick={() => onAction('edit')}>
              {t('org.actions.edit')}
            </Button>
          )}
          {changeable && !isRoot && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'move', icon: <ApartmentOutlined />, label: t('org.actions.move') },
                  { key: 'merge', icon: <MergeCellsOutlined />, label: t('org.actions.merge') },
                  { type: 'divider' },
                  {
                    key: 'dissolve',
                    icon: <DeleteOutlined />,
                    label: t('org.actions.dissolve'),
                    danger: true,
                  },
                ],
                onClick: ({ key }) => onAction(key as OrgAction),
              }}
            >
              <Button aria-label={t('org.actions.more')}>
                {t('org.actions.moreShort')} <DownOutlined />
              </Button>
            </Dropdown>
          )}
        </Space>
      </Flex>
    </div>
  );
}
