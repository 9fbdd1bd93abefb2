// /dues/arrears?org=&year=: members who did not pay dues for the rule's number of months.
import { Flex, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { ArrearsTable } from '@/features/dues/components/arrears-list';
import { duesRead, readYearParams, writeYearParams } from '@/features/dues/lib/dues';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { useToday } from '@/lib/today';
import { RequirePermission } from '../layout/require-permission';
import { useScope } from '../scope';

export default function DuesArrearsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const today = useToday();
  const me = useMe();
  const params = readYearParams(search, today, useScope() ?? scopeIds(me)?.[0]);
  useDocumentTitle(t('dues.arrears.link'));
  return (
    <RequirePermission permission={duesRead}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('dues.arrears.title', { year: params.year })}
          </Typography.Title>
          <Space wrap>
            <OrgPicker
              value={params.org}
              onChange={(org) => setSearch(writeYearParams({ ...params, org: org ?? undefined }))}
              style={{ width: 360, maxWidth: '100%' }}
              aria-label={t('dues.org')}
              placeholder={t('dues.chooseOrg')}
            />
            <InputNumber<number>
              aria-label={t('dues.year')}
              value={params.year}
              min={2000}
              max={2100}
              precision={0}
              onChange={(year) => year && setSearch(writeYearParams({ ...params, year }))}
            />
          </Space>
        </Flex>
        <ArrearsTable org={params.org} year={params.year} />
      </Space>
    </RequirePermission>
  );
}
