#include "domain/meetings/attendance.h"

#include <algorithm>

namespace chibo::domain::meetings {

bool is_attendance_status(std::string_view status) {
  return status == kPresent || status == kAbsentExcused || status == kAbsentUnexcused ||
         status == kSpecialDuty;
}

Tally tally(const std::vector<AttendanceLine>& lines) {
  Tally t;
  for (const AttendanceLine& line : lines) {
    if (!line.counted()) continue;
    ++t.counted;
    if (line.status == kPresent) ++t.present;
    if (line.status == kAbsentExcused) ++t.absent_excused;
    if (line.status == kAbsentUnexcused) ++t.absent_unexcused;
  }
  return t;
}

bool attendance_ok(const Tally& t, int64_t threshold_percent) {
  if (t.counted == 0) return false;
  return int64_t{t.present} * 100 > threshold_percent * t.counted;
}

int longest_excused_run(const std::vector<std::string>& statuses) {
  int run = 0;
  int longest = 0;
  for (const std::string& status : statuses) {
    run = status == kAbsentExcused ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

MeetingQuality meeting_quality(const std::vector<AttendanceLine>& lines,
                               const std::map<MemberId, std::vector<std::string>>& history,
                               Date held_on, const RuleSet& rules) {
  MeetingQuality q;
  const AppliedRule threshold = applied(rules, kMinAttendancePercent, held_on);
  const AppliedRule max_unexcused = applied(rules, kMaxUnexcused, held_on);
  const AppliedRule max_run = applied(rules, kMaxExcusedInARow, held_on);
  q.rules = {threshold, max_unexcused, max_run};
  q.tally = tally(lines);
  q.attendance_ok = attendance_ok(q.tally, threshold.value);
  q.no_unexcused = q.tally.absent_unexcused <= max_unexcused.value;
  for (const AttendanceLine& line : lines) {
    if (!line.counted()) continue;
    std::vector<std::string> statuses;
    if (auto found = history.find(line.member); found != history.end()) statuses = found->second;
    statuses.push_back(line.status);
    // Only a run that reaches this meeting makes this meeting short of the rule.
    int run = 0;
    for (auto it = statuses.rbegin(); it != statuses.rend() && *it == kAbsentExcused; ++it) ++run;
    if (run > max_run.value) q.long_excused.push_back({line.member, run});
  }
  return q;
}

}  // namespace chibo::domain::meetings
