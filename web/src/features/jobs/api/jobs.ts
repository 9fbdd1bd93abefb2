// The background jobs (administrators): each kind's last and next run, status and errors, and
// running one now.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { JobKind, JobList, JobRunResult } from '@/types';

export function useJobs() {
  return useQuery({
    queryKey: ['jobs'],
    queryFn: ({ signal }) => api<JobList>('/jobs', { signal }),
  });
}

export function useRunJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (kind: JobKind) =>
      api<JobRunResult>(`/jobs/${kind}/run`, { method: 'POST', body: {} }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['jobs'] });
      // A run may have written reminders or marked assignments overdue.
      void client.invalidateQueries({ queryKey: ['inbox'] });
      void client.invalidateQueries({ queryKey: ['directives'] });
      void client.invalidateQueries({ queryKey: ['assignments'] });
    },
  });
}
