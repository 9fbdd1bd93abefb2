// Beside a new outgoing document's form: the number and symbol it will get, asked of the server
// again whenever the organization, issuing body, type or date changes (a preview, not a
// reservation: the number is given when the document is saved). A refusal (no term on that
// date, a type the body does not issue) is shown here as the server words it.
import { Alert, Card, Form, Space, Spin, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { useProblemText } from '@/lib/problem-text';
import { useDocumentCatalog, useNextNumber } from '../api/documents';
import { nextNumberRequest, type OutgoingValues } from '../lib/documents';

export function NumberPreview({ form }: { form: FormInstance<OutgoingValues> }) {
  const { t } = useTranslation();
  const text = useProblemText();
  const catalog = useDocumentCatalog().data;
  const values = {
    org_id: Form.useWatch('org_id', form),
    issuing_body: Form.useWatch('issuing_body', form),
    type: Form.useWatch('type', form),
    issued_on: Form.useWatch('issued_on', form),
  };
  const next = useNextNumber(values, catalog);
  const ready = !!nextNumberRequest(values, catalog);
  const problem = next.isError && isApiError(next.error) ? next.error.problem : undefined;

  return (
    <Card size="small" title={t('document.preview.title')} data-testid="number-preview-card">
      {!ready ? (
        <Typography.Text type="secondary">{t('document.preview.waiting')}</Typography.Text>
      ) : next.isPending ? (
        <Space>
          <Spin size="small" />
          <Typography.Text type="secondary">{t('document.preview.loading')}</Typography.Text>
        </Space>
      ) : next.isError ? (
        <Alert
          type="warning"
          showIcon
          data-testid="number-preview-problem"
          title={problem?.title ?? String(next.error)}
          description={
            problem?.errors?.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problem.errors.map((error, index) => (
                  <li key={index}>{text(error)}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Title
            level={2}
            style={{ margin: 0, opacity: next.isFetching ? 0.5 : 1 }}
            data-testid="number-preview"
            data-symbol={next.isFetching ? undefined : next.data.symbol}
          >
            {next.data.symbol}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('document.preview.term', {
              term: next.data.term.name,
              from: formatDate(next.data.term.starts_on),
              to: next.data.term.ends_on ? formatDate(next.data.term.ends_on) : '…',
            })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('document.preview.note')}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
