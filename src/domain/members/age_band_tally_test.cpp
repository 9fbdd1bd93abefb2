// Age bands from month counts (age_band_tally.h) agree with counting each member's age.
#include "domain/members/age_band_tally.h"

#include <gtest/gtest.h>

#include <random>

#include "domain/members/age_bands.h"

namespace chibo::domain {
namespace {

TEST(AgeBandTally, SplitsOnlyTheMonthsWhereABirthdayCrossesABand) {
  const Date today = *Date::parse("2026-11-29");
  const std::vector<std::string> split = months_split_by_day(today);
  // Ages 18, 31, 36 ... 71 begin bands: born in November of 2008, 1995, 1990 ... 1955.
  EXPECT_NE(std::find(split.begin(), split.end(), "2008-11"), split.end());
  EXPECT_NE(std::find(split.begin(), split.end(), "1995-11"), split.end());
  EXPECT_NE(std::find(split.begin(), split.end(), "1955-11"), split.end());
  EXPECT_EQ(std::find(split.begin(), split.end(), "1994-11"), split.end());  // 31 or 32: one band
  EXPECT_EQ(split.size(), 10u);  // 18, 31, 36, 41, 46, 51, 56, 61, 66 and 71
  EXPECT_EQ(birth_month_of("1980-05-15"), "1980-05");
  EXPECT_EQ(birth_month_of("1980-02-30"), "unknown");
  EXPECT_EQ(birth_month_of(""), "unknown");
}

TEST(AgeBandTally, AgreesWithEachMembersAgeOnEveryDayOfTwoYears) {
  // Birth dates spread over a century (leap days included), ages counted two ways on each day
  // of 2027 and 2028.
  std::mt19937 random(7);
  std::vector<Date> births;
  const Date oldest = *Date::parse("1925-01-01");
  for (int index = 0; index < 4000; ++index)
    births.push_back(oldest.add_days(static_cast<int32_t>(random() % (90 * 366))));
  births.push_back(*Date::parse("1996-02-29"));
  births.push_back(*Date::parse("2008-02-29"));
  for (Date today = *Date::parse("2027-01-01"); today <= *Date::parse("2028-12-31");
       today = today.add_days(1)) {
    std::map<std::string, int64_t> expected, by_month, by_day;
    const std::vector<std::string> split = months_split_by_day(today);
    for (const Date& birth : births) {
      ++expected[age_band(whole_years_between(birth, today))];
      const std::string month = birth_month_of(birth.iso());
      if (std::find(split.begin(), split.end(), month) != split.end()) {
        ++by_day[birth.iso()];
      } else {
        ++by_month[month];
      }
    }
    by_month["unknown"] = 3;
    expected["unknown"] = 3;
    ASSERT_EQ(tally_age_bands(by_month, by_day, today), expected) << today.iso();
  }
}

}  // namespace
}  // namespace chibo::domain
