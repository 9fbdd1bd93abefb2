// Consequences of the grades (rules-reference §7; Hướng dẫn 02-HD/BTCTW 2021): a member graded
// "not completed" in the rule's number of consecutive years goes on the education and screening
// list (toward removal from the roll).
#pragma once

#include <map>
#include <optional>

#include "core/date.h"
#include "domain/review/grade.h"

namespace chibo::domain::review {

struct ScreeningAnswer {
  bool listed = false;
  int consecutive = 0;  // consecutive "not completed" years ending with `year`
  std::optional<AppliedRule> rule;
};

// `grades`: the member's decided grades by year (a year without a grade breaks the run).
ScreeningAnswer screening(const std::map<int, Grade>& grades, int year, Date on,
                          const RuleSet& rules);

}  // namespace chibo::domain::review
