#include "domain/directives/targets.h"

#include <set>

namespace chibo::domain {

std::optional<TargetMode> parse_target_mode(std::string_view code) {
  if (code == "children") return TargetMode::kChildren;
  if (code == "kind") return TargetMode::kKind;
  if (code == "orgs") return TargetMode::kOrgs;
  if (code == "member") return TargetMode::kMember;
  return std::nullopt;
}

std::vector<FieldError> check_target_orgs(const AssignmentTarget& target, const OrgPath& from,
                                          const std::vector<TargetOrg>& orgs) {
  std::vector<FieldError> errors;
  const bool chosen = target.mode == TargetMode::kOrgs;
  std::set<long long> seen;
  for (size_t i = 0; i < orgs.size(); ++i) {
    const TargetOrg& org = orgs[i];
    const std::string field = chosen ? "target.org_ids[" + std::to_string(i) + "]" : "target";
    if (!org.found) {
      errors.push_back({field, "org_not_found", {}});
    } else if (!from.contains(org.path) || org.path == from) {
      errors.push_back(
          {field, "target_outside_subtree", {{"org_id", std::to_string(org.id.value)}}});
    } else if (!org.active) {
      errors.push_back({field, "org_not_active", {{"org_id", std::to_string(org.id.value)}}});
    } else if (!seen.insert(org.id.value).second) {
      errors.push_back({field, "repeated", {}});
    }
  }
  if (orgs.empty() && errors.empty()) {
    errors.push_back(
        {target.mode == TargetMode::kKind ? "target.kind" : "target", "no_targets", {}});
  }
  return errors;
}

}  // namespace chibo::domain
