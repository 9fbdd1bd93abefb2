// Structural warnings: an organization whose size no longer fits its form. The thresholds
// are rule parameters in force on the day asked about, and each warning carries its source.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog/catalog.h"
#include "domain/org/organization.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

inline constexpr const char* kMinOfficialMembers = "org.min_official_members";
inline constexpr const char* kBaseCellMaxMembers = "org.base_cell_max_members";
inline constexpr const char* kBaseCommitteeMinMembers = "org.base_committee_min_members";

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

// One warning code asked of a whole subtree at once (the compliance board, issue 16): the
// active organizations of `kinds` whose kept subtree count of members of `statuses` is under
// `threshold` (`at_least` false) or at or over it (`at_least` true). The same kinds, counts and
// rules as structure_warnings: few_official_members counts status::kOfficial (MemberCounts::
// official) in the kinds whose catalog entry has min_official_applies; the base ones count the
// catalog's on_roll_statuses() (MemberCounts::on_roll). nullopt for an unknown code, a rule not
// in force on `on`, or no kind concerned.
struct StructureCheck {
  std::string code;
  std::string rule;
  std::vector<std::string> kinds;
  std::vector<std::string> statuses;
  int64_t threshold = 0;
  bool at_least = false;
  std::string source;
};

std::optional<StructureCheck> structure_check(std::string_view code, const Catalog& catalog,
                                              const RuleSet& rules, Date on);

}  // namespace chibo::domain
