// Personal plans (issue 13): the signed-in member's plan of a year (read, record, edit until the
// cell reviews it), a cell's list with who has and has not recorded, and the cell's review of
// one plan. Recording and reviewing carry an Idempotency-Key; an edit sends the version seen.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type {
  CellPlans,
  MyPlan,
  PlanEditInput,
  PlanNewInput,
  PlanReviewInput,
  PlanView,
} from '@/types';

export const planKeys = {
  all: ['plans'] as const,
  mine: (year: number) => ['plans', 'mine', year] as const,
  cell: (org: number, year: number) => ['plans', 'cell', org, year] as const,
};

export const myPlanQuery = (year: number) =>
  queryOptions({
    queryKey: planKeys.mine(year),
    queryFn: ({ signal }) => api<MyPlan>('/plans/mine', { params: { year }, signal }),
    retry: false,
  });

export function useMyPlan(year: number, enabled = true) {
  return useQuery({ ...myPlanQuery(year), enabled });
}

export const cellPlansQuery = (org: number, year: number) =>
  queryOptions({
    queryKey: planKeys.cell(org, year),
    queryFn: ({ signal }) => api<CellPlans>(`/orgs/${org}/plans`, { params: { year }, signal }),
    retry: false,
  });

export function useCellPlans(org: number | undefined, year: number) {
  return useQuery({ ...cellPlansQuery(org ?? 0, year), enabled: !!org });
}

export function useRecordPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanNewInput) =>
      api<PlanView>('/plans/mine', { method: 'POST', body: input, idempotent: true }),
    onSuccess: () => void client.invalidateQueries({ queryKey: planKeys.all }),
  });
}

export function useUpdatePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: PlanEditInput }) =>
      api<PlanView>(`/plans/${id}`, { method: 'PUT', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: planKeys.all }),
  });
}

export function useReviewPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: PlanReviewInput }) =>
      api<PlanView>(`/plans/${id}/reviews`, { method: 'POST', body: input, idempotent: true }),
    onSuccess: () => void client.invalidateQueries({ queryKey: planKeys.all }),
  });
}
