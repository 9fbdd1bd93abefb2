// Time as a port, so that use cases and tests agree on "now" and "today".
#pragma once

#include <optional>
#include <string>

#include "core/date.h"

namespace chibo::app {

class Clock {
 public:
  virtual ~Clock() = default;
  // The current instant, UTC, "YYYY-MM-DDTHH:MM:SS.mmmZ".
  virtual std::string now_utc() = 0;
  // Today's civil date in Vietnam (UTC+7, no daylight saving).
  virtual Date today() = 0;
};

// The system clock. Tests may fix its civil date (CHIBO_TEST_TODAY, read in cli/runtime.cpp):
// today() then answers that date, while now_utc() stays the real instant, so that sessions,
// TOTP codes and audit times still work. Fixed once at start-up, before any request.
class SystemClock : public Clock {
 public:
  std::string now_utc() override;
  Date today() override;
  void fix_today(Date today) { fixed_today_ = today; }

 private:
  std::optional<Date> fixed_today_;
};

// A clock that stays where it is put (tests, imports replayed at a given date).
class FixedClock : public Clock {
 public:
  FixedClock(std::string now_utc, Date today) : now_(std::move(now_utc)), today_(today) {}
  std::string now_utc() override { return now_; }
  Date today() override { return today_; }
  void set(std::string now_utc) { now_ = std::move(now_utc); }

 private:
  std::string now_;
  Date today_;
};

}  // namespace chibo::app
