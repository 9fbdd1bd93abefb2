#include "domain/discipline/closure.h"

namespace chibo::domain::discipline {

std::optional<ClosureGround> parse_closure_ground(std::string_view code) {
  if (code == "limitation_expired") return ClosureGround::kLimitationExpired;
  if (code == "not_disciplined") return ClosureGround::kNotDisciplined;
  return std::nullopt;
}

std::string_view closure_ground_code(ClosureGround ground) {
  return ground == ClosureGround::kLimitationExpired ? "limitation_expired" : "not_disciplined";
}

const char* closure_grounds() { return "limitation_expired, not_disciplined"; }

std::vector<FieldError> check_closure(const Closure& closure, const LimitationFacts& facts,
                                      std::optional<Date> not_before, Date today,
                                      const RuleSet& rules) {
  std::vector<FieldError> errors;
  const Date on = closure.closed_on;
  if (on > today) errors.push_back({"closed_on", "date_in_future", {}});
  if (on < facts.breach_date)
    errors.push_back({"closed_on", "discipline_closed_before_breach", {}});
  if (not_before && on < *not_before)
    errors.push_back({"closed_on", "discipline_decided_before_vote", {}});
  if (closure.ground == ClosureGround::kNotDisciplined && closure.note.empty())
    errors.push_back({"note", "required", {}});
  if (closure.ground == ClosureGround::kLimitationExpired) {
    const std::optional<LimitationAnswer> clock = limitation(facts, on, rules);
    if (!clock) {
      errors.push_back({"ground", "rule_missing", {}});
    } else if (clock->unlimited) {
      errors.push_back(
          {"ground", "discipline_limitation_unlimited", {{"unlimited", clock->unlimited_reason}}});
    } else if (!clock->expired && clock->rule && clock->ends_on) {
      errors.push_back({"ground",
                        "discipline_limitation_running",
                        {{"ends_on", clock->ends_on->iso()},
                         {"rule", clock->rule->key},
                         {"source", clock->rule->source}}});
    }
  }
  return errors;
}

std::optional<Suspension> suspension_after_closure(const std::optional<Suspension>& suspension,
                                                   Date closed_on) {
  if (!suspension || suspension->lifted_on || suspension->until < closed_on) return suspension;
  Suspension lifted = *suspension;
  lifted.lifted_on = closed_on;
  return lifted;
}

}  // namespace chibo::domain::discipline
