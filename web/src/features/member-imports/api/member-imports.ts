// Members imports in the background (issue 16): the file is POSTed as the raw body (its name in
// ?name=), then the import is polled until it ends; an import not yet done can be cancelled.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MemberImport } from '@/types';

export const memberImportKeys = {
  all: ['member-imports'] as const,
  detail: (id: number) => ['member-imports', id] as const,
};

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function importEnded(view: MemberImport | undefined): boolean {
  return !!view && ['done', 'failed', 'cancelled'].includes(view.state);
}

/** The file's type as the server wants it told: by its extension when the browser has none. */
function typed(file: File): Blob {
  if (file.type === XLSX_TYPE || file.type === 'text/csv') return file;
  const xlsx = file.name.toLowerCase().endsWith('.xlsx');
  return new Blob([file], { type: xlsx ? XLSX_TYPE : 'text/csv' });
}

export function useStartMemberImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api<MemberImport>('/members/imports', {
        method: 'POST',
        params: { name: file.name },
        body: typed(file),
        idempotent: true,
      }),
    onSuccess: (view) => client.setQueryData(memberImportKeys.detail(view.id), view),
  });
}

/** The import, polled every second until it ends. */
export function useMemberImport(id: number | undefined) {
  return useQuery({
    queryKey: memberImportKeys.detail(id ?? 0),
    queryFn: ({ signal }) => api<MemberImport>(`/members/imports/${id}`, { signal }),
    enabled: !!id,
    refetchInterval: (query) => (importEnded(query.state.data) ? false : 1000),
  });
}

export function useCancelMemberImport(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<MemberImport>(`/members/imports/${id}/cancel`, { method: 'POST', body: {} }),
    onSuccess: (view) => client.setQueryData(memberImportKeys.detail(id), view),
  });
}
