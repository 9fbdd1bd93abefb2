// The one way the UI talks to the chibo API: JSON in and out, the UI's language in
// Accept-Language (server messages follow it), and every failure as an ApiError carrying the
// server's problem+json body (or a synthesized one for network failures).
import type { Problem } from '@/types/api';

let language = 'vi';

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

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
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
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  params?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

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

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${toQueryString(options.params ?? {})}`, {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ code: 'network_error', status: 0, title: (error as Error).message });
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
