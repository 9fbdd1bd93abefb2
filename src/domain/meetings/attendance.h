// Attendance at a cell meeting and the meeting's quality (Hướng dẫn 12-HD/BTCTW 2018 §3.1,
// rules-reference §5): attendance above the threshold, no unexcused absence, nobody absent with
// reason more than N times in a row in a year. Members exempted from activities (miễn sinh hoạt)
// and those on special duty are not counted.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "domain/meetings/meeting_rules.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::meetings {

inline constexpr std::string_view kPresent = "present";
inline constexpr std::string_view kAbsentExcused = "absent_excused";
inline constexpr std::string_view kAbsentUnexcused = "absent_unexcused";
inline constexpr std::string_view kSpecialDuty = "special_duty";

bool is_attendance_status(std::string_view status);

// One member at one meeting. `exempt`: exempted from activities that day (not counted).
struct AttendanceLine {
  MemberId member;
  std::string status;
  bool exempt = false;
  bool counted() const { return !exempt && status != kSpecialDuty; }
};

struct Tally {
  int counted = 0;
  int present = 0;
  int absent_excused = 0;
  int absent_unexcused = 0;
  // present / counted in tenths of a percent, rounded down (0 when nobody is counted).
  int64_t permille() const { return counted == 0 ? 0 : int64_t{present} * 1000 / counted; }
};

Tally tally(const std::vector<AttendanceLine>& lines);

// Above the threshold percentage: present * 100 > threshold * counted (strictly above: 85 %
// exactly does not meet "trên 85 %"). A meeting where nobody is counted does not meet it.
bool attendance_ok(const Tally& tally, int64_t threshold_percent);

// A member's attendance at the year's meetings, oldest first (only meetings where they were
// counted). Returns the longest run of consecutive absences with reason.
int longest_excused_run(const std::vector<std::string>& statuses);

struct LongExcused {
  MemberId member;
  int streak = 0;
};

struct MeetingQuality {
  Tally tally;
  bool attendance_ok = false;
  bool no_unexcused = false;
  std::vector<LongExcused> long_excused;  // run above the rule, up to and including this meeting
  bool meets() const { return attendance_ok && no_unexcused && long_excused.empty(); }
  std::vector<AppliedRule> rules;
};

// `history`: each member's statuses at the earlier meetings of the same calendar year, oldest
// first (counted meetings only); this meeting's status is appended for the streak.
MeetingQuality meeting_quality(const std::vector<AttendanceLine>& lines,
                               const std::map<MemberId, std::vector<std::string>>& history,
                               Date held_on, const RuleSet& rules);

}  // namespace chibo::domain::meetings
