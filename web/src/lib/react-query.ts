import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

// Retry only what may pass on a second try: network failures and 503 (database busy).
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  return isApiError(error) && (error.status === 0 || error.status === 503);
}

/** The one query cache of the app (also used by route loaders to start fetches early). */
export const queryClient = createQueryClient();

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
