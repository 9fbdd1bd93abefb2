// What a conclusion lists (rules-reference §8): violations (vi phạm) and recommendations (kiến
// nghị), each tracked to closure with its action, owner, due date, evidence and closing day, in
// the shape of the review's shortcomings (app/ports/review.h). Overdue is derived: open past due.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::inspection {

struct ItemFacts {
  std::string kind;  // "violation", "recommendation"
  std::string description;
  std::string action;
  std::string owner;
  Date due_on;
};

// Field errors of one item of a conclusion dated `concluded_on`; the due date lies after the
// conclusion and at most inspection.item_max_due_months after it.
std::vector<FieldError> check_item(const ItemFacts& facts, Date concluded_on, const RuleSet& rules,
                                   const std::string& prefix = "");

// Open past its due day.
bool overdue(const std::string& state, Date due_on, Date today);

// Why closing is refused ("" when allowed): "already_closed", "in_future" (closed after today),
// "inspection_before_conclusion".
std::string check_close(const std::string& state, Date closed_on, Date concluded_on, Date today);

}  // namespace chibo::domain::inspection
