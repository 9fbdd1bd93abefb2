// The three states every data view has besides "ready": loading, failed, empty.
import { Button, Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';

export function LoadingState({ rows = 4, label }: { rows?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" aria-label={label ?? t('common.loading')}>
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}

export function ErrorState({
  error,
  onRetry,
  compact,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const notFound = isApiError(error) && error.status === 404;
  const detail = isApiError(error)
    ? error.status === 0
      ? t('common.networkError')
      : error.problem.detail || error.problem.title
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? t('common.notFound') : t('common.loadFailed')}
      subTitle={detail}
      style={compact ? { padding: 16 } : undefined}
      extra={
        onRetry && !notFound ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      role="alert"
    />
  );
}

export function EmptyState({
  description,
  action,
}: {
  description: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {action}
    </Empty>
  );
}
