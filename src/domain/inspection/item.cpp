#include "domain/inspection/item.h"

namespace chibo::domain::inspection {

std::vector<FieldError> check_item(const ItemFacts& facts, Date concluded_on, const RuleSet& rules,
                                   const std::string& prefix) {
  std::vector<FieldError> errors;
  if (facts.kind != "violation" && facts.kind != "recommendation")
    errors.push_back({prefix + "kind", "not_allowed", {{"allowed", "violation, recommendation"}}});
  if (facts.description.empty()) errors.push_back({prefix + "description", "required", {}});
  if (facts.action.empty()) errors.push_back({prefix + "action", "required", {}});
  if (facts.owner.empty()) errors.push_back({prefix + "owner", "required", {}});
  if (facts.due_on < concluded_on) {
    errors.push_back({prefix + "due_on",
                      "inspection_before_conclusion",
                      {{"concluded_on", concluded_on.iso()}}});
  } else if (const RuleParameter* months =
                 rules.in_force("inspection.item_max_due_months", concluded_on);
             months && facts.due_on > concluded_on.add_months(static_cast<int>(months->value))) {
    errors.push_back({prefix + "due_on",
                      "inspection_due_too_late",
                      {{"latest", concluded_on.add_months(static_cast<int>(months->value)).iso()},
                       {"rule", months->key},
                       {"value", std::to_string(months->value)},
                       {"source", months->source}}});
  }
  return errors;
}

bool overdue(const std::string& state, Date due_on, Date today) {
  return state == "open" && due_on < today;
}

std::string check_close(const std::string& state, Date closed_on, Date concluded_on, Date today) {
  if (state != "open") return "already_closed";
  if (closed_on > today) return "in_future";
  if (closed_on < concluded_on) return "inspection_before_conclusion";
  return "";
}

}  // namespace chibo::domain::inspection
