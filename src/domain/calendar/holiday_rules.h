// The public holidays of a year by law, for the years whose holiday notices chibo does not
// hold (rules/calendar.toml): the fixed days (1/1, 30/4, 1/5, 2/9 and, from 2021, a day next to
// it), Giỗ Tổ Hùng Vương (10/3 âm lịch, from 2007) and Tết Nguyên đán (4 days under the Labour
// Code of 1994, 5 from 1/5/2013), each under the rule in force on its date, and a compensatory
// day for each one falling on a weekly rest day. The years the Government's notices decide
// (bridge days, Saturdays worked) are data in rules/holidays.tsv and win over this.
#pragma once

#include <vector>

#include "core/result.h"
#include "domain/calendar/working_calendar.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

// The weekly rest days over time (calendar.weekly_rest_days).
std::vector<RestWeek> rest_weeks(const RuleSet& rules);

// The days of `year` off by law on days that are otherwise working days (holidays and
// compensatory days), in date order, each with its name and the rule's source.
std::vector<CalendarDay> statutory_days(int year, const RuleSet& rules);

// The working-day calendar: each year `listed` (holidays.tsv) holds as listed; every other year
// of calendar.years is computed by statutory_days. Years outside both are not covered.
Result<WorkingCalendar> build_calendar(std::vector<CalendarDay> listed, const RuleSet& rules);

}  // namespace chibo::domain
