// The days figures may be asked for (stats_dates.h), on the shipped rules.
#include "domain/members/stats_dates.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

Date day_of(const char* iso) { return *Date::parse(iso); }

std::string param_of(const FieldError& error, const std::string& key) {
  for (const auto& [name, value] : error.params)
    if (name == key) return value;
  return "";
}

TEST(StatsDates, AsOfFromTheFoundingDayToToday) {
  const RuleSet& rules = testing::rules();
  const Date today = day_of("2026-11-16");
  EXPECT_TRUE(check_as_of("as_of", day_of("1930-02-03"), today, rules).empty());
  EXPECT_TRUE(check_as_of("as_of", today, today, rules).empty());
  const std::vector<FieldError> early = check_as_of("as_of", day_of("1930-02-02"), today, rules);
  ASSERT_EQ(early.size(), 1u);
  EXPECT_EQ(early[0].field, "as_of");
  EXPECT_EQ(early[0].code, "stats_as_of_too_early");
  EXPECT_EQ(param_of(early[0], "rule"), "stats.earliest_as_of_ymd");
  const std::vector<FieldError> future = check_as_of("as_of", day_of("2026-11-17"), today, rules);
  ASSERT_EQ(future.size(), 1u);
  EXPECT_EQ(future[0].code, "stats_as_of_in_future");
}

TEST(StatsDates, AReportCoversAtMostAYear) {
  const RuleSet& rules = testing::rules();
  const Date today = day_of("2026-11-16");
  EXPECT_TRUE(
      check_report_period(day_of("2025-01-01"), day_of("2025-12-31"), today, rules).empty());
  EXPECT_TRUE(
      check_report_period(day_of("2026-01-01"), day_of("2026-06-30"), today, rules).empty());
  const std::vector<FieldError> longer =
      check_report_period(day_of("2025-01-01"), day_of("2026-01-01"), today, rules);
  ASSERT_EQ(longer.size(), 1u);
  EXPECT_EQ(longer[0].code, "stats_period_too_long");
  EXPECT_EQ(check_report_period(day_of("2026-02-01"), day_of("2026-01-31"), today, rules)[0].code,
            "stats_period_reversed");
  EXPECT_EQ(check_report_period(day_of("2026-07-01"), day_of("2026-12-31"), today, rules)[0].field,
            "to");
}

}  // namespace
}  // namespace chibo::domain
