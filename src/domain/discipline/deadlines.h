// The other clocks of a case (rules-reference §8): the appeal period from the receipt of the
// decision (Charter Art. 39: discipline.appeal_period_days), the time to resolve an appeal from
// its receipt (discipline.appeal_resolve_days), and a state body's notice to the party
// organization from its own decision (Quy định 296-QĐ/TW: discipline.state_notice_days). Each
// period counts working days or calendar days as its "..._working_days" rule says.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "core/result.h"
#include "domain/calendar/working_calendar.h"
#include "domain/discipline/sanction.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::discipline {

struct Deadline {
  Date due = Date();             // the last day of the period
  bool working_days = false;     // counted in working days
  int count = 0;                 // the period's length in its unit
  std::optional<int> days_left;  // calendar days from `on` to `due`; nullopt when past
  bool overdue = false;          // `on` is after `due`
  AppliedRule rule;
};

// The period `key` (with `key_working_days`) from `from`, seen on `on`. The rule in force on
// `from` applies. Errors: rule_missing (no rule in force), calendar_year_missing (a working-day
// count reaching a year without a calendar).
Result<Deadline> deadline(const std::string& key, Date from, Date on, const RuleSet& rules,
                          const WorkingCalendar& calendar);

inline Result<Deadline> appeal_deadline(Date received_on, Date on, const RuleSet& rules,
                                        const WorkingCalendar& calendar) {
  return deadline("discipline.appeal_period_days", received_on, on, rules, calendar);
}
inline Result<Deadline> appeal_resolve_deadline(Date appeal_received_on, Date on,
                                                const RuleSet& rules,
                                                const WorkingCalendar& calendar) {
  return deadline("discipline.appeal_resolve_days", appeal_received_on, on, rules, calendar);
}
inline Result<Deadline> state_notice_deadline(Date state_decided_on, Date on, const RuleSet& rules,
                                              const WorkingCalendar& calendar) {
  return deadline("discipline.state_notice_days", state_decided_on, on, rules, calendar);
}

}  // namespace chibo::domain::discipline
