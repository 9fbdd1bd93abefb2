#include "domain/calendar/working_calendar.h"

#include <algorithm>

namespace chibo::domain {

Result<WorkingCalendar> WorkingCalendar::build(std::vector<CalendarDay> days) {
  std::sort(days.begin(), days.end(),
            [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
  WorkingCalendar calendar;
  for (size_t index = 0; index < days.size(); ++index) {
    if (index > 0 && days[index].date == days[index - 1].date) {
      return Error::invalid_field("date", "calendar_duplicate_date",
                                  {{"date", days[index].date.iso()}});
    }
    const bool weekend = days[index].date.weekday() >= 5;
    if (days[index].working && weekend) calendar.worked_.insert(days[index].date.serial());
    if (!days[index].working && !weekend) calendar.off_.insert(days[index].date.serial());
    calendar.years_.insert(days[index].date.year());
  }
  calendar.days_ = std::move(days);
  return calendar;
}

bool WorkingCalendar::is_working_day(Date date) const {
  if (date.weekday() >= 5) return worked_.count(date.serial()) > 0;
  return off_.count(date.serial()) == 0;
}

Date WorkingCalendar::add_working_days(Date from, int count) const {
  Date day = from;
  // Whole weeks first when no listed day lies in the way would be faster; deadlines are at
  // most a few hundred days, so a plain walk is fast enough and obviously right.
  while (count > 0) {
    day = day.add_days(1);
    if (is_working_day(day)) --count;
  }
  return day;
}

int WorkingCalendar::working_days_between(Date from, Date to) const {
  int count = 0;
  for (Date day = from.add_days(1); day <= to; day = day.add_days(1)) {
    if (is_working_day(day)) ++count;
  }
  return count;
}

}  // namespace chibo::domain
