// A user's own sessions (ASVS 7.5.2, docs/accounts.md): the open ones listed, and one of them or
// all the others ended after re-authentication with the current password. The choices are pure
// (domain/access/own_sessions.h); sessions are named by their public id, never by the token hash.
#pragma once

#include <string>
#include <vector>

#include "app/context.h"
#include "app/ports/accounts.h"
#include "domain/access/session_policy.h"

namespace chibo::app {

struct OwnSession {
  std::string id;  // the public id
  std::string created_at;
  std::string last_seen_at;  // written at most once a minute (SessionPolicy::touch_every_ms)
  std::string expires_at;
  std::string address;
  std::string user_agent;
  bool current = false;  // the session making the request
};

// The signed-in user's sessions that still admit requests (not ended, not idle, not past their
// lifetime under `policy`), the most recently active first. Not audited: like `me`, it reads only
// what the user's own requests wrote.
Result<std::vector<OwnSession>> list_own_sessions(Context& ctx,
                                                  const domain::SessionPolicy& policy = {});

struct EndOwnSessions {
  std::string id;       // one session by its public id ("" when not given)
  bool others = false;  // or every session but the current one; exactly one of the two
  std::string current_password;
};

// Ends the named session, or every other one, and returns how many ended. Needs the current
// password, checked like a password change's: a wrong one is audited (`user.sessions_end`,
// refused) and counts towards the sign-in throttle of `policy`; once throttled, 429 before any
// password is checked. An id that is none of the user's listed sessions is "not found" whoever's
// it is; the current session is refused on `id` (logout ends it). Audited with the count and the
// public ids ended, in the transaction that ends them.
Result<int64_t> end_own_sessions(Services& services, const Actor& actor,
                                 const EndOwnSessions& request,
                                 const domain::SessionPolicy& policy = {});

}  // namespace chibo::app
