// The inspection API's reads and writes: a subtree's programmes of a year, one programme, one
// inspection, the violations and recommendations of a subtree; issuing and amending programmes,
// recording stages and the conclusion, closing an item. Every write refreshes the area.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type {
  InspectionConclusionNew,
  InspectionItem,
  InspectionItemClose,
  InspectionItemList,
  InspectionProgrammeList,
  InspectionProgrammeNew,
  InspectionProgrammePatch,
  InspectionProgrammeView,
  InspectionStageNew,
  InspectionView,
} from '@/types';

export const inspectionKeys = {
  all: ['inspections'] as const,
  programmes: (org: number, year: number) => ['inspections', 'programmes', org, year] as const,
  programme: (id: number) => ['inspections', 'programme', id] as const,
  detail: (id: number) => ['inspections', 'detail', id] as const,
  items: (org: number, state: string, overdue: boolean) =>
    ['inspections', 'items', org, state, overdue] as const,
};

export function useProgrammes(org: number | undefined, year: number) {
  return useQuery({
    queryKey: inspectionKeys.programmes(org ?? 0, year),
    queryFn: ({ signal }) =>
      api<InspectionProgrammeList>('/inspection-programmes', {
        params: { org_id: org, year },
        signal,
      }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

export function useProgramme(id: number, enabled = true) {
  return useQuery({
    queryKey: inspectionKeys.programme(id),
    queryFn: ({ signal }) =>
      api<InspectionProgrammeView>(`/inspection-programmes/${id}`, { signal }),
    enabled,
  });
}

export function useInspection(id: number) {
  return useQuery({
    queryKey: inspectionKeys.detail(id),
    queryFn: ({ signal }) => api<InspectionView>(`/inspections/${id}`, { signal }),
  });
}

export function useInspectionItems(org: number | undefined, state: string, overdue: boolean) {
  return useQuery({
    queryKey: inspectionKeys.items(org ?? 0, state, overdue),
    queryFn: ({ signal }) =>
      api<InspectionItemList>('/inspection-items', {
        params: { org_id: org, state: state || undefined, overdue: overdue || undefined },
        signal,
      }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

function useChanged() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: inspectionKeys.all });
}

export function useCreateProgramme() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (input: InspectionProgrammeNew) =>
      api<InspectionProgrammeView>('/inspection-programmes', {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: changed,
  });
}

export function useUpdateProgramme(id: number) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (input: InspectionProgrammePatch) =>
      api<InspectionProgrammeView>(`/inspection-programmes/${id}`, {
        method: 'PATCH',
        body: input,
      }),
    onSuccess: changed,
  });
}

export function useRecordStage(id: number) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (input: InspectionStageNew) =>
      api<InspectionView>(`/inspections/${id}/stages`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: changed,
  });
}

export function useConclude(id: number) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (input: InspectionConclusionNew) =>
      api<InspectionView>(`/inspections/${id}/conclusion`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: changed,
  });
}

export function useCloseItem() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: InspectionItemClose }) =>
      api<InspectionItem>(`/inspection-items/${id}/close`, {
        method: 'POST',
        body: input,
        idempotent: true,
      }),
    onSuccess: changed,
  });
}
