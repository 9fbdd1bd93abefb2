// How long sessions live and when logins are throttled: pure decisions over instants and
// counts, so that the rules are tested without a clock or a database (ASVS 7.3, 6.3.1).
#pragma once

#include <cstdint>
#include <string>

namespace chibo::domain {

struct SessionPolicy {
  int64_t idle_timeout_ms = 15 * 60'000;         // no request for this long ends the session
  int64_t absolute_lifetime_ms = 8 * 3'600'000;  // a working day, however active
  int64_t touch_every_ms = 60'000;               // last-seen is written at most this often
  int max_failures_per_account_address = 5;      // within the window, since the last success
  int max_failures_per_address = 20;             // within the window, any usernames
  int64_t throttle_window_ms = 15 * 60'000;
  // A session last seen further in the future than this is over: the clock went back (an NTP
  // step, a wrong hardware clock), and neither its idleness nor its age can be measured; kept, it
  // would stay valid, unused, for as long as the clock jumped. Small corrections are tolerated.
  int64_t max_clock_skew_ms = 5 * 60'000;
  // A one-time password (a new account's, a reset's) opens no session this long after it was
  // issued (ASVS 6.4.1): one printed or handed over and never used does not stay a way in.
  // Three days cover a weekend between the handing over and the first sign-in.
  int64_t one_time_password_lifetime_ms = 72 * 3'600'000;
};

// Whether a one-time password issued at `issued` (ms) has expired at `now`.
bool one_time_password_expired(int64_t issued, int64_t now, const SessionPolicy& policy);

enum class SessionState { kActive, kIdle, kExpired, kEnded };

struct SessionTimes {
  int64_t created = 0;
  int64_t last_seen = 0;
  int64_t expires = 0;  // created + absolute lifetime, fixed at login
  bool ended = false;
};

SessionState session_state(const SessionTimes& session, int64_t now, const SessionPolicy& policy);

// Whether a request at `now` should record itself as the session's last activity.
bool should_touch(const SessionTimes& session, int64_t now, const SessionPolicy& policy);

// Failures counted within the window. Throttling is per (account, address) and per address,
// never per account alone, so that nobody can lock another person out from elsewhere.
struct LoginFailures {
  int64_t account_at_address = 0;
  int64_t at_address = 0;
};

bool login_throttled(const LoginFailures& failures, const SessionPolicy& policy);

// What a session may do after login: "change_password" while the password is one-time,
// "enrol_totp" while a second factor is required but not enrolled, else "full".
std::string session_stage(bool must_change_password, bool totp_required, bool totp_enabled);

inline constexpr const char* kStageFull = "full";
inline constexpr const char* kStageChangePassword = "change_password";
inline constexpr const char* kStageEnrolTotp = "enrol_totp";

}  // namespace chibo::domain
