// What a failed sign-in tells the person, by the server's code (docs/accounts.md). The texts
// are the UI's own (the server's throttling message counts seconds; people think in minutes).
import type { ApiError } from '@/lib/api-client';

export type LoginOutcome =
  | { kind: 'totp_required' }
  | { kind: 'totp_invalid' }
  | { kind: 'failed' }
  | { kind: 'throttled'; minutes: number }
  | { kind: 'network' }
  | { kind: 'other'; message: string };

/** Whole minutes to wait, at least 1: 900 s -> 15, 61 s -> 2. Undefined when unknown. */
export function minutesToWait(seconds: number | undefined): number | undefined {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return undefined;
  return Math.max(1, Math.ceil(seconds / 60));
}

export function loginOutcome(error: ApiError): LoginOutcome {
  switch (error.problem.code) {
    case 'totp_required':
      return { kind: 'totp_required' };
    case 'totp_invalid':
      return { kind: 'totp_invalid' };
    case 'login_failed':
      return { kind: 'failed' };
    case 'login_throttled': {
      // The problem also carries retry_after (seconds), in case a proxy drops the header.
      const extra = Number((error.problem as { retry_after?: unknown }).retry_after);
      const seconds = error.retryAfter ?? (Number.isFinite(extra) ? extra : undefined);
      return { kind: 'throttled', minutes: minutesToWait(seconds) ?? 15 };
    }
    default:
      if (error.status === 0) return { kind: 'network' };
      return { kind: 'other', message: error.problem.detail || error.problem.title };
  }
}
