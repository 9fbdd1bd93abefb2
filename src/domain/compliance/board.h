// The compliance board's pure part (issue 16): how serious an out-of-rule item is from how many
// days it is overdue (bands in rules/compliance.toml), how the counts a source reports per
// organization roll up to the direct children of the asked organization, and the one order
// in which items from every source are merged into pages.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/org_path.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::compliance {

inline constexpr const char* kSeriousAfterDays = "compliance.serious_after_days";
inline constexpr const char* kCriticalAfterDays = "compliance.critical_after_days";
// How many days before a discipline case's limitation ends the board lists it.
inline constexpr const char* kLimitationWarnDays = "compliance.limitation_warn_days";

// "warning" (just overdue), "serious", "critical": by the bands in force on `on`. A band whose
// rule is not in force does not apply.
std::string severity_of(int64_t days_overdue, const RuleSet& rules, Date on);

// How many items one organization of the subtree holds (a source's count per org_path).
struct PathCount {
  OrgPath path;
  int64_t count = 0;
};

// Counts of one asked organization: its own items (`own`), those of each direct child's
// subtree (every descendant counted under the child it lies below), and the total.
struct ChildCounts {
  int64_t own = 0;
  int64_t total = 0;
  std::map<OrgId, int64_t> children;
};

// Rolls `counts` (paths inside `asked`'s subtree; others are ignored) up to `asked`'s direct
// children. Adds to `into`, so that several sources' counts merge into one.
void roll_up(const OrgPath& asked, const std::vector<PathCount>& counts, ChildCounts& into);

// The organizations holding the most items: counts of every source summed per path, most first
// (ties in path order), at most `limit`. The board links to them so that the lagging cell is one
// click from the root however deep the tree.
std::vector<PathCount> most_lagging(const std::vector<PathCount>& counts, size_t limit);

// One out-of-rule item, as every source reports it.
struct Item {
  std::string area;      // "directives", "meetings", "review", "probation", "transfers", "dues"
  std::string kind;      // the rule key it breaks, e.g. "directives.assignment_overdue"
  std::string severity;  // severity_of(days_overdue)
  OrgId org_id;
  OrgPath org_path;
  std::string org_name;
  std::string subject_type;  // "member", "organization", "assignment", "shortcoming", "transfer"
  int64_t subject_id = 0;
  std::string subject_label;
  Date due_on;  // the day by which it should have been done (or the period's last day)
  int64_t days_overdue = 0;
  std::string link;  // the web route of the item's page
};

// The order of the board: most overdue first, then due soonest (items not yet overdue, such as
// a limitation ending within its warning window), then by area, kind, organization path, subject.
bool comes_before(const Item& a, const Item& b);

// Merges the sources' lists (each already the first `offset + limit` of its own items in this
// order) and returns items [offset, offset + limit) of the whole.
std::vector<Item> merge_page(std::vector<std::vector<Item>> lists, int64_t offset, int limit);

}  // namespace chibo::domain::compliance
