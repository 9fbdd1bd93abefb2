// The integer-keyed roll counters (roll_tally.h) agree with counting by strings.
#include "domain/members/roll_tally.h"

#include <gtest/gtest.h>

#include <random>

#include "domain/members/age_band_tally.h"
#include "domain/members/age_bands.h"

namespace chibo::domain {
namespace {

TEST(CodeTally, CountsEachCodeInCodeOrderWithEmptyAsUnknown) {
  CodeTally tally;
  for (const char* code : {"kinh", "kinh", "tay", "", "kinh", "hoa", "tay", "", "kinh"})
    tally.add(code);
  const std::vector<std::pair<std::string, int64_t>> expected = {
      {"hoa", 1}, {"kinh", 4}, {"tay", 2}, {"unknown", 2}};
  EXPECT_EQ(tally.counts(), expected);
  EXPECT_TRUE(CodeTally().counts().empty());
}

TEST(CodeTally, AgreesWithAMapOverRandomRuns) {
  std::mt19937 random(11);
  const std::vector<std::string> codes = {"a", "b", "ab", "", "unknown", "very-long-code-value-x"};
  CodeTally tally;
  std::map<std::string, int64_t> expected;
  for (int index = 0; index < 5000; ++index) {
    const std::string& code = codes[random() % codes.size()];
    tally.add(code);
    ++expected[code.empty() ? "unknown" : code];
  }
  EXPECT_EQ(tally.counts(),
            (std::vector<std::pair<std::string, int64_t>>(expected.begin(), expected.end())));
}

TEST(BirthTally, AgreesWithEachMembersAgeOnEveryDayOfAYear) {
  std::mt19937 random(5);
  std::vector<std::string> births;
  const Date oldest = *Date::parse("1920-01-01");
  for (int index = 0; index < 3000; ++index)
    births.push_back(oldest.add_days(static_cast<int32_t>(random() % (95 * 366))).iso());
  for (const char* odd : {"1996-02-29", "2008-02-29", "", "1980-02-30", "1980-5-15", "unknown"})
    births.push_back(odd);
  for (Date on = *Date::parse("2025-01-01"); on <= *Date::parse("2025-12-31");
       on = on.add_days(1)) {
    std::map<std::string, int64_t> expected;
    BirthTally tally(on);
    for (const std::string& birth : births) {
      tally.add(birth);
      const std::optional<Date> date = Date::parse(birth);
      ++expected[date ? age_band(whole_years_between(*date, on)) : "unknown"];
    }
    ASSERT_EQ(tally.age_bands(), expected) << on.iso();
  }
}

TEST(CodeTally, AddsCountsGivenTogether) {
  CodeTally tally;
  tally.add("kinh", 5);
  tally.add("", 2);
  tally.add("kinh");
  tally.add("unknown", 1);
  const std::vector<std::pair<std::string, int64_t>> expected = {{"kinh", 6}, {"unknown", 3}};
  EXPECT_EQ(tally.counts(), expected);
}

TEST(BirthTally, MonthCountsAgreeWithTheMembersOfTheMonth) {
  // Counted by month elsewhere (kept counts) or member by member: the same bands, on each day
  // of a year; the months split on the day refuse counts by month.
  std::mt19937 random(9);
  std::vector<Date> births;
  const Date oldest = *Date::parse("1930-01-01");
  for (int index = 0; index < 2000; ++index)
    births.push_back(oldest.add_days(static_cast<int32_t>(random() % (85 * 366))));
  for (Date on = *Date::parse("2024-01-01"); on <= *Date::parse("2024-12-31");
       on = on.add_days(1)) {
    BirthTally one_by_one(on), by_month(on);
    std::map<std::string, int64_t> months;
    const std::vector<std::string> split = months_split_by_day(on);
    for (const Date& birth : births) {
      one_by_one.add(birth.iso());
      const std::string month = birth_month_of(birth.iso());
      if (std::find(split.begin(), split.end(), month) != split.end()) {
        by_month.add(birth.iso());
      } else {
        ++months[month];
      }
    }
    months["unknown"] = 4;
    one_by_one.add("");
    one_by_one.add("");
    one_by_one.add("1999-13-01");
    one_by_one.add("x");
    for (const auto& [month, n] : months) ASSERT_TRUE(by_month.add_month(month, n)) << month;
    ASSERT_EQ(by_month.age_bands(), one_by_one.age_bands()) << on.iso();
    ASSERT_FALSE(by_month.add_month(split.front(), 1));
    ASSERT_FALSE(by_month.add_month("1999-13", 1));
  }
}

TEST(BirthTally, EmptyIsEmpty) {
  EXPECT_TRUE(BirthTally(*Date::parse("2025-06-30")).age_bands().empty());
}

}  // namespace
}  // namespace chibo::domain
