// What the app does when any request says the session is gone or unfinished (the API client
// reports it, lib/api-client.ts): a lost session goes to the sign-in page, which brings the
// user back here afterwards; an unfinished first login goes to its next step. Cached answers
// of a lost session are dropped, so nothing of it shows again (not even through Back).
import type { QueryClient } from '@tanstack/react-query';
import { paths } from '@/config/paths';
import { setSessionProblemHandler } from '@/lib/api-client';
import { returnToOf } from '@/lib/return-to';
import { meKey } from '@/lib/session';

interface RouterLike {
  state: { location: { pathname: string; search: string; hash: string } };
  navigate: (to: string, options?: { replace?: boolean }) => Promise<void>;
}

export function installSessionHandler(router: RouterLike, client: QueryClient): void {
  setSessionProblemHandler((problem) => {
    const location = router.state.location;
    if (problem === 'unauthenticated') {
      if (location.pathname === '/login') return;
      const target = paths.login(returnToOf(location));
      void router.navigate(target, { replace: true }).then(() => {
        void client.cancelQueries();
        client.clear();
      });
      return;
    }
    const returnTo = returnToOf(location);
    const target =
      problem === 'change_password' ? paths.changePassword(returnTo) : paths.enrolTotp(returnTo);
    if (location.pathname === target.split('?')[0]) return;
    void client.invalidateQueries({ queryKey: meKey });
    void router.navigate(target, { replace: true });
  });
}
