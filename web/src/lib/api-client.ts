// The one way the UI talks to the chibo API: JSON in and out, the UI's language in
// Accept-Language (server messages follow it), and every failure as an ApiError carrying the
// server's problem+json body (or a synthesized one for network failures). Every write says
// X-Requested-With: chibo (the server's CSRF check; the browser adds Origin itself), every
// request sends the session cookie, and a lost session or an unfinished first login is reported
// to the app (setSessionProblemHandler), which owns the router.
import type { Problem } from '@/types';

let language = 'vi';

/**
 * What a failed request says about the session: gone (401 unauthenticated or
 * session_expired), or signed in but a first-login step is due (403 password_change_required /
 * totp_enrolment_required).
 */
export type SessionProblem = 'unauthenticated' | 'change_password' | 'enrol_totp';

const sessionProblems: Record<string, SessionProblem> = {
  unauthenticated: 'unauthenticated',
  session_expired: 'unauthenticated',
  password_change_required: 'change_password',
  totp_enrolment_required: 'enrol_totp',
};

// Signing in and out answer for themselves: their failures are the caller's to show.
const sessionRoutes = new Set(['/auth/login', '/auth/logout']);

let onSessionProblem: ((problem: SessionProblem) => void) | undefined;

/** The app's reaction to session problems (it owns the router); one handler at a time. */
export function setSessionProblemHandler(handler: (problem: SessionProblem) => void): void {
  onSessionProblem = handler;
}

export function sessionProblemOf(problem: Problem): SessionProblem | undefined {
  if (problem.status !== 401 && problem.status !== 403) return undefined;
  if (!Object.hasOwn(sessionProblems, problem.code)) return undefined;
  const found = sessionProblems[problem.code];
  return (found === 'unauthenticated') === (problem.status === 401) ? found : undefined;
}

/** Called by the i18n setup whenever the UI language changes. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

export function apiLanguage(): string {
  return language;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait before trying again (Retry-After on 429 and 503), when the server said. */
  readonly retryAfter?: number;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export type QueryValue =
  string | number | boolean | null | undefined | readonly (string | number)[];

/** "?a=1&b=x,y" from an object; empty, null and undefined values and empty lists are left out. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  params?: Record<string, QueryValue>;
  /** JSON, or a file (Blob) sent as the raw body with its own type, as attachments are. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * A creating POST: sent with an Idempotency-Key, and sent again with the same key when the
   * reply is lost (network error) or the server answers 503 (its database is restarting or
   * failing over), so that the record is created once however many times it is sent.
   */
  idempotent?: boolean;
}

/** Attempts in all for an idempotent request, and the longest wait between two. */
export const IDEMPOTENT_ATTEMPTS = 4;
const MAX_RETRY_WAIT_SECONDS = 5;

/** 128 random bits as hex (crypto.randomUUID needs a secure context; plain HTTP on a LAN is not one). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    });
  });

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      return {
        code: body.code ?? 'http_error',
        status: body.status ?? response.status,
        title: body.title ?? response.statusText,
        ...body,
      } as Problem;
    } catch {
      // fall through to the generic problem below
    }
  }
  return {
    code: 'http_error',
    status: response.status,
    title: response.statusText || 'HTTP error',
  };
}

/** Retry-After as seconds: either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  if (!options.idempotent) return request<T>(path, options, {});
  const key = newIdempotencyKey();
  for (let attempt = 1; ; attempt++) {
    try {
      return await request<T>(path, options, { 'Idempotency-Key': key });
    } catch (error) {
      const retryable =
        isApiError(error) &&
        (error.problem.status === 503 || error.problem.code === 'network_error');
      if (!retryable || attempt >= IDEMPOTENT_ATTEMPTS) throw error;
      const wait = Math.min(error.retryAfter ?? 1, MAX_RETRY_WAIT_SECONDS);
      await sleep(wait * 1000, options.signal);
    }
  }
}

async function request<T>(
  path: string,
  options: RequestOptions,
  extraHeaders: Record<string, string>,
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
  };
  if (method !== 'GET') headers['X-Requested-With'] = 'chibo';
  Object.assign(headers, extraHeaders);
  let body: BodyInit | undefined;
  if (options.body instanceof Blob) {
    headers['Content-Type'] = options.body.type || 'application/octet-stream';
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${toQueryString(options.params ?? {})}`, {
      method,
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ code: 'network_error', status: 0, title: (error as Error).message });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    const session = sessionRoutes.has(path) ? undefined : sessionProblemOf(problem);
    if (session) onSessionProblem?.(session);
    throw new ApiError(problem, parseRetryAfter(response.headers.get('retry-after')));
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
