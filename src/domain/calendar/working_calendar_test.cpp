#include "domain/calendar/working_calendar.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

TEST(WorkingCalendar, WeekendsAndListedDaysAreNotWorked) {
  auto calendar = WorkingCalendar::build({{date("2025-09-01"), false, "Quốc khánh", "s"},
                                          {date("2025-09-02"), false, "Quốc khánh", "s"},
                                          {date("2025-04-26"), true, "Làm bù", "s"}});
  ASSERT_TRUE(calendar);
  EXPECT_TRUE(calendar->is_working_day(date("2025-08-29")));   // Friday
  EXPECT_FALSE(calendar->is_working_day(date("2025-08-30")));  // Saturday
  EXPECT_FALSE(calendar->is_working_day(date("2025-09-01")));  // a holiday on a Monday
  EXPECT_TRUE(calendar->is_working_day(date("2025-09-03")));
  EXPECT_TRUE(calendar->is_working_day(date("2025-04-26")));  // a Saturday worked instead
}

TEST(WorkingCalendar, CountsAWindowAcrossAHoliday) {
  auto calendar = WorkingCalendar::build({{date("2025-09-01"), false, "Quốc khánh", "s"},
                                          {date("2025-09-02"), false, "Quốc khánh", "s"}});
  ASSERT_TRUE(calendar);
  // From Friday 2025-08-29: Mon 1/9 and Tue 2/9 are off, so the 1st working day is Wed 3/9.
  EXPECT_EQ(*calendar->add_working_days(date("2025-08-29"), 1), date("2025-09-03"));
  EXPECT_EQ(*calendar->add_working_days(date("2025-08-29"), 0), date("2025-08-29"));
  // 30 working days from 2025-08-20 (a Wednesday): 6 weeks would end on 1/10; the two days
  // of Quốc khánh push it to Friday 3/10.
  EXPECT_EQ(*calendar->add_working_days(date("2025-08-20"), 30), date("2025-10-03"));
}

TEST(WorkingCalendar, RefusesADateListedTwice) {
  auto calendar = WorkingCalendar::build(
      {{date("2025-09-01"), false, "a", "s"}, {date("2025-09-01"), false, "b", "s"}});
  ASSERT_FALSE(calendar);
  EXPECT_EQ(calendar.error().fields.front().code, "calendar_duplicate_date");
}

TEST(WorkingCalendar, TheShippedCalendarKnowsTetAndItsYears) {
  const WorkingCalendar& calendar = chibo::testing::calendar();
  EXPECT_FALSE(calendar.is_working_day(date("2026-02-17")));  // Tết Bính Ngọ
  EXPECT_FALSE(calendar.is_working_day(date("2025-05-02")));  // the swapped bridge day
  EXPECT_TRUE(calendar.is_working_day(date("2025-04-26")));   // the Saturday worked for it
  EXPECT_TRUE(calendar.covers(2026));
  EXPECT_FALSE(calendar.covers(2040));
  for (const CalendarDay& day : calendar.days()) EXPECT_FALSE(day.source.empty()) << day.date.iso();
}

}  // namespace
}  // namespace chibo::domain
