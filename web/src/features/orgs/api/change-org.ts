// Writes to the organization tree. Each success invalidates every organization query (counts
// and child lists change along the path) and the member lists (members may have moved).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { orgKeys } from '@/lib/org-queries';
import type {
  Org,
  OrgCreateInput,
  OrgDissolveInput,
  OrgMergeInput,
  OrgMoveInput,
  OrgUpdateInput,
} from '@/types';

/** What the organization form holds; the server says what is missing (422, by field). */
export type OrgFields = Omit<OrgUpdateInput, 'version'>;

function useOrgMutation<Input>(request: (input: Input) => Promise<Org>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: orgKeys.all });
      void client.invalidateQueries({ queryKey: ['members'] });
    },
  });
}

export function useCreateOrg() {
  return useOrgMutation((input: OrgFields & Pick<OrgCreateInput, 'parent_id'>) =>
    api<Org>('/orgs', { method: 'POST', body: input, idempotent: true }),
  );
}

export function useUpdateOrg(id: number) {
  return useOrgMutation((input: OrgUpdateInput & { version: number }) =>
    api<Org>(`/orgs/${id}`, { method: 'PATCH', body: input }),
  );
}

export function useMoveOrg(id: number) {
  return useOrgMutation((input: OrgMoveInput & { version: number }) =>
    api<Org>(`/orgs/${id}/move`, { method: 'POST', body: input }),
  );
}

export function useMergeOrg(id: number) {
  return useOrgMutation((input: OrgMergeInput & { version: number }) =>
    api<Org>(`/orgs/${id}/merge`, { method: 'POST', body: input }),
  );
}

export function useDissolveOrg(id: number) {
  return useOrgMutation((input: OrgDissolveInput & { version: number }) =>
    api<Org>(`/orgs/${id}/dissolve`, { method: 'POST', body: input }),
  );
}
