// The directive cascade's reads and writes: the list of a subtree, a directive with its tasks,
// its roll-up at an organization, its assignments and study sessions; an organization's
// received (or given) assignments; an assignment with its reports. Creating writes carry an
// Idempotency-Key; state changes send the version seen (409 when someone moved it first).
// Every write refreshes what it changed: the directive, the roll-ups, the assignment lists.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type {
  AssignmentBatch,
  AssignmentCreateInput,
  AssignmentDetail,
  AssignmentPage,
  Directive,
  DirectiveCreateInput,
  DirectivePage,
  DirectiveRollup,
  PartyDocumentPage,
  ReportInput,
  ReportReturnInput,
  ReportReviewInput,
  Study,
  StudyInput,
  StudyList,
  SubAssignmentCreateInput,
} from '@/types';
import {
  assignmentListQuery,
  directiveListQuery,
  type AssignmentListParams,
  type DirectiveListParams,
} from '../lib/directive-params';

export const directiveKeys = {
  all: ['directives'] as const,
  list: (params: DirectiveListParams) => ['directives', 'list', params] as const,
  detail: (id: number) => ['directives', 'detail', id] as const,
  rollup: (id: number, org: number | undefined) => ['directives', 'rollup', id, org] as const,
  assignments: (id: number, org: number | undefined) =>
    ['directives', 'assignments', id, org] as const,
  studies: (id: number) => ['directives', 'studies', id] as const,
  orgAssignments: (params: AssignmentListParams) => ['assignments', 'org', params] as const,
  assignment: (id: number) => ['assignments', 'detail', id] as const,
};

export const directivesQuery = (params: DirectiveListParams) =>
  queryOptions({
    queryKey: directiveKeys.list(params),
    queryFn: ({ signal }) =>
      api<DirectivePage>('/directives', { params: directiveListQuery(params), signal }),
    staleTime: 5_000,
  });

export function useDirectives(params: DirectiveListParams) {
  return useQuery({ ...directivesQuery(params), placeholderData: keepPreviousData });
}

export const directiveQuery = (id: number) =>
  queryOptions({
    queryKey: directiveKeys.detail(id),
    queryFn: ({ signal }) => api<Directive>(`/directives/${id}`, { signal }),
  });

/** While a background fan-out runs, the directive is read again every 2 s for its progress. */
export function useDirective(id: number) {
  return useQuery({
    ...directiveQuery(id),
    refetchInterval: (query) =>
      query.state.data?.fanouts.some((fanout) => fanout.state === 'running') ? 2_000 : false,
  });
}

/** The roll-up at `org` (none: the top of the user's reach), with its children. */
export const rollupQuery = (id: number, org: number | undefined) =>
  queryOptions({
    queryKey: directiveKeys.rollup(id, org),
    queryFn: ({ signal }) =>
      api<DirectiveRollup>(`/directives/${id}/rollup`, { params: { org }, signal }),
  });

export function useRollup(id: number, org: number | undefined) {
  return useQuery({ ...rollupQuery(id, org), placeholderData: keepPreviousData });
}

/** The assignments of a directive in one organization's subtree, in tree order. */
export function useDirectiveAssignments(id: number, org: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: directiveKeys.assignments(id, org),
    queryFn: ({ signal }) =>
      api<AssignmentPage>(`/directives/${id}/assignments`, {
        params: { org, limit: 100 },
        signal,
      }),
    enabled,
  });
}

export function useStudies(id: number) {
  return useQuery({
    queryKey: directiveKeys.studies(id),
    queryFn: ({ signal }) => api<StudyList>(`/directives/${id}/studies`, { signal }),
  });
}

export const orgAssignmentsQuery = (params: AssignmentListParams) =>
  queryOptions({
    queryKey: directiveKeys.orgAssignments(params),
    queryFn: ({ signal }) =>
      api<AssignmentPage>(`/orgs/${params.org}/assignments`, {
        params: assignmentListQuery(params),
        signal,
      }),
    enabled: !!params.org,
  });

export function useOrgAssignments(params: AssignmentListParams) {
  return useQuery({ ...orgAssignmentsQuery(params), placeholderData: keepPreviousData });
}

export const assignmentQuery = (id: number) =>
  queryOptions({
    queryKey: directiveKeys.assignment(id),
    queryFn: ({ signal }) => api<AssignmentDetail>(`/assignments/${id}`, { signal }),
  });

export function useAssignment(id: number) {
  return useQuery(assignmentQuery(id));
}

/**
 * Register documents of an organization's subtree matching `q` (number, symbol or summary), to
 * link a directive to the document it is: the organization's outgoing ones and its incoming
 * ones (from above).
 */
export function useRegisterSearch(org: number | undefined, q: string) {
  return useQuery({
    queryKey: ['directives', 'documents', org, q] as const,
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        (['outgoing', 'incoming'] as const).map((direction) =>
          api<PartyDocumentPage>('/documents', {
            params: { direction, org, q: q || undefined, status: 'active', limit: 20 },
            signal,
          }),
        ),
      );
      return pages.flatMap((page) => page.items);
    },
    enabled: !!org,
    staleTime: 30_000,
  });
}

function useCascadeChanged() {
  const client = useQueryClient();
  return (assignment?: AssignmentDetail) => {
    if (assignment) client.setQueryData(directiveKeys.assignment(assignment.id), assignment);
    void client.invalidateQueries({ queryKey: ['directives'] });
    void client.invalidateQueries({ queryKey: ['assignments'] });
  };
}

export function useIssueDirective() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DirectiveCreateInput) =>
      api<Directive>('/directives', { method: 'POST', body: input, idempotent: true }),
    onSuccess: (directive) => {
      client.setQueryData(directiveKeys.detail(directive.id), directive);
      void client.invalidateQueries({ queryKey: ['directives', 'list'] });
    },
  });
}

/** From the issuing level: tasks times targets. */
export function useAssignTasks(directive: number) {
  const changed = useCascadeChanged();
  return useMutation({
    mutationFn: (input: AssignmentCreateInput) =>
      api<AssignmentBatch>(`/directives/${directive}/assignments`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => changed(),
  });
}

/** From a received assignment down to the organization's own subtree. */
export function useSubAssign(assignment: number) {
  const changed = useCascadeChanged();
  return useMutation({
    mutationFn: (input: SubAssignmentCreateInput) =>
      api<AssignmentBatch>(`/assignments/${assignment}/assignments`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => changed(),
  });
}

export type AssignmentStep = 'acknowledge' | 'start' | 'accept' | 'return';

/** acknowledge / start (the version), accept (an optional comment), return (a comment). */
export function useAssignmentStep(assignment: number) {
  const changed = useCascadeChanged();
  return useMutation({
    mutationFn: ({
      step,
      body,
    }: {
      step: AssignmentStep;
      body: ReportReviewInput | ReportReturnInput;
    }) =>
      api<AssignmentDetail>(`/assignments/${assignment}/${step}`, {
        method: 'POST',
        body,
        idempotent: true,
      }),
    onSuccess: changed,
  });
}

export function useSubmitReport(assignment: number) {
  const changed = useCascadeChanged();
  return useMutation({
    mutationFn: (input: ReportInput) =>
      api<AssignmentDetail>(`/assignments/${assignment}/reports`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: changed,
  });
}

export function useRecordStudy(directive: number) {
  const changed = useCascadeChanged();
  return useMutation({
    mutationFn: (input: StudyInput) =>
      api<Study>(`/directives/${directive}/studies`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: () => changed(),
  });
}
