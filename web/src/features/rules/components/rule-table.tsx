// One work area's rules: each key with its versions, newest first; the version in force today
// marked, with the date each takes effect, its value and its source document.
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { ruleValue, type RuleKeyGroup, type RuleVersion } from '../lib/rule-groups';

interface Row extends RuleVersion {
  id: string;
  first: boolean;
  span: number;
}

const stateColors = { in_force: 'green', future: 'blue', superseded: 'default' } as const;

function useValueText() {
  const { t } = useTranslation();
  return (rule: RuleVersion) => {
    const value = ruleValue(rule);
    switch (value.kind) {
      case 'share':
        return `${value.numerator}/${value.denominator}`;
      case 'flag':
        return value.on ? t('rules.yes') : t('rules.no');
      case 'list': {
        const items = value.items.join(' · ');
        return value.unit ? `${items} ${t(`rules.units.${value.unit}`, { count: 2 })}` : items;
      }
      default:
        return value.unit
          ? `${value.value} ${t(`rules.units.${value.unit}`, { count: value.value })}`
          : String(value.value);
    }
  };
}

export function RuleTable({ keys }: { keys: RuleKeyGroup[] }) {
  const { t } = useTranslation();
  const valueText = useValueText();
  const rows: Row[] = keys.flatMap((group) =>
    group.versions.map((version, index) => ({
      ...version,
      id: `${version.key}@${version.effective_from}`,
      first: index === 0,
      span: group.versions.length,
    })),
  );
  const columns: TableColumnsType<Row> = [
    {
      key: 'key',
      title: t('rules.columns.key'),
      width: 280,
      onCell: (row) => ({ rowSpan: row.first ? row.span : 0 }),
      render: (_, row) => (
        <Typography.Text code data-testid="rule-key">
          {row.key}
        </Typography.Text>
      ),
    },
    {
      key: 'value',
      title: t('rules.columns.value'),
      width: 200,
      render: (_, row) => <span data-testid="rule-value">{valueText(row)}</span>,
    },
    {
      key: 'from',
      title: t('rules.columns.from'),
      width: 170,
      render: (_, row) => (
        <span>
          <span data-testid="rule-from">{formatDate(row.effective_from)}</span>{' '}
          <Tag color={stateColors[row.state]} data-testid="rule-state">
            {t(`rules.states.${row.state}`)}
          </Tag>
        </span>
      ),
    },
    {
      key: 'source',
      title: t('rules.columns.source'),
      render: (_, row) => (
        <>
          <div data-testid="rule-source">{row.source}</div>
          {row.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.note}
            </Typography.Text>
          )}
        </>
      ),
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows}
      pagination={false}
      onRow={(row) => ({ 'data-state': row.state }) as React.HTMLAttributes<HTMLElement>}
      rowClassName={(row) => (row.state === 'superseded' ? 'row-superseded' : '')}
    />
  );
}
