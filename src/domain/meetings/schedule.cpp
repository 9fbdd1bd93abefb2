#include "domain/meetings/schedule.h"

#include <algorithm>

namespace chibo::domain::meetings {

bool is_meeting_kind(std::string_view kind) {
  return kind == kRegular || kind == kThematic || kind == kAdHoc;
}

std::vector<Period> periods_of(int year, int every) {
  every = std::clamp(every, 1, 12);
  std::vector<Period> periods;
  int index = 1;
  for (int m = 1; m <= 12; m += every, ++index) {
    periods.push_back({Month::of(year, m), Month::of(year, std::min(12, m + every - 1)), index});
  }
  return periods;
}

Period period_of(Month month, int every) {
  every = std::clamp(every, 1, 12);
  const int start = (month.month() - 1) / every * every + 1;
  return {Month::of(month.year(), start), Month::of(month.year(), std::min(12, start + every - 1)),
          (month.month() - 1) / every + 1};
}

namespace {

void owed_and_missing(int year, int every, std::string_view kind, Date as_of,
                      std::optional<Date> since, const std::vector<HeldMeeting>& held,
                      std::vector<Period>& owed, std::vector<Period>& missing) {
  for (const Period& period : periods_of(year, every)) {
    if (!(period.last.last_day() < as_of)) continue;         // not over yet
    if (since && period.last.last_day() < *since) continue;  // before the cell existed
    owed.push_back(period);
    const bool found = std::any_of(held.begin(), held.end(), [&](const HeldMeeting& m) {
      return m.kind == kind && !(m.on < period.first.first_day()) &&
             !(period.last.last_day() < m.on);
    });
    if (!found) missing.push_back(period);
  }
}

}  // namespace

Expectations expectations(int year, Date as_of, std::optional<Date> since,
                          const std::vector<HeldMeeting>& held, const RuleSet& rules) {
  Expectations e;
  const Date rule_day = std::min(as_of, Month::of(year, 12).last_day());
  const AppliedRule regular = applied(rules, kRegularEveryMonths, rule_day);
  const AppliedRule thematic = applied(rules, kThematicEveryMonths, rule_day);
  e.rules = {regular, thematic};
  if (regular.value > 0)
    owed_and_missing(year, static_cast<int>(regular.value), kRegular, as_of, since, held,
                     e.owed_regular, e.missing_regular);
  if (thematic.value > 0)
    owed_and_missing(year, static_cast<int>(thematic.value), kThematic, as_of, since, held,
                     e.owed_thematic, e.missing_thematic);
  return e;
}

}  // namespace chibo::domain::meetings
