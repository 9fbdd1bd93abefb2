#include "core/date.h"

#include <gtest/gtest.h>

namespace chibo {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

TEST(Date, ParsesOnlyRealCalendarDays) {
  EXPECT_TRUE(Date::parse("2024-02-29"));
  EXPECT_FALSE(Date::parse("2023-02-29"));
  EXPECT_FALSE(Date::parse("2024-02-30"));
  EXPECT_FALSE(Date::parse("2024-13-01"));
  EXPECT_FALSE(Date::parse("2024-00-10"));
  EXPECT_FALSE(Date::parse("2024-1-10"));
  EXPECT_FALSE(Date::parse("2024-01-10T00:00"));
  EXPECT_FALSE(Date::parse("2O24-01-10"));
  EXPECT_FALSE(Date::parse(""));
  EXPECT_FALSE(Date::parse("0000-01-01"));
  EXPECT_TRUE(Date::parse("1900-02-28"));
  EXPECT_FALSE(Date::parse("1900-02-29"));  // 1900 is not a leap year
  EXPECT_TRUE(Date::parse("2000-02-29"));   // 2000 is
}

TEST(Date, RoundTripsIsoAndKnowsItsParts) {
  const Date date = d("1975-04-30");
  EXPECT_EQ(date.iso(), "1975-04-30");
  EXPECT_EQ(date.year(), 1975);
  EXPECT_EQ(date.month(), 4);
  EXPECT_EQ(date.day(), 30);
  EXPECT_EQ(d("1970-01-01").serial(), 0);
  EXPECT_EQ(d("1969-12-31").serial(), -1);
  EXPECT_EQ(d("1969-12-31").iso(), "1969-12-31");
}

TEST(Date, Weekday) {
  EXPECT_EQ(d("2026-11-29").weekday(), 6);  // a Sunday
  EXPECT_EQ(d("1945-09-02").weekday(), 6);  // also a Sunday
  EXPECT_EQ(d("2026-11-30").weekday(), 0);
}

TEST(Date, AddMonthsClampsToTheEndOfShortMonths) {
  EXPECT_EQ(d("2024-02-29").add_months(12), d("2025-02-28"));
  EXPECT_EQ(d("2024-01-31").add_months(1), d("2024-02-29"));
  EXPECT_EQ(d("2023-01-31").add_months(1), d("2023-02-28"));
  EXPECT_EQ(d("2024-03-31").add_months(-1), d("2024-02-29"));
  EXPECT_EQ(d("2024-12-15").add_months(1), d("2025-01-15"));
  EXPECT_EQ(d("2025-01-15").add_months(-1), d("2024-12-15"));
  EXPECT_EQ(d("2000-06-10").add_years(-18), d("1982-06-10"));
}

TEST(Date, WholeYearsAndMonths) {
  EXPECT_EQ(whole_years_between(d("2000-06-10"), d("2018-06-09")), 17);
  EXPECT_EQ(whole_years_between(d("2000-06-10"), d("2018-06-10")), 18);
  // Born on 29 February: the Civil Code ends a period in a month without that day on its last day.
  EXPECT_EQ(whole_years_between(d("2004-02-29"), d("2022-02-27")), 17);
  EXPECT_EQ(whole_years_between(d("2004-02-29"), d("2022-02-28")), 18);
  EXPECT_EQ(whole_months_between(d("2024-01-31"), d("2024-02-29")), 1);
  EXPECT_EQ(whole_months_between(d("2024-01-15"), d("2024-02-14")), 0);
  EXPECT_EQ(whole_months_between(d("2024-02-14"), d("2024-01-15")), 0);
  EXPECT_EQ(whole_years_between(d("2018-06-10"), d("2000-06-10")), -18);
}

}  // namespace
}  // namespace chibo
