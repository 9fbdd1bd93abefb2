// Reads the working-day calendar: the years listed in rules/holidays.tsv (the copy compiled into
// the binary, or the one in the rules directory given at start-up: each year's schedule is
// announced late), the other years of calendar.years computed from the holiday rules
// (domain/calendar/holiday_rules.h).
#pragma once

#include <string>

#include "core/result.h"
#include "domain/calendar/working_calendar.h"
#include "domain/rules/rule_set.h"

namespace chibo::io {

// Columns date (ISO), kind (off | work), name_vi, source. Fails naming the line.
Result<domain::WorkingCalendar> parse_calendar(std::string_view text, const std::string& source,
                                               const domain::RuleSet& rules);

// From `<directory>/holidays.tsv` when `directory` is not empty, else the compiled-in one.
Result<domain::WorkingCalendar> load_calendar(const std::string& directory,
                                              const domain::RuleSet& rules);

}  // namespace chibo::io
