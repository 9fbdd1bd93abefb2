// Working days for the rules' deadlines ("within 60 working days of the cell's resolution").
// A working day is Monday to Friday, except public holidays (Tết, 30/4, 1/5, 2/9 ...), plus the
// Saturdays the Government makes working days to swap with a bridge holiday. Which days those
// are is announced year by year, so the calendar is data (rules/holidays.tsv), not code.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace chibo::domain {

struct CalendarDay {
  Date date;
  bool working = false;  // false: a day off (holiday, or a swapped bridge day); true: a
                         // weekend day worked instead
  std::string name_vi;
  std::string source;
};

class WorkingCalendar {
 public:
  WorkingCalendar() = default;
  // Fails when a date appears twice.
  static Result<WorkingCalendar> build(std::vector<CalendarDay> days);

  bool is_working_day(Date date) const;
  // The `count`-th working day after `from` (from itself does not count): the last day of a
  // period "within `count` working days of `from`". count 0 returns `from`.
  Date add_working_days(Date from, int count) const;
  // Working days in (from, to]; 0 when to <= from.
  int working_days_between(Date from, Date to) const;
  // Years for which the calendar lists days (a year outside them has only weekends off, and
  // deadlines there may be early).
  bool covers(int year) const { return years_.count(year) > 0; }
  const std::vector<CalendarDay>& days() const { return days_; }

 private:
  std::vector<CalendarDay> days_;  // by date
  std::set<int32_t> off_;          // serials of weekday holidays
  std::set<int32_t> worked_;       // serials of weekend days worked
  std::set<int> years_;
};

}  // namespace chibo::domain
