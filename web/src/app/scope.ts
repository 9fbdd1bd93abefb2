// The scope: the organization the user is working in. It lives in the URL (/orgs/:id or
// ?org=) so screens can be bookmarked; the last one is remembered for screens without it.
import { useEffect } from 'react';
import { matchPath, useLocation, useSearchParams } from 'react-router';

const storageKey = 'chibo.scope';

export function rememberedScope(): number | undefined {
  try {
    const value = Number(window.localStorage.getItem(storageKey));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

export function forgetScope(): void {
  try {
    window.localStorage.removeItem(storageKey);
  } catch {
    // nothing remembered
  }
}

/** The scope the URL names, else (on screens that do not name one) the remembered one. */
export function useScope(): number | undefined {
  const location = useLocation();
  const [search] = useSearchParams();
  const fromPath = matchPath('/orgs/:orgId', location.pathname)?.params.orgId;
  const fromQuery = search.get('org');
  const named = Number(fromPath ?? fromQuery ?? NaN);
  const scope = Number.isInteger(named) && named > 0 ? named : undefined;
  useEffect(() => {
    if (!scope) return;
    try {
      window.localStorage.setItem(storageKey, String(scope));
    } catch {
      // not remembered
    }
  }, [scope]);
  // A member list without ?org= is the whole registry: no scope.
  if (location.pathname === '/members') return scope;
  return scope ?? rememberedScope();
}
