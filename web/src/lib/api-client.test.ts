import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  api,
  IDEMPOTENT_ATTEMPTS,
  ApiError,
  parseRetryAfter,
  sessionProblemOf,
  setSessionProblemHandler,
  type SessionProblem,
} from './api-client';
import type { Problem } from '@/types';

function reply(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSessionProblemHandler(() => {});
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('900')).toBe(900);
    expect(parseRetryAfter(' 60 ')).toBe(60);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('session problems', () => {
  const problem = (status: number, code: Problem['code']) => ({ status, code, title: code });

  it('knows a lost session and the first-login steps', () => {
    expect(sessionProblemOf(problem(401, 'unauthenticated'))).toBe('unauthenticated');
    expect(sessionProblemOf(problem(401, 'session_expired'))).toBe('unauthenticated');
    expect(sessionProblemOf(problem(403, 'password_change_required'))).toBe('change_password');
    expect(sessionProblemOf(problem(403, 'totp_enrolment_required'))).toBe('enrol_totp');
  });

  it('leaves other refusals to the caller', () => {
    expect(sessionProblemOf(problem(401, 'login_failed'))).toBeUndefined();
    expect(sessionProblemOf(problem(401, 'totp_required'))).toBeUndefined();
    expect(sessionProblemOf(problem(403, 'forbidden'))).toBeUndefined();
    expect(sessionProblemOf(problem(403, 'csrf_rejected'))).toBeUndefined();
    expect(sessionProblemOf(problem(403, 'unauthenticated'))).toBeUndefined();
    expect(sessionProblemOf(problem(404, 'constructor' as Problem['code']))).toBeUndefined();
  });
});

describe('api', () => {
  it('marks writes for the CSRF check and sends the session cookie', async () => {
    const fetch = vi.fn(async () => reply(204, null));
    vi.stubGlobal('fetch', fetch);
    await api('/auth/logout', { method: 'POST' });
    await api('/orgs');
    const [[, write], [, read]] = fetch.mock.calls as unknown as [string, RequestInit][];
    expect((write.headers as Record<string, string>)['X-Requested-With']).toBe('chibo');
    expect(write.credentials).toBe('same-origin');
    expect((read.headers as Record<string, string>)['X-Requested-With']).toBeUndefined();
    expect(read.credentials).toBe('same-origin');
  });

  it('sends a file as the raw body with its own type, JSON otherwise', async () => {
    const fetch = vi.fn(async () => reply(204, null));
    vi.stubGlobal('fetch', fetch);
    const file = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
    await api('/documents/1/attachments', {
      method: 'POST',
      params: { name: 'a.pdf' },
      body: file,
    });
    await api('/documents/1/withdraw', { method: 'POST', body: { reason: 'x' } });
    const [[url, raw], [, json]] = fetch.mock.calls as unknown as [string, RequestInit][];
    expect(url).toBe('/api/v1/documents/1/attachments?name=a.pdf');
    expect(raw.body).toBe(file);
    expect((raw.headers as Record<string, string>)['Content-Type']).toBe('application/pdf');
    expect(json.body).toBe('{"reason":"x"}');
    expect((json.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('reports a lost session, except from signing in', async () => {
    const seen: SessionProblem[] = [];
    setSessionProblemHandler((problem) => seen.push(problem));
    vi.stubGlobal('fetch', async () => reply(401, { status: 401, code: 'session_expired' }));
    await expect(api('/orgs')).rejects.toBeInstanceOf(ApiError);
    expect(seen).toEqual(['unauthenticated']);
    vi.stubGlobal('fetch', async () => reply(401, { status: 401, code: 'login_failed' }));
    await expect(api('/auth/login', { method: 'POST', body: {} })).rejects.toBeInstanceOf(ApiError);
    expect(seen).toEqual(['unauthenticated']);
  });

  it('carries Retry-After on a throttled sign-in', async () => {
    vi.stubGlobal('fetch', async () =>
      reply(429, { status: 429, code: 'login_throttled' }, { 'retry-after': '900' }),
    );
    const error = await api('/auth/login', { method: 'POST', body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.code).toBe('login_throttled');
    expect((error as ApiError).retryAfter).toBe(900);
  });
});

describe('idempotent creations', () => {
  it('send one key, and send it again after a 503 until the record is created', async () => {
    vi.useFakeTimers();
    const keys: string[] = [];
    const replies = [
      reply(503, { status: 503, code: 'database_unavailable', title: 'x' }, { 'retry-after': '2' }),
      reply(201, { id: 7 }, { 'content-type': 'application/json' }),
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        keys.push((init.headers as Record<string, string>)['Idempotency-Key']);
        return replies.shift()!;
      }),
    );
    const created = api<{ id: number }>('/members', { method: 'POST', body: {}, idempotent: true });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(created).resolves.toEqual({ id: 7 });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    vi.useRealTimers();
  });

  it('do not resend refusals, and give up after a few attempts', async () => {
    const fetch = vi.fn(async () =>
      reply(422, { status: 422, code: 'validation_failed', title: 'x' }),
    );
    vi.stubGlobal('fetch', fetch);
    await expect(api('/members', { method: 'POST', body: {}, idempotent: true })).rejects.toThrow();
    expect(fetch).toHaveBeenCalledTimes(1);
    vi.useFakeTimers();
    const down = vi.fn(async () =>
      reply(503, { status: 503, code: 'database_unavailable', title: 'x' }),
    );
    vi.stubGlobal('fetch', down);
    const failed = api('/orgs', { method: 'POST', body: {}, idempotent: true });
    const settled = expect(failed).rejects.toThrow();
    await vi.advanceTimersByTimeAsync(10_000);
    await settled;
    expect(down).toHaveBeenCalledTimes(IDEMPOTENT_ATTEMPTS);
    vi.useRealTimers();
  });
});
