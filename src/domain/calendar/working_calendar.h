// Working days for the rules' deadlines ("within 60 working days of the cell's resolution").
// A working day is a day of the week that is not a weekly rest day (Saturday and Sunday since
// 2/10/1999, Sunday only before), except public holidays (Tết, 30/4, 1/5, 2/9 ...) and their
// compensatory days, plus the rest days the Government makes working days to swap with a
// bridge holiday. The holidays are data: the years whose notices are recorded come from
// rules/holidays.tsv; other years are computed from the Labour Code in force
// (holiday_rules.h). A deadline that crosses a year the calendar does not cover is refused
// (calendar_year_missing): before, such days counted as working days.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/result.h"

namespace chibo::domain {

struct CalendarDay {
  Date date;
  bool working = false;  // false: a day off (holiday, or a swapped bridge day); true: a
                         // weekly rest day worked instead
  std::string name_vi;
  std::string source;
};

// The weekly rest days from a date on: ISO days of the week (1 = Monday ... 7 = Sunday).
struct RestWeek {
  Date from;
  std::vector<int> days;
};

class WorkingCalendar {
 public:
  WorkingCalendar() = default;
  // `days` listed; `rest_weeks` the weekly rest days over time (none: Saturday and Sunday
  // always); `years` the years covered (none: the years of `days`). Fails when a date appears
  // twice.
  static Result<WorkingCalendar> build(std::vector<CalendarDay> days,
                                       std::vector<RestWeek> rest_weeks = {},
                                       std::set<int> years = {});

  bool is_weekly_rest_day(Date date) const;
  bool is_working_day(Date date) const;
  // The `count`-th working day after `from` (from itself does not count): the last day of a
  // period "within `count` working days of `from`". count 0 returns `from`. Fails
  // (Error::invalid_field("on", "calendar_year_missing", {year})) when the count reaches a
  // year the calendar does not cover: its holidays are unknown.
  Result<Date> add_working_days(Date from, int count) const;
  bool covers(int year) const { return years_.count(year) > 0; }
  const std::set<int>& years() const { return years_; }
  const std::vector<CalendarDay>& days() const { return days_; }

 private:
  std::vector<CalendarDay> days_;  // by date
  std::vector<RestWeek> rest_weeks_;
  std::set<int32_t> off_;     // serials of holidays on working days of the week
  std::set<int32_t> worked_;  // serials of weekly rest days worked
  std::set<int> years_;
};

// `field` refused because a deadline crossed a year without a calendar (`error` from
// add_working_days).
FieldError calendar_field_error(const std::string& field, const Error& error);

}  // namespace chibo::domain
