#include "domain/review/eligibility.h"

namespace chibo::domain::review {

Eligibility eligibility(const EligibilityFacts& facts, Date review_date, const RuleSet& rules) {
  Eligibility answer;
  if (facts.status == "exempted") {
    answer.reviewed = false;
    answer.reason = "exempted";
    return answer;
  }
  if (facts.activities_suspended) {
    answer.reviewed = false;
    answer.reason = "activities_suspended";
    return answer;
  }
  const RuleParameter* months = rules.in_force("review.min_months_since_admission", review_date);
  if (months && facts.admission_date) {
    // Exactly N calendar months before the review date is reviewed; a day less is not.
    const Date from = facts.admission_date->add_months(static_cast<int>(months->value));
    if (from > review_date) {
      answer.reviewed = false;
      answer.reason = "admitted_recently";
      answer.reviewable_from = from;
      answer.rule = AppliedRule{months->key, months->value, months->source};
    }
  }
  return answer;
}

}  // namespace chibo::domain::review
