// Suspension of party activities while a case is considered (đình chỉ sinh hoạt đảng; đình chỉ
// hoạt động of an organization): Quy định 22-QĐ/TW (2021) Art. 28-31, kept by 296-QĐ/TW (2025).
// A member showing signs of a serious breach who obstructs the inquiry is suspended for at most
// discipline.suspension_days, extensions included at most discipline.suspension_max_days; an
// organization at most discipline.org_suspension_days, without extension. A member prosecuted or
// detained is suspended for the period the law sets, which no party rule caps. The period is
// counted like the other clocks of a case: `until` at most `from` plus the days.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/discipline/sanction.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::discipline {

struct Suspension {
  Date from;
  Date until;                       // the last day
  std::string basis;                // "investigation" or "prosecution"
  std::optional<Date> lifted_on{};  // ended early (the case decided, or the reason gone)
};

// "investigation, prosecution".
const char* suspension_bases();

struct SuspensionCheck {
  std::vector<FieldError> errors;    // fields: "basis", "from", "until"
  std::optional<AppliedRule> rule;   // the cap applied; none for a prosecution
  std::optional<Date> latest_until;  // the last day the cap allows
};

// Checks a new suspension (`previous` empty) or the extension of `previous` (same start, a
// later end). The rule in force on `next.from` applies. A missing rule is an error on "until".
SuspensionCheck check_suspension(Subject subject, const Suspension& next,
                                 const std::optional<Suspension>& previous, const RuleSet& rules);

// The rule that bounds a recorded suspension: the first period's, or the extensions' once it
// runs past the first period; none for a prosecution or when no rule is in force.
std::optional<AppliedRule> suspension_cap(Subject subject, const Suspension& recorded,
                                          const RuleSet& rules);

// Suspended on `on`: from <= on <= until, and not lifted on or before `on`.
bool suspended_on(const Suspension& suspension, Date on);

}  // namespace chibo::domain::discipline
