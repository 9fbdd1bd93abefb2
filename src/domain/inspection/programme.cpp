#include "domain/inspection/programme.h"

#include <set>

#include "domain/inspection/stage.h"

namespace chibo::domain::inspection {

std::vector<FieldError> check_programme(const ProgrammeFacts& facts) {
  std::vector<FieldError> errors;
  if (facts.year < 1930 || facts.year > 9999)
    errors.push_back({"year", "out_of_range", {{"min", "1930"}, {"max", "9999"}}});
  if (facts.issuer != "committee" && facts.issuer != "inspection_committee")
    errors.push_back({"issuer", "not_allowed", {{"allowed", "committee, inspection_committee"}}});
  if (facts.title.empty()) errors.push_back({"title", "required", {}});
  return errors;
}

std::vector<FieldError> check_inspection(const InspectionFacts& facts, const RuleSet& rules,
                                         const std::string& prefix) {
  std::vector<FieldError> errors;
  if (!is_kind(facts.kind))
    errors.push_back({prefix + "kind", "not_allowed", {{"allowed", kKindCodes}}});
  if (facts.content.empty()) errors.push_back({prefix + "content", "required", {}});
  if (!facts.subject_in_subtree)
    errors.push_back({prefix + facts.subject_field, "inspection_outside_subtree", {}});
  const Params year = {{"year", std::to_string(facts.year)}};
  if (facts.starts_on.year() != facts.year)
    errors.push_back({prefix + "starts_on", "inspection_outside_year", year});
  if (facts.ends_on.year() != facts.year)
    errors.push_back({prefix + "ends_on", "inspection_outside_year", year});
  else if (facts.ends_on < facts.starts_on)
    errors.push_back(
        {prefix + "ends_on", "inspection_before_start", {{"starts_on", facts.starts_on.iso()}}});
  std::set<std::string> names;
  for (const std::string& name : facts.team) {
    if (name.empty()) {
      errors.push_back({prefix + "team", "required", {}});
      break;
    }
    if (!names.insert(name).second) {
      errors.push_back({prefix + "team", "inspection_team_duplicate", {{"name", name}}});
      break;
    }
  }
  if (const RuleParameter* min = rules.in_force("inspection.min_team_members", facts.starts_on);
      min && static_cast<int64_t>(facts.team.size()) < min->value)
    errors.push_back({prefix + "team",
                      "inspection_team_too_small",
                      {{"min", std::to_string(min->value)},
                       {"rule", min->key},
                       {"value", std::to_string(min->value)},
                       {"source", min->source}}});
  return errors;
}

}  // namespace chibo::domain::inspection
