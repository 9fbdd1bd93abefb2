// /plans?tab=cell&year=: "Kế hoạch cá nhân": the signed-in member's plan of the year (tab
// "mine", when the account is linked to a member record) and the cell's list with its reviews
// (tab "cell", for those who read members; the cell is the scope picked in the header).
import { Flex, InputNumber, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { CellPlansPanel } from '@/features/plans/components/cell-plans';
import { MyPlanPanel } from '@/features/plans/components/my-plan';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { can } from '@/lib/permissions';
import { meQuery } from '@/lib/session';
import { useToday } from '@/lib/today';
import { useScope } from '../scope';

export default function PlansPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const today = useToday();
  const me = useQuery(meQuery());
  const scope = useScope();
  useDocumentTitle(t('plans.title'));
  const thisYear = Number(today.slice(0, 4));
  const asked = Number(search.get('year'));
  const year =
    Number.isInteger(asked) && asked >= thisYear - 1 && asked <= thisYear + 1 ? asked : thisYear;
  const mineAllowed = !!me.data?.member_id;
  const cellAllowed =
    can(me.data, 'member.read') && !!me.data && me.data.grants.some((g) => g.role !== 'member');
  const tab = search.get('tab') === 'cell' && cellAllowed ? 'cell' : mineAllowed ? 'mine' : 'cell';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next, { replace: true });
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="plans-page">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('plans.title')}
        </Typography.Title>
        <Space>
          <label htmlFor="plans-year">{t('plans.year')}</label>
          <InputNumber
            id="plans-year"
            min={thisYear - 1}
            max={thisYear + 1}
            value={year}
            onChange={(value) => value && set('year', String(value))}
          />
        </Space>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => set('tab', key)}
        items={[
          mineAllowed && {
            key: 'mine',
            label: t('plans.tabMine'),
            children: <MyPlanPanel year={year} />,
          },
          cellAllowed && {
            key: 'cell',
            label: t('plans.tabCell'),
            children: <CellPlansPanel org={scope} year={year} />,
          },
        ].filter((item) => !!item)}
      />
    </Space>
  );
}
