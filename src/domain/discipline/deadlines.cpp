#include "domain/discipline/deadlines.h"

namespace chibo::domain::discipline {

Result<Deadline> deadline(const std::string& key, Date from, Date on, const RuleSet& rules,
                          const WorkingCalendar& calendar) {
  const RuleParameter* count = rules.in_force(key, from);
  const std::string unit_key = key.substr(0, key.size() - 5) + "_working_days";  // "_days"
  const RuleParameter* unit = rules.in_force(unit_key, from);
  if (!count || !unit) return Error::invalid_field(key, "rule_missing");
  Deadline answer;
  answer.count = static_cast<int>(count->value);
  answer.working_days = unit->value != 0;
  answer.rule = AppliedRule{count->key, count->value, count->source};
  if (answer.working_days) {
    Result<Date> due = calendar.add_working_days(from, answer.count);
    if (!due) return std::move(due).error();
    answer.due = *due;
  } else {
    answer.due = from.add_days(answer.count);
  }
  answer.overdue = on > answer.due;
  if (!answer.overdue) answer.days_left = answer.due.serial() - on.serial();
  return answer;
}

}  // namespace chibo::domain::discipline
