#include "domain/meetings/removal.h"

#include <algorithm>

namespace chibo::domain::meetings {

UnexcusedYear unexcused_in_year(const std::vector<Date>& absences, int year, Date as_of,
                                const RuleSet& rules) {
  UnexcusedYear out;
  const Date rule_day = std::min(as_of, dues::Month::of(year, 12).last_day());
  out.rule = applied(rules, kAbsentMonthsForRemoval, rule_day);
  for (const Date& day : absences) {
    if (day.year() != year || as_of < day) continue;
    const dues::Month month = dues::Month::of(day);
    if (std::find(out.months.begin(), out.months.end(), month) == out.months.end())
      out.months.push_back(month);
  }
  std::sort(out.months.begin(), out.months.end());
  return out;
}

}  // namespace chibo::domain::meetings
