#include "storage/sql/engine/retry_policy.h"

#include <algorithm>

namespace chibo::storage {

Failure failure_of_sqlstate(std::string_view sqlstate, bool connection_lost) {
  if (connection_lost) return Failure::kConnection;
  auto is = [&](std::string_view code) { return sqlstate == code; };
  auto starts = [&](std::string_view prefix) {
    return sqlstate.substr(0, prefix.size()) == prefix;
  };
  // Class 08 connection exception; 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
  // cannot_connect_now (starting up, or a standby still in recovery).
  if (starts("08") || is("57P01") || is("57P02") || is("57P03")) return Failure::kConnection;
  if (is("25006")) return Failure::kReadOnly;
  if (is("40001") || is("40P01")) return Failure::kSerialization;
  if (is("23505")) return Failure::kUniqueRace;
  if (is("53100")) return Failure::kDiskFull;
  // 53200 out_of_memory, 58030 io_error.
  if (is("53200") || is("58030")) return Failure::kStorage;
  return Failure::kOther;
}

RetryDecision decide_retry(Failure failure, Phase phase, bool writing, int attempt,
                           const RetryLimits& limits) {
  RetryDecision decision;
  switch (failure) {
    case Failure::kNone:
    case Failure::kBusy:
    case Failure::kStorage:
    case Failure::kDiskFull:
    case Failure::kOther:
      return decision;
    case Failure::kConnection:
    case Failure::kReadOnly:
      decision.drop_connection = true;
      if (phase == Phase::kCommit && writing) {
        decision.outcome_unknown = true;
        return decision;
      }
      decision.retry = attempt < limits.reconnect_attempts;
      return decision;
    case Failure::kSerialization:
      // An error answered to COMMIT itself is a definite rollback: safe to run again.
      decision.retry = attempt < limits.conflict_attempts;
      decision.pause = decision.retry;
      return decision;
    case Failure::kUniqueRace:
      decision.retry = phase == Phase::kBody && attempt < limits.unique_race_attempts;
      return decision;
  }
  return decision;
}

std::chrono::milliseconds backoff_delay(int failures, std::chrono::milliseconds base,
                                        std::chrono::milliseconds cap, double unit) {
  if (failures < 1) return std::chrono::milliseconds(0);
  const int doublings = std::min(failures - 1, 30);
  const long long ceiling = std::min<long long>(cap.count(), base.count() << doublings);
  const double drawn = std::clamp(unit, 0.0, 1.0) * static_cast<double>(ceiling);
  return std::chrono::milliseconds(std::min(static_cast<long long>(drawn), ceiling));
}

long long retry_after_seconds(std::chrono::milliseconds delay) {
  return std::max<long long>(1, (delay.count() + 999) / 1000);
}

}  // namespace chibo::storage
