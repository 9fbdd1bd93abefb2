#include "domain/calendar/holiday_rules.h"

#include <algorithm>
#include <set>

#include "domain/calendar/lunar.h"

namespace chibo::domain {

namespace {

constexpr const char* kComputed = " — chibo tính theo luật; năm này chưa có thông báo lịch nghỉ";

std::string solar_name(int64_t month_day) {
  switch (month_day) {
    case 101:
      return "Tết Dương lịch";
    case 430:
      return "Ngày Chiến thắng";
    case 501:
      return "Ngày Quốc tế Lao động";
    case 902:
      return "Quốc khánh";
    default:
      return "Ngày lễ";
  }
}

// The neighbour of 2/9 that is also a holiday (Labour Code 2019, Article 112: the day before or
// after, the Prime Minister's choice). Until the year's notice is recorded: the one that joins
// the holiday to the weekend, as the notices of 2021-2025 chose (Monday: Tuesday; Thursday:
// Friday; Sunday: Monday; otherwise the day before).
Date national_day_neighbour(Date national_day) {
  switch (national_day.weekday()) {  // 0 = Monday
    case 0:
    case 3:
    case 6:
      return national_day.add_days(1);
    default:
      return national_day.add_days(-1);
  }
}

struct Holiday {
  Date date;
  std::string name;
  const RuleParameter* rule;
};

}  // namespace

std::vector<RestWeek> rest_weeks(const RuleSet& rules) {
  std::vector<RestWeek> weeks;
  for (const RuleParameter& parameter : rules.versions("calendar.weekly_rest_days")) {
    RestWeek week{parameter.effective_from, {}};
    for (int64_t day : parameter.values) week.days.push_back(static_cast<int>(day));
    weeks.push_back(std::move(week));
  }
  return weeks;
}

std::vector<CalendarDay> statutory_days(int year, const RuleSet& rules) {
  std::vector<Holiday> holidays;
  if (const RuleParameter* fixed =
          rules.in_force("holiday.solar_days", *Date::from_ymd(year, 12, 31))) {
    for (const int64_t month_day : fixed->values) {
      const std::optional<Date> day = Date::from_ymd(year, static_cast<int>(month_day / 100),
                                                     static_cast<int>(month_day % 100));
      if (!day) continue;
      const RuleParameter* rule = rules.in_force("holiday.solar_days", *day);
      if (!rule ||
          std::find(rule->values.begin(), rule->values.end(), month_day) == rule->values.end())
        continue;
      holidays.push_back({*day, solar_name(month_day), rule});
      if (month_day == 902) {
        const RuleParameter* adjacent = rules.in_force("holiday.national_day_adjacent", *day);
        if (adjacent && adjacent->value == 1)
          holidays.push_back({national_day_neighbour(*day), "Quốc khánh", adjacent});
      }
    }
  }
  if (const std::optional<Date> hung_kings = lunar_to_solar(year, 3, 10)) {
    const RuleParameter* rule = rules.in_force("holiday.hung_kings_days", *hung_kings);
    if (rule && rule->value == 1) holidays.push_back({*hung_kings, "Giỗ Tổ Hùng Vương", rule});
  }
  if (const std::optional<Date> tet = lunar_new_year(year)) {
    const RuleParameter* length = rules.in_force("holiday.tet_days", *tet);
    const RuleParameter* first = rules.in_force("holiday.tet_first_day", *tet);
    if (length && first) {
      for (int64_t index = 0; index < length->value; ++index)
        holidays.push_back(
            {tet->add_days(static_cast<int32_t>(first->value + index)), "Tết Nguyên đán", length});
    }
  }
  std::sort(holidays.begin(), holidays.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  const WorkingCalendar week = *WorkingCalendar::build({}, rest_weeks(rules), {year});
  std::set<int32_t> taken;
  for (const Holiday& holiday : holidays) taken.insert(holiday.date.serial());
  std::vector<CalendarDay> days;
  for (const Holiday& holiday : holidays) {
    if (!week.is_weekly_rest_day(holiday.date)) {
      days.push_back({holiday.date, false, holiday.name, holiday.rule->source + kComputed});
      continue;
    }
    // On a weekly rest day: the next working day that is not a holiday is given back.
    const RuleParameter* compensated = rules.in_force("holiday.weekend_compensated", holiday.date);
    if (!compensated || compensated->value != 1) continue;
    Date back = holiday.date.add_days(1);
    while (week.is_weekly_rest_day(back) || taken.count(back.serial())) back = back.add_days(1);
    taken.insert(back.serial());
    days.push_back({back, false,
                    "Nghỉ bù " + holiday.name + " (" + std::to_string(holiday.date.day()) + "/" +
                        std::to_string(holiday.date.month()) + " là ngày nghỉ hằng tuần)",
                    compensated->source + kComputed});
  }
  std::sort(days.begin(), days.end(),
            [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
  return days;
}

Result<WorkingCalendar> build_calendar(std::vector<CalendarDay> listed, const RuleSet& rules) {
  std::set<int> years;
  for (const CalendarDay& day : listed) years.insert(day.date.year());
  const std::set<int> listed_years = years;
  if (const RuleParameter* range = rules.latest("calendar.years");
      range && range->values.size() == 2) {
    for (int64_t year = range->values[0]; year <= range->values[1]; ++year) {
      years.insert(static_cast<int>(year));
      if (listed_years.count(static_cast<int>(year))) continue;
      for (CalendarDay& day : statutory_days(static_cast<int>(year), rules))
        listed.push_back(std::move(day));
    }
  }
  return WorkingCalendar::build(std::move(listed), rest_weeks(rules), std::move(years));
}

}  // namespace chibo::domain
