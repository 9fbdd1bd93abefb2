// Time as a port, so that use cases and tests agree on "now" and "today".
#pragma once

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

// The system clock.
class SystemClock : public Clock {
 public:
  std::string now_utc() override;
  Date today() override;
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
