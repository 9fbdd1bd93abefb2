// The meetings side of the removal list ("xem xét xóa tên", Quy định 24-QĐ/TW §8.1 carried into
// 232/294; rules-reference §5): a member who in a year missed party activities without reason
// in meetings.absent_months_for_removal months. The dues side is domain/dues (unpaid_in_year).
#pragma once

#include <vector>

#include "core/date.h"
#include "domain/dues/month.h"
#include "domain/meetings/meeting_rules.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::meetings {

struct UnexcusedYear {
  std::vector<dues::Month> months;  // distinct months of `year` with an unexcused absence
  AppliedRule rule;
  bool listed() const {
    return rule.value > 0 && static_cast<int64_t>(months.size()) >= rule.value;
  }
};

// `absences`: the days of the member's unexcused absences (any order, any year).
UnexcusedYear unexcused_in_year(const std::vector<Date>& absences, int year, Date as_of,
                                const RuleSet& rules);

}  // namespace chibo::domain::meetings
