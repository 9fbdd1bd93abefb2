#include "domain/calendar/working_calendar.h"

#include <algorithm>

namespace chibo::domain {

Result<WorkingCalendar> WorkingCalendar::build(std::vector<CalendarDay> days,
                                               std::vector<RestWeek> rest_weeks,
                                               std::set<int> years) {
  std::sort(days.begin(), days.end(),
            [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
  std::sort(rest_weeks.begin(), rest_weeks.end(),
            [](const RestWeek& a, const RestWeek& b) { return a.from < b.from; });
  WorkingCalendar calendar;
  calendar.rest_weeks_ = std::move(rest_weeks);
  calendar.years_ = std::move(years);
  const bool years_given = !calendar.years_.empty();
  for (size_t index = 0; index < days.size(); ++index) {
    if (index > 0 && days[index].date == days[index - 1].date) {
      return Error::invalid_field("date", "calendar_duplicate_date",
                                  {{"date", days[index].date.iso()}});
    }
    const bool rest = calendar.is_weekly_rest_day(days[index].date);
    if (days[index].working && rest) calendar.worked_.insert(days[index].date.serial());
    if (!days[index].working && !rest) calendar.off_.insert(days[index].date.serial());
    if (!years_given) calendar.years_.insert(days[index].date.year());
  }
  calendar.days_ = std::move(days);
  return calendar;
}

bool WorkingCalendar::is_weekly_rest_day(Date date) const {
  const int iso_weekday = date.weekday() + 1;
  const RestWeek* week = nullptr;
  for (const RestWeek& candidate : rest_weeks_) {
    if (candidate.from <= date) week = &candidate;
  }
  if (!week) return iso_weekday >= 6;
  return std::find(week->days.begin(), week->days.end(), iso_weekday) != week->days.end();
}

bool WorkingCalendar::is_working_day(Date date) const {
  if (is_weekly_rest_day(date)) return worked_.count(date.serial()) > 0;
  return off_.count(date.serial()) == 0;
}

Result<Date> WorkingCalendar::add_working_days(Date from, int count) const {
  Date day = from;
  // Deadlines are at most a few hundred days: a plain walk is fast enough and obviously right.
  while (count > 0) {
    day = day.add_days(1);
    if (!covers(day.year()))
      return Error::invalid_field("on", "calendar_year_missing",
                                  {{"year", std::to_string(day.year())}});
    if (is_working_day(day)) --count;
  }
  return day;
}

FieldError calendar_field_error(const std::string& field, const Error& error) {
  FieldError refused = error.fields.empty() ? FieldError{} : error.fields.front();
  refused.field = field;
  if (refused.code.empty()) refused.code = "calendar_year_missing";
  return refused;
}

}  // namespace chibo::domain
