// Who is not reviewed in a campaign (rules-reference §7; Quy định 124-QĐ/TW): a member admitted
// less than the rule's months before the review date, a member whose activities are suspended,
// a member exempted from activities. Decided from facts, with the reason and the rule.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "domain/review/grade.h"

namespace chibo::domain::review {

struct EligibilityFacts {
  std::string status = {};                            // member status code (catalog)
  std::optional<Date> admission_date = std::nullopt;  // the admission decision
  bool activities_suspended = false;  // đình chỉ sinh hoạt on the review date (a discipline case)
};

struct Eligibility {
  bool reviewed = true;
  // When not reviewed: "admitted_recently", "activities_suspended", "exempted".
  std::string reason;
  std::optional<Date> reviewable_from;  // admitted_recently: the first review date that counts
  std::optional<AppliedRule> rule;
};

// `review_date`: the campaign's review date. Statuses off the roll are not asked about (the
// caller lists members on the roll).
Eligibility eligibility(const EligibilityFacts& facts, Date review_date, const RuleSet& rules);

}  // namespace chibo::domain::review
