#include "domain/access/session_policy.h"

namespace chibo::domain {

SessionState session_state(const SessionTimes& session, int64_t now, const SessionPolicy& policy) {
  if (session.ended) return SessionState::kEnded;
  if (now >= session.expires) return SessionState::kExpired;
  if (session.last_seen - now > policy.max_clock_skew_ms) return SessionState::kExpired;
  if (now - session.last_seen >= policy.idle_timeout_ms) return SessionState::kIdle;
  return SessionState::kActive;
}

bool should_touch(const SessionTimes& session, int64_t now, const SessionPolicy& policy) {
  return now - session.last_seen >= policy.touch_every_ms;
}

bool login_throttled(const LoginFailures& failures, const SessionPolicy& policy) {
  return failures.account_at_address >= policy.max_failures_per_account_address ||
         failures.at_address >= policy.max_failures_per_address;
}

bool one_time_password_expired(int64_t issued, int64_t now, const SessionPolicy& policy) {
  return now - issued >= policy.one_time_password_lifetime_ms;
}

std::string session_stage(bool must_change_password, bool totp_required, bool totp_enabled) {
  if (must_change_password) return kStageChangePassword;
  if (totp_required && !totp_enabled) return kStageEnrolTotp;
  return kStageFull;
}

}  // namespace chibo::domain
