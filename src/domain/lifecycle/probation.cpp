#include "domain/lifecycle/probation.h"

namespace chibo::domain {

std::optional<ProbationView> probation_view(const Member& member, bool cell_resolved,
                                            const RuleSet& rules, const WorkingCalendar& calendar,
                                            Date today) {
  if (member.status != status::kProbationary || !member.probation_ends_on) return std::nullopt;
  ProbationView view;
  view.ends_on = *member.probation_ends_on;
  view.ceremony_known = member.ceremony_date.has_value();
  if (const RuleParameter* days =
          rules.in_force("recognition.consider_working_days", view.ends_on)) {
    if (Result<Date> due = calendar.add_working_days(view.ends_on, static_cast<int>(days->value)))
      view.consider_by = *due;
  }
  view.days_to_end = view.ends_on.serial() - today.serial();
  view.overdue = !cell_resolved && view.consider_by && today > *view.consider_by;
  return view;
}

std::vector<FieldError> check_recognition(const Member& member,
                                          const std::optional<RecognitionRecord>& cell,
                                          const RecognitionRecord& next, const RuleSet& rules,
                                          const WorkingCalendar& calendar, Date today) {
  std::vector<FieldError> errors;
  if (member.status != status::kProbationary || !member.probation_ends_on) {
    errors.push_back({"step", "not_probationary", {{"status", member.status}}});
    return errors;
  }
  check_step_date("on", next.on, today, errors);
  if (next.step == RecognitionStep::kCellResolution) {
    if (cell) {
      errors.push_back({"step", "step_already_recorded", {}});
      return errors;
    }
    if (next.document.number.empty()) errors.push_back({"document.number", "required", {}});
    if (next.on < *member.probation_ends_on) {
      if (const RuleParameter* months = rule_on(
              rules, "probation.months", member.ceremony_date.value_or(next.on), "on", errors)) {
        errors.push_back(rule_error("on", "probation_not_ended", *months,
                                    {{"ends_on", member.probation_ends_on->iso()}}));
      }
    }
    check_vote(next.vote, rule_on(rules, "recognition.cell_vote_share", next.on, "vote", errors),
               "vote", errors);
    return errors;
  }
  if (!cell) {
    errors.push_back({"step", "step_requires", {{"steps", "cell_resolution"}}});
    return errors;
  }
  if (next.on < cell->on)
    errors.push_back({"on",
                      "step_before_prerequisite",
                      {{"step", "cell_resolution"}, {"date", cell->on.iso()}}});
  if (next.document.number.empty()) errors.push_back({"document.number", "required", {}});
  if (next.document.authority.empty()) errors.push_back({"document.authority", "required", {}});
  if (const RuleParameter* days =
          rule_on(rules, "recognition.decision_working_days", cell->on, "on", errors)) {
    const Result<Date> due = calendar.add_working_days(cell->on, static_cast<int>(days->value));
    if (!due) {
      errors.push_back(calendar_field_error("on", due.error()));
    } else if (next.on > *due && next.note.empty()) {
      errors.push_back(rule_error("note", "decision_late", *days, {{"due", due->iso()}}));
    }
  }
  return errors;
}

void apply_recognition(Member& member, const RecognitionRecord& decision) {
  if (decision.recognized) {
    member.status = std::string(status::kOfficial);
    member.official_date = member.probation_ends_on;
  } else {
    member.status = std::string(status::kNotRecognized);
    member.exit_date = decision.on;
    member.exit_ground = std::string(status::kNotRecognized);
  }
}

}  // namespace chibo::domain
