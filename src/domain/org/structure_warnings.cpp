#include "domain/org/structure_warnings.h"

namespace chibo::domain {

namespace {

constexpr const char* kBaseCellKind = "base_cell";
constexpr const char* kBaseCommitteeKind = "base_committee";

void add(std::vector<StructureWarning>& warnings, const char* code, const RuleParameter& rule,
         int64_t actual) {
  warnings.push_back({code, rule.key, rule.value, actual, rule.source});
}

}  // namespace

std::vector<StructureWarning> structure_warnings(const Organization& org, const OrgKind* kind,
                                                 const MemberCounts& counts, const RuleSet& rules,
                                                 Date on) {
  std::vector<StructureWarning> warnings;
  if (!org.active()) return warnings;
  // Every party organization needs a minimum of official members (not a tổ đảng inside a cell).
  const bool minimum_applies = kind == nullptr || kind->min_official_applies;
  const RuleParameter* minimum = rules.in_force(kMinOfficialMembers, on);
  if (const RuleParameter* rule = minimum_applies ? minimum : nullptr) {
    if (counts.official < rule->value)
      add(warnings, "few_official_members", *rule, counts.official);
  }
  // A base organization's form follows its size: a chi bộ cơ sở at or over the threshold
  // should become a đảng bộ cơ sở, and a đảng bộ cơ sở under it needs the superior's consent.
  if (org.kind == kBaseCellKind) {
    if (const RuleParameter* rule = rules.in_force(kBaseCellMaxMembers, on)) {
      if (counts.on_roll >= rule->value)
        add(warnings, "base_cell_too_large", *rule, counts.on_roll);
    }
  }
  if (org.kind == kBaseCommitteeKind) {
    if (const RuleParameter* rule = rules.in_force(kBaseCommitteeMinMembers, on)) {
      if (counts.on_roll < rule->value)
        add(warnings, "base_committee_too_small", *rule, counts.on_roll);
    }
  }
  return warnings;
}

std::optional<StructureCheck> structure_check(std::string_view code, const Catalog& catalog,
                                              const RuleSet& rules, Date on) {
  StructureCheck check;
  check.code = std::string(code);
  if (code == "few_official_members") {
    check.rule = kMinOfficialMembers;
    for (const OrgKind& kind : catalog.org_kinds)
      if (kind.min_official_applies) check.kinds.push_back(kind.code);
    check.statuses = {std::string(status::kOfficial)};
  } else if (code == "base_cell_too_large") {
    check.rule = kBaseCellMaxMembers;
    check.kinds = {kBaseCellKind};
    check.statuses = catalog.on_roll_statuses();
    check.at_least = true;
  } else if (code == "base_committee_too_small") {
    check.rule = kBaseCommitteeMinMembers;
    check.kinds = {kBaseCommitteeKind};
    check.statuses = catalog.on_roll_statuses();
  } else {
    return std::nullopt;
  }
  const RuleParameter* rule = rules.in_force(check.rule, on);
  if (!rule || check.kinds.empty() || check.statuses.empty()) return std::nullopt;
  check.threshold = rule->value;
  check.source = rule->source;
  return check;
}

}  // namespace chibo::domain
