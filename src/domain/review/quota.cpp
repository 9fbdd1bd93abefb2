#include "domain/review/quota.h"

namespace chibo::domain::review {

QuotaAnswer check_quota(const QuotaCount& count, Date on, const RuleSet& rules) {
  QuotaAnswer answer;
  answer.count = count;
  const RuleParameter* percent = rules.in_force("review.excellent_quota_pct", on);
  if (!percent) {
    answer.allowed = count.good_or_above;
    return answer;
  }
  answer.rule = AppliedRule{percent->key, percent->value, percent->source};
  answer.allowed = percent->value * count.good_or_above / 100;
  answer.within = count.excellent * 100 <= percent->value * count.good_or_above;
  return answer;
}

void count_grade(QuotaCount& count, Grade grade, int sign) {
  if (grade == Grade::kExcellent) count.excellent += sign;
  if (grade_rank(grade) >= grade_rank(Grade::kGood)) count.good_or_above += sign;
}

}  // namespace chibo::domain::review
