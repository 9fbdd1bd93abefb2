#include "domain/review/screening.h"

namespace chibo::domain::review {

ScreeningAnswer screening(const std::map<int, Grade>& grades, int year, Date on,
                          const RuleSet& rules) {
  ScreeningAnswer answer;
  for (int y = year;; --y) {
    auto found = grades.find(y);
    if (found == grades.end() || found->second != Grade::kNotCompleted) break;
    ++answer.consecutive;
  }
  const RuleParameter* years = rules.in_force("review.screening_consecutive_years", on);
  if (!years) return answer;
  answer.rule = AppliedRule{years->key, years->value, years->source};
  answer.listed = years->value > 0 && answer.consecutive >= years->value;
  return answer;
}

}  // namespace chibo::domain::review
