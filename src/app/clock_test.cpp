// The system clock (app/ports/clock.h): with its date fixed (CHIBO_TEST_TODAY in tests), today()
// answers that date while now_utc() keeps the real instant.
#include <gtest/gtest.h>

#include <chrono>

#include "app/ports/clock.h"
#include "core/instant.h"

namespace chibo::app {
namespace {

int64_t now_millis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TEST(SystemClock, TodayIsVietnamsDateUnlessFixed) {
  SystemClock clock;
  const Date before = civil_date_of(now_millis());
  const Date today = clock.today();
  EXPECT_TRUE(today == before || today == civil_date_of(now_millis()));
}

TEST(SystemClock, AFixedDateLeavesTheInstantReal) {
  SystemClock clock;
  const Date fixed = *Date::parse("2026-11-16");
  clock.fix_today(fixed);
  EXPECT_EQ(clock.today(), fixed);
  const int64_t before = now_millis();
  const std::optional<int64_t> now = parse_instant(clock.now_utc());
  ASSERT_TRUE(now.has_value());
  EXPECT_GE(*now, before - 1000);
  EXPECT_LE(*now, now_millis() + 1000);
}

}  // namespace
}  // namespace chibo::app
