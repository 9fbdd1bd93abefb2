// Transfers of an organization's subtree (GET /transfers, newest first, at most 500) and the
// two ways an open one ends: complete (the receiving side confirmed; a temporary one is over)
// and cancel (an official transfer out brings the member back on the roll).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { orgKeys } from '@/lib/org-queries';
import type { Transfer, TransferCancelInput, TransferCompleteInput } from '@/types';
import { transferQuery, type TransferAction, type TransferFilters } from '../lib/transfers';

export const transfersQuery = (filters: TransferFilters) =>
  queryOptions({
    queryKey: ['lifecycle', 'transfers', transferQuery(filters)] as const,
    queryFn: ({ signal }) =>
      api<{ items: Transfer[] }>('/transfers', { params: transferQuery(filters), signal }).then(
        (body) => body.items,
      ),
    staleTime: 5_000,
  });

export function useTransfers(filters: TransferFilters) {
  return useQuery({ ...transfersQuery(filters), enabled: !!filters.org });
}

/** POST /transfers/{id}/complete or /cancel (a cancel gives its reason). */
export type TransferActionInput = TransferCompleteInput | TransferCancelInput;

export function useTransferAction(id: number, action: TransferAction) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TransferActionInput) =>
      api<Transfer>(`/transfers/${id}/${action}`, { method: 'POST', body }),
    onSuccess: (transfer) => {
      void client.invalidateQueries({ queryKey: ['lifecycle'] });
      // A cancelled transfer out puts the member back on the roll: status and counts change.
      if (transfer.member_id) {
        void client.invalidateQueries({ queryKey: ['members'] });
        void client.invalidateQueries({ queryKey: orgKeys.all });
      }
    },
  });
}
