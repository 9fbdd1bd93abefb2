// The quota of "excellent" (rules-reference §7; Quy định 124-QĐ/TW, 366 [R]): within a group,
// those graded excellent are at most the rule's percent of those graded good or excellent. The
// check is on a group's grades as they would stand after a decision, so the committee decides a
// group at once (or good grades first).
#pragma once

#include <cstdint>
#include <optional>

#include "core/date.h"
#include "domain/review/grade.h"

namespace chibo::domain::review {

struct QuotaCount {
  int64_t excellent = 0;
  int64_t good_or_above = 0;  // good + excellent
};

struct QuotaAnswer {
  bool within = true;
  int64_t allowed = 0;  // the most excellent grades the group may hold
  QuotaCount count;
  std::optional<AppliedRule> rule;  // unset when no quota rule is in force (no limit)
};

// excellent × 100 <= percent × good_or_above, in integers (no rounding up: 4 good allow none).
QuotaAnswer check_quota(const QuotaCount& count, Date on, const RuleSet& rules);

// Adds one grade to a count (and removes one with `sign` = -1).
void count_grade(QuotaCount& count, Grade grade, int sign = 1);

}  // namespace chibo::domain::review
