#include "domain/calendar/holiday_rules.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

std::vector<std::string> off_days(const std::vector<CalendarDay>& days) {
  std::vector<std::string> dates;
  for (const CalendarDay& day : days) {
    if (!day.working) dates.push_back(day.date.iso());
  }
  return dates;
}

// The rules reproduce the holidays of the years whose notices holidays.tsv holds (2020-2026),
// apart from the swapped bridge days, which only a notice can give.
TEST(HolidayRules, AgreeWithTheAnnouncedYears) {
  const WorkingCalendar& shipped = chibo::testing::calendar();
  for (int year = 2020; year <= 2026; ++year) {
    std::vector<CalendarDay> listed;
    for (const CalendarDay& day : shipped.days()) {
      if (day.date.year() == year && day.name_vi.rfind("Nghỉ hoán đổi", 0) != 0)
        listed.push_back(day);
    }
    EXPECT_EQ(off_days(statutory_days(year, chibo::testing::rules())), off_days(listed)) << year;
  }
}

TEST(HolidayRules, TheLabourCodeOf1994) {
  const RuleSet& rules = chibo::testing::rules();
  // Tết Kỷ Mão (mùng 1 = 16/2/1999): four days, the last of the old year and three of the new.
  EXPECT_EQ(off_days(statutory_days(1999, rules)),
            (std::vector<std::string>{"1999-01-01", "1999-02-15", "1999-02-16", "1999-02-17",
                                      "1999-02-18", "1999-04-30", "1999-05-01", "1999-09-02"}));
  // 1/5/1999 was a Saturday, then a working day, so it is a day off itself. 2/9/2001 was a
  // Sunday: Monday 3/9 given back.
  const std::vector<std::string> y2001 = off_days(statutory_days(2001, rules));
  EXPECT_NE(std::find(y2001.begin(), y2001.end(), "2001-09-03"), y2001.end());
  // Giỗ Tổ Hùng Vương from 2007 (26/4/2007), not before.
  const std::vector<std::string> y2006 = off_days(statutory_days(2006, rules));
  EXPECT_EQ(std::find(y2006.begin(), y2006.end(), "2006-04-07"), y2006.end());
  const std::vector<std::string> y2007 = off_days(statutory_days(2007, rules));
  EXPECT_NE(std::find(y2007.begin(), y2007.end(), "2007-04-26"), y2007.end());
  // Tết Mậu Tý 2008 (mùng 1 = 7/2, a Thursday): 6, 7, 8 and 9 (a Saturday, given back on
  // Monday 11).
  const std::vector<std::string> y2008 = off_days(statutory_days(2008, rules));
  for (const char* day : {"2008-02-06", "2008-02-07", "2008-02-08", "2008-02-11"})
    EXPECT_NE(std::find(y2008.begin(), y2008.end(), day), y2008.end()) << day;
}

TEST(HolidayRules, SaturdaysWereWorkedUntilOctober1999) {
  const WorkingCalendar& calendar = chibo::testing::calendar();
  EXPECT_TRUE(calendar.is_working_day(date("1999-09-25")));   // a Saturday
  EXPECT_FALSE(calendar.is_working_day(date("1999-10-02")));  // the first Saturday off
  EXPECT_FALSE(calendar.is_working_day(date("1999-09-26")));  // Sundays always
}

TEST(HolidayRules, ComputedYearsNameTheirLaw) {
  const std::vector<CalendarDay> days = statutory_days(2030, chibo::testing::rules());
  ASSERT_FALSE(days.empty());
  EXPECT_EQ(days.front().date, date("2030-01-01"));
  EXPECT_NE(days.front().source.find("Bộ luật Lao động 2019"), std::string::npos);
  EXPECT_NE(days.front().source.find("chưa có thông báo"), std::string::npos);
  // Tết 2030 (mùng 1 = 2/2, a Saturday): 31/1 to 4/2, the weekend days given back on 5 and 6/2.
  const std::vector<std::string> off = off_days(days);
  for (const char* day : {"2030-01-31", "2030-02-01", "2030-02-04", "2030-02-05", "2030-02-06"})
    EXPECT_NE(std::find(off.begin(), off.end(), day), off.end()) << day;
}

// Issue 11: a deadline in a year the old calendar did not list counted Tết as working days.
TEST(HolidayRules, DeadlinesOutsideTheListedYearsSkipTet) {
  const WorkingCalendar& calendar = chibo::testing::calendar();
  // 10 working days from Wednesday 30/1/2019, Tết Kỷ Hợi 4-8/2/2019 off: 20/2 (not 13/2).
  EXPECT_EQ(*calendar.add_working_days(date("2019-01-30"), 10), date("2019-02-20"));
  // 30 working days from a letter of Monday 1/3/1999, Saturdays worked then: 5/4/1999.
  EXPECT_EQ(*calendar.add_working_days(date("1999-03-01"), 30), date("1999-04-05"));
}

TEST(HolidayRules, AYearWithoutACalendarIsRefusedByName) {
  const WorkingCalendar& calendar = chibo::testing::calendar();
  EXPECT_TRUE(calendar.covers(1995));
  EXPECT_TRUE(calendar.covers(2035));
  EXPECT_FALSE(calendar.covers(1994));
  EXPECT_FALSE(calendar.covers(2036));
  const Result<Date> late = calendar.add_working_days(date("2035-12-01"), 30);
  ASSERT_FALSE(late);
  ASSERT_EQ(late.error().fields.size(), 1u);
  EXPECT_EQ(late.error().fields.front().code, "calendar_year_missing");
  EXPECT_EQ(late.error().fields.front().params.front().second, "2036");
  const Result<Date> early = calendar.add_working_days(date("1994-12-20"), 5);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().fields.front().params.front().second, "1994");
  EXPECT_TRUE(calendar.add_working_days(date("1994-12-31"), 5));  // counts only 1995
}

}  // namespace
}  // namespace chibo::domain
