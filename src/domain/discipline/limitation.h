// The limitation clock (thời hiệu xử lý kỷ luật; rules-reference §8, Quy định 102-QĐ/TW and
// 07-QĐi/TW): a breach may be disciplined until the end of its period, counted from the breach
// (its latest occurrence: a new breach restarts the count). discipline.limitation_reprimand_years
// for reprimand-level breaches, discipline.limitation_warning_years for warning- and
// dismissal-level ones; no limit for expulsion- and dissolution-level breaches and the listed
// categories. Deferral periods (pregnancy, maternity, serious illness, inpatient treatment) do
// not count: each of their days inside the period moves the end a day later.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "domain/discipline/sanction.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::discipline {

// A deferral: `from` to `to`, both days included.
struct Deferral {
  Date from = Date();
  Date to = Date();
};

struct LimitationFacts {
  Sanction level = Sanction::kReprimand;  // the sanction the breach merits (the proposal)
  Category category = Category::kOrdinary;
  Date breach_date = Date();                           // the first (or only) breach
  std::optional<Date> new_breach_date = std::nullopt;  // a later breach: the count restarts
  std::vector<Deferral> deferrals = {};
};

struct LimitationAnswer {
  bool unlimited = false;
  // "expulsion_level" (expulsion or dissolution), "category" (a listed category); empty when
  // limited.
  std::string unlimited_reason;
  Date counted_from = Date();    // the breach the count runs from
  std::optional<Date> ends_on;   // the last day the breach may still be disciplined
  int deferred_days = 0;         // days of deferral inside the period
  bool expired = false;          // `on` is after ends_on
  std::optional<int> days_left;  // ends_on - on (0 on the last day), when not expired
  std::optional<AppliedRule> rule;
};

// The clock as seen on `on` (today). The rule in force on the breach date applies. nullopt when
// a limited breach has no rule in force on that date.
std::optional<LimitationAnswer> limitation(const LimitationFacts& facts, Date on,
                                           const RuleSet& rules);

// The compliance board's narrowing (issue 16): the last day a breach may be counted from for
// its limitation to end on or before `until`, whatever its level, the rule's version and its
// deferrals: the period at the shortest length any version of the two limitation rules has
// (deferrals only move the end later). A breach counted from a later day cannot have ended by
// `until`. nullopt when neither rule has a version.
std::optional<Date> latest_breach_ending_by(Date until, const RuleSet& rules);

// The board's warning (discipline.limitation_expiring): the clock on `today` of a limited breach
// whose period ends within `warn_days` (0 to warn_days days left) or has already ended. nullopt
// for an unlimited breach, one with no rule in force, or one whose end is further off.
std::optional<LimitationAnswer> limitation_warning(const LimitationFacts& facts, Date today,
                                                   int64_t warn_days, const RuleSet& rules);

}  // namespace chibo::domain::discipline
