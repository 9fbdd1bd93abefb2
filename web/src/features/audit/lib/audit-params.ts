// The audit viewer's filters in the URL (/audit?actor_id=3&action=auth.login&from=2025-01-01),
// and as GET /audit's query: dates are the viewer's local days, sent as UTC instants.
import type { AuditFilters } from '@/types';

export interface AuditParams {
  actor_id?: number;
  object_type?: string;
  object_id?: string;
  action?: string;
  from?: string; // YYYY-MM-DD, local
  to?: string; // YYYY-MM-DD, local, inclusive
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function text(value: string | null, max = 100): string | undefined {
  const trimmed = (value ?? '').trim().slice(0, max);
  return trimmed || undefined;
}

export function readAuditParams(search: URLSearchParams): AuditParams {
  const actor = Number(search.get('actor_id'));
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? '';
  return {
    actor_id: Number.isInteger(actor) && actor > 0 ? actor : undefined,
    object_type: text(search.get('object_type')),
    object_id: text(search.get('object_id')),
    action: text(search.get('action')),
    from: isoDate.test(from) ? from : undefined,
    to: isoDate.test(to) ? to : undefined,
  };
}

export function writeAuditParams(params: AuditParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of ['actor_id', 'object_type', 'object_id', 'action', 'from', 'to'] as const) {
    const value = params[key];
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  return search;
}

export function activeAuditFilters(params: AuditParams): number {
  return Object.values(params).filter((value) => value !== undefined && value !== '').length;
}

/** The UTC instant a local date-time is, as the server writes instants (…T17:00:00.000Z). */
function localInstant(date: string, endOfDay: boolean): string {
  const [year, month, day] = date.split('-').map(Number);
  const at = endOfDay
    ? new Date(year, month - 1, day, 23, 59, 59, 999)
    : new Date(year, month - 1, day, 0, 0, 0, 0);
  return at.toISOString();
}

/** GET /audit's filters for these params (the local days as instants). */
export function auditRequest(params: AuditParams): AuditFilters {
  return {
    actor_id: params.actor_id,
    object_type: params.object_type,
    object_id: params.object_id,
    action: params.action,
    from: params.from ? localInstant(params.from, false) : undefined,
    to: params.to ? localInstant(params.to, true) : undefined,
  };
}

/** Details as readable JSON (2-space indent); plain text stays as it is. */
export function prettyDetails(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details === 'string') return details;
  return JSON.stringify(details, null, 2);
}

/** The actions the server records (docs/accounts.md), for the filter's suggestions. */
export const knownActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.create',
  'user.update',
  'user.reset_password',
  'user.end_sessions',
  'user.sessions_end',
  'user.password_change',
  'user.totp_begin',
  'user.totp_enrol',
  'member.create',
  'member.update',
  'member.import',
  'member.export',
  'member.read_restricted',
  'org.create',
  'org.update',
  'org.move',
  'org.merge',
  'org.dissolve',
];

export const knownObjectTypes = ['member', 'organization', 'user', 'session', 'export'];
