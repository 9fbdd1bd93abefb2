// The rules the checks apply, as data: every parameter of every version with the date it
// takes effect and its source, grouped by work area and key, the version in force today
// marked; and the holiday calendar the working days are counted on.
import { Card, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/page-state';
import { useRules } from '@/lib/catalogs';
import { formatDate } from '@/lib/format';
import { useToday } from '@/lib/today';
import { groupRules } from '../lib/rule-groups';
import { CalendarView } from './calendar-view';
import { RuleTable } from './rule-table';

export function RulesView({
  tab,
  onTab,
}: {
  tab: 'rules' | 'calendar';
  onTab: (tab: 'rules' | 'calendar') => void;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="rules-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('rules.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => onTab(key === 'calendar' ? 'calendar' : 'rules')}
        items={[
          { key: 'rules', label: t('rules.tabs.rules'), children: <RuleAreas /> },
          { key: 'calendar', label: t('rules.tabs.calendar'), children: <CalendarView /> },
        ]}
      />
    </Space>
  );
}

function RuleAreas() {
  const { t } = useTranslation();
  const rules = useRules();
  const today = useToday();
  if (rules.isPending) return <LoadingState rows={8} />;
  if (rules.isError) return <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  const areas = groupRules(rules.data, today);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('rules.intro', {
          date: formatDate(today),
          keys: areas.reduce((sum, area) => sum + area.keys.length, 0),
          versions: rules.data.length,
        })}
      </Typography.Text>
      {areas.map((area) => (
        <Card
          key={area.area}
          size="small"
          title={t(`rules.areas.${area.area}`, { defaultValue: area.area })}
          data-testid={`rule-area-${area.area}`}
        >
          <RuleTable keys={area.keys} />
        </Card>
      ))}
    </Space>
  );
}
