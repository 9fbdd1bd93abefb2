// The periodic member report (báo cáo định kỳ, issue 16): a period chooser (6 months or a year)
// and the XLSX download of the board's report for the organization's subtree.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToday } from '@/lib/today';
import { memberReportXlsxUrl } from '../api/get-org-stats';
import { reportPeriods } from '../lib/report-periods';

export function MemberReport({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const today = useToday();
  const periods = reportPeriods(today);
  const [key, setKey] = useState(periods[0]?.key);
  const period = periods.find((p) => p.key === key) ?? periods[0];
  if (!period) return null;
  return (
    <Space wrap data-testid="member-report">
      <Typography.Text strong>{t('stats.report')}</Typography.Text>
      <Select
        aria-label={t('stats.reportPeriod')}
        value={period.key}
        onChange={setKey}
        style={{ minWidth: 240 }}
        options={periods.map((p) => ({
          value: p.key,
          label: `${t(`stats.${p.kind}`, { year: p.year })}${p.partial ? ` ${t('stats.untilToday')}` : ''}`,
        }))}
      />
      <Button
        icon={<DownloadOutlined />}
        href={memberReportXlsxUrl(orgId, period.from, period.to)}
        download
      >
        {t('stats.download')}
      </Button>
    </Space>
  );
}
