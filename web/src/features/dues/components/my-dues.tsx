// The dues part of "Chi bộ của tôi" (app/routes/my-cell.tsx): the signed-in member's own dues
// card (GET /dues/mine), without the actions.
import { useEffect } from 'react';
import { ErrorState, LoadingState } from '@/components/page-state';
import { isApiError } from '@/lib/api-client';
import { useMyDues } from '../api/dues';
import { MemberDuesCard } from './member-dues-view';

export function MyDuesPanel({ onNotLinked }: { onNotLinked: () => void }) {
  const dues = useMyDues();
  const unlinked =
    isApiError(dues.error) && String(dues.error.problem.code) === 'account_not_linked_to_member';
  useEffect(() => {
    if (unlinked) onNotLinked();
  }, [unlinked, onNotLinked]);
  if (unlinked) return null;
  if (dues.isPending) return <LoadingState rows={4} />;
  if (dues.isError) {
    return <ErrorState error={dues.error} compact onRetry={() => void dues.refetch()} />;
  }
  return <MemberDuesCard dues={dues.data} own />;
}
