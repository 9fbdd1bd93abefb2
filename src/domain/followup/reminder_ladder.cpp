#include "domain/followup/reminder_ladder.h"

namespace chibo::domain {

std::string ReminderStep::code() const {
  std::string sign = offset_days > 0 ? "+" : "";
  return (escalate ? "escalate" : "d") + sign + std::to_string(offset_days);
}

std::string ReminderStep::kind() const {
  if (escalate) return "escalation";
  if (offset_days < 0) return "reminder";
  if (offset_days == 0) return "due_today";
  return "overdue";
}

Result<ReminderLadder> reminder_ladder(const RuleSet& rules, Date on) {
  const RuleParameter* days = rules.in_force("followup.reminder_days", on);
  const RuleParameter* escalation = rules.in_force("followup.escalation_days", on);
  const RuleParameter* working = rules.in_force("followup.working_days", on);
  if (!days || !escalation || !working) {
    return Error::malformed("rule_missing", {{"key", "followup.*"}, {"on", on.iso()}});
  }
  ReminderLadder ladder;
  ladder.working_days = working->value != 0;
  std::vector<int64_t> offsets =
      days->values.empty() ? std::vector<int64_t>{days->value} : days->values;
  for (int64_t offset : offsets) ladder.steps.push_back({static_cast<int>(offset), false});
  ladder.steps.push_back({static_cast<int>(escalation->value), true});
  for (size_t i = 1; i < ladder.steps.size(); ++i) {
    if (ladder.steps[i].offset_days <= ladder.steps[i - 1].offset_days) {
      return Error::malformed("rule_invalid",
                              {{"key", "followup.reminder_days"},
                               {"problem", "offsets must increase, escalation last"}});
    }
  }
  return ladder;
}

Result<Date> step_date(const ReminderLadder& ladder, const ReminderStep& step, Date due,
                       const WorkingCalendar& calendar) {
  if (!ladder.working_days || step.offset_days == 0) return due.add_days(step.offset_days);
  if (step.offset_days > 0) return calendar.add_working_days(due, step.offset_days);
  // Backwards: the N-th working day before the due date.
  Date day = due;
  for (int left = -step.offset_days; left > 0;) {
    day = day.add_days(-1);
    if (!calendar.covers(day.year())) {
      return Error::invalid_field("on", "calendar_year_missing",
                                  {{"year", std::to_string(day.year())}});
    }
    if (calendar.is_working_day(day)) --left;
  }
  return day;
}

Result<std::vector<ReminderStep>> steps_due(const ReminderLadder& ladder, Date due, Date today,
                                            const std::set<std::string>& sent,
                                            const WorkingCalendar& calendar) {
  std::optional<size_t> latest;
  for (size_t i = 0; i < ladder.steps.size(); ++i) {
    Result<Date> on = step_date(ladder, ladder.steps[i], due, calendar);
    if (!on) return std::move(on).error();
    if (*on <= today) latest = i;
  }
  if (!latest) return std::vector<ReminderStep>{};
  for (size_t i = *latest; i < ladder.steps.size(); ++i) {
    if (sent.count(ladder.steps[i].code())) return std::vector<ReminderStep>{};
  }
  return std::vector<ReminderStep>{ladder.steps[*latest]};
}

}  // namespace chibo::domain
