// The rule keys the meeting decisions read (rules/meetings.toml, rules-reference §5), and the
// applied-rule value the decisions hand back so that every answer names its rule and source.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::meetings {

inline constexpr const char* kRegularEveryMonths = "meetings.regular_every_months";
inline constexpr const char* kThematicEveryMonths = "meetings.thematic_every_months";
inline constexpr const char* kMinAttendancePercent = "meetings.min_attendance_percent";
inline constexpr const char* kMaxUnexcused = "meetings.max_unexcused_absences";
inline constexpr const char* kMaxExcusedInARow = "meetings.max_excused_in_a_row";
inline constexpr const char* kAbsentMonthsForRemoval = "meetings.absent_months_for_removal";
inline constexpr const char* kResolutionShare = "meetings.resolution_vote_share";

struct AppliedRule {
  std::string key;
  int64_t value = 0;
  std::string source;
};

// The version of `key` in force on `on` as an applied rule (value 0 and source "" when none is).
AppliedRule applied(const RuleSet& rules, const std::string& key, Date on);

}  // namespace chibo::domain::meetings
