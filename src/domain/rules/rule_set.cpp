#include "domain/rules/rule_set.h"

#include <algorithm>

namespace chibo::domain {

Result<RuleSet> RuleSet::build(std::vector<RuleParameter> parameters,
                               const std::vector<std::string>& required_keys) {
  RuleSet rules;
  for (RuleParameter& parameter : parameters) {
    rules.versions_[parameter.key].push_back(std::move(parameter));
  }
  for (auto& [key, versions] : rules.versions_) {
    std::sort(versions.begin(), versions.end(), [](const RuleParameter& a, const RuleParameter& b) {
      return a.effective_from < b.effective_from;
    });
    for (size_t index = 1; index < versions.size(); ++index) {
      if (versions[index].effective_from == versions[index - 1].effective_from) {
        return Error::invalid_field(key, "rule_duplicate_date",
                                    {{"date", versions[index].effective_from.iso()}});
      }
    }
  }
  for (const std::string& key : required_keys) {
    if (!rules.versions_.count(key)) return Error::invalid_field(key, "rule_missing");
  }
  return rules;
}

const RuleParameter* RuleSet::in_force(const std::string& key, Date on) const {
  const auto found = versions_.find(key);
  if (found == versions_.end()) return nullptr;
  const RuleParameter* current = nullptr;
  for (const RuleParameter& version : found->second) {
    if (version.effective_from > on) break;
    current = &version;
  }
  return current;
}

std::vector<RuleParameter> RuleSet::all() const {
  std::vector<RuleParameter> flat;
  for (const auto& [key, versions] : versions_) {
    flat.insert(flat.end(), versions.begin(), versions.end());
  }
  return flat;
}

const std::vector<std::string>& registry_rule_keys() {
  static const std::vector<std::string> keys = {
      "org.min_official_members",
      "org.base_cell_max_members",
      "org.base_committee_min_members",
      "member.min_admission_age_years",
  };
  return keys;
}

}  // namespace chibo::domain
