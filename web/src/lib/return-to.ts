// Where a sign-in returns to. The address travels in ?return_to= and is followed only when it
// is a path of this app (never another site, never the API, never a sign-in step itself), so a
// crafted login link cannot send the user elsewhere.
import { paths } from '@/config/paths';
import type { Me, SessionStage } from '@/types';
import { homePath } from './permissions';

const refusedPaths = ['/login', '/first-login', '/api'];

/** `returnTo` if it is safe to follow after signing in, else undefined. */
export function safeReturnTo(returnTo: string | null | undefined): string | undefined {
  if (!returnTo || returnTo.length > 2000) return undefined;
  if (!returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\')) {
    return undefined;
  }
  // Control characters and spaces could smuggle a scheme or host past the checks above.
  if ([...returnTo].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) === 0x7f)) {
    return undefined;
  }
  let pathname = returnTo.split(/[?#]/, 1)[0];
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (pathname.startsWith('//') || pathname.includes('\\')) return undefined;
  if (refusedPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`))) {
    return undefined;
  }
  return returnTo;
}

/** The address to come back to: the current location, unless that is a sign-in step. */
export function returnToOf(location: { pathname: string; search: string; hash?: string }) {
  return safeReturnTo(`${location.pathname}${location.search}${location.hash ?? ''}`);
}

/** The first-login step a session's stage requires, or undefined when it is complete. */
export function stageStep(stage: SessionStage): 'password' | 'totp' | undefined {
  if (stage === 'change_password') return 'password';
  if (stage === 'enrol_totp') return 'totp';
  return undefined;
}

/** Where a session goes next: the first-login step its stage needs, else `returnTo` or home. */
export function afterSignIn(
  me: Pick<Me, 'stage' | 'permissions' | 'member_id'>,
  returnTo: string | undefined,
): string {
  const step = stageStep(me.stage);
  if (step === 'password') return paths.changePassword(returnTo);
  if (step === 'totp') return paths.enrolTotp(returnTo);
  return returnTo ?? homePath(me);
}
