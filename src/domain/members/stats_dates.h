// Which days figures may be asked for (issue 16): as of a day, or over a reporting period.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

// `on` must be no later than `today` and no earlier than stats.earliest_as_of_ymd. Errors name
// `field` (stats_as_of_in_future, stats_as_of_too_early with the rule and its source).
std::vector<FieldError> check_as_of(const std::string& field, Date on, Date today,
                                    const RuleSet& rules);

// A report period [from, to]: both days as check_as_of allows, from no later than to, and at
// most stats.report_max_months long (stats_period_too_long on `to`).
std::vector<FieldError> check_report_period(Date from, Date to, Date today, const RuleSet& rules);

}  // namespace chibo::domain
