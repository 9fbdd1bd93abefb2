// Structural warnings: an organization whose size no longer fits its form. The thresholds
// are rule parameters in force on the day asked about, and each warning carries its source.
#pragma once

#include <string>
#include <vector>

#include "domain/catalog/catalog.h"
#include "domain/org/organization.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

struct StructureWarning {
  std::string code;  // "few_official_members", "base_cell_too_large", "base_committee_too_small"
  std::string rule;  // the rule parameter's key
  int64_t threshold = 0;
  int64_t actual = 0;
  std::string source;
};

// Warnings for an active organization with the given subtree counts, on `on`.
// `kind` is the organization's kind from the catalog (nullptr if unknown).
std::vector<StructureWarning> structure_warnings(const Organization& org, const OrgKind* kind,
                                                 const MemberCounts& counts, const RuleSet& rules,
                                                 Date on);

}  // namespace chibo::domain
