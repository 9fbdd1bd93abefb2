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
  const RuleParameter* minimum = rules.in_force("org.min_official_members", on);
  if (const RuleParameter* rule = minimum_applies ? minimum : nullptr) {
    if (counts.official < rule->value)
      add(warnings, "few_official_members", *rule, counts.official);
  }
  // A base organization's form follows its size: a chi bộ cơ sở at or over the threshold
  // should become a đảng bộ cơ sở, and a đảng bộ cơ sở under it needs the superior's consent.
  if (org.kind == kBaseCellKind) {
    if (const RuleParameter* rule = rules.in_force("org.base_cell_max_members", on)) {
      if (counts.on_roll >= rule->value)
        add(warnings, "base_cell_too_large", *rule, counts.on_roll);
    }
  }
  if (org.kind == kBaseCommitteeKind) {
    if (const RuleParameter* rule = rules.in_force("org.base_committee_min_members", on)) {
      if (counts.on_roll < rule->value)
        add(warnings, "base_committee_too_small", *rule, counts.on_roll);
    }
  }
  return warnings;
}

}  // namespace chibo::domain
