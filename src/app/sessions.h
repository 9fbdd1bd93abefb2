// Signing in and out, and what a session may do: login with password and second factor,
// throttling, session lookup per request, password change and TOTP enrolment. See
// docs/accounts.md for the rules these implement.
#pragma once

#include <string>
#include <vector>

#include "app/context.h"
#include "app/ports/accounts.h"
#include "app/session_cache.h"
#include "domain/access/session_policy.h"

namespace chibo::app {

struct LoginAttempt {
  std::string username;
  std::string password;
  std::string totp;  // "" when not given
  std::string address;
  std::string user_agent;
  std::string request_id;
  // The session cookie the browser still sent, if any: a successful login ends that session,
  // so no token from before the login stays valid (session fixation, ASVS 7.2.4).
  std::string previous_token;
};

struct SignedIn {
  std::string token;  // for the cookie; stored only as its hash
  Session session;
  User user;
};

// Checks the password (Argon2id) and, when enrolled, the second factor; refuses while
// throttled. Each success issues a new token and ends the browser's previous session.
// Failures and successes are audited.
Result<SignedIn> login(Services& services, const LoginAttempt& attempt,
                       const domain::SessionPolicy& policy = {});

struct Authenticated {
  Actor actor;
  Session session;
  User user;
};

// The session behind `token`, if it is open, its user enabled, and neither idle nor expired;
// records activity at most once a minute. kUnauthenticated otherwise. With a cache, a session
// checked within the last second (and no access change since) is not read again.
Result<Authenticated> authenticate(Services& services, const std::string& token,
                                   const std::string& request_id, const std::string& address,
                                   const domain::SessionPolicy& policy = {},
                                   SessionCache* cache = nullptr);

// The actor a user acts as: their grants with their scopes' current paths.
domain::Principal principal_of(Transaction& tx, const User& user);

// A session's instants as the session policy reads them.
domain::SessionTimes times_of(const Session& session);

// The refused attempts the sign-in throttle counts: of `username` from `address`, and from
// `address` under any name, since `window_start`. Signing in, change_password, begin_totp and
// end_own_sessions refuse once these reach the policy's limits.
domain::LoginFailures failures_since(Transaction& tx, const std::string& username,
                                     const std::string& address, const std::string& window_start);

Status logout(Context& ctx);

// Needs the current password (refused, 429, once the account's sign-in throttle is reached at
// this address: a wrong one counts towards it); the new one must pass the password policy. Ends
// the user's other sessions, and moves this session to its next stage. Returns that stage.
Result<std::string> change_password(Services& services, const Actor& actor,
                                    const std::string& current, const std::string& replacement,
                                    const domain::SessionPolicy& policy = {});

struct TotpEnrolment {
  std::string secret;  // base32, to type in by hand
  std::string uri;     // otpauth:// for a QR code
};

// A new secret, kept pending until confirm_totp sees a code from it (the current factor, if
// any, stays in force until then). Replacing a factor in force needs a fresh code from it
// (`current_code`): a session alone (a stolen cookie) must not move the second factor to a device
// of its own. A wrong code counts towards the sign-in throttle of `policy` and is audited; once
// throttled, 429 before any code is checked.
Result<TotpEnrolment> begin_totp(Context& ctx, const std::string& current_code,
                                 const domain::SessionPolicy& policy = {});

// Activates the pending secret; returns the session's new stage.
Result<std::string> confirm_totp(Context& ctx, const std::string& code);

struct MeView {
  User user;
  Session session;
  std::vector<std::string> permissions;  // every permission any grant gives
  std::vector<std::string> scope_names;  // the grants' organization names ("" = everywhere)
};

Result<MeView> me(Context& ctx);

// Usernames are lower case ASCII letters, digits and . _ -, 3 to 64 characters; what a
// person types is lower-cased first.
std::string normalize_username(const std::string& typed);
bool valid_username(const std::string& username);

}  // namespace chibo::app
