// Structural warnings (e.g. fewer than 3 official members) with the rule and its source.
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import type { StructureWarning } from '@/types';

export function OrgWarnings({ warnings }: { warnings: StructureWarning[] }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="org-warnings">
      {warnings.map((warning) => (
        <Alert
          key={warning.code}
          type="warning"
          showIcon
          title={t(`org.warnings.${warning.code}`, {
            actual: formatNumber(warning.actual, i18n.language),
            threshold: formatNumber(warning.threshold, i18n.language),
            defaultValue: warning.code,
          })}
          description={
            <>
              {t('org.warnings.source', { source: warning.source })}{' '}
              <Typography.Text type="secondary" code>
                {warning.rule}
              </Typography.Text>
            </>
          }
        />
      ))}
    </Space>
  );
}
