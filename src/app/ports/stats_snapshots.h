// What closed-period snapshots of the figures as of a day need from storage (issue 16;
// docs/statistics.md, "Snapshots"): the roll on a day member by member as it stood when the
// snapshot was taken, and its breakdowns for the organizations whose breakdowns are kept.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/ids.h"

namespace chibo::app {

// A member on the roll on the snapshot's day, with the values counted that day.
struct SnapshotMember {
  int64_t member_id = 0;
  int64_t org = 0;  // the organization on the day
  std::string status;
  bool undated = false;  // exempted today without a dated start: official on the day
  std::string age_band;
  // sex, ethnicity, religion, general_education, professional_qualification, political_theory;
  // "unknown" when empty.
  std::array<std::string, 6> values;
};

// An organization's figures in a snapshot: dimension (status, sex, age_band, ...) -> value ->
// members, the total and the undated exemptions, and when the snapshot was taken.
struct SnapshotCounts {
  std::string taken_at;
  int64_t total = 0;
  int64_t undated = 0;
  std::map<std::string, std::map<std::string, int64_t>> breakdowns;
};

class StatsSnapshotRepository {
 public:
  virtual ~StatsSnapshotRepository() = default;
  // The days with a snapshot, oldest first, each with when it was taken.
  virtual std::vector<std::pair<Date, std::string>> snapshots() = 0;
  // The organizations whose breakdowns are kept (the ones a snapshot counts for).
  virtual std::vector<OrgId> tracked() = 0;
  // Every organization's path, for a snapshot's ancestors.
  virtual std::unordered_map<int64_t, std::string> org_paths() = 0;
  // Replaces the snapshot of `as_of`: the roll through `add`, then the counts in finish().
  virtual void begin(Date as_of) = 0;
  virtual void add(const SnapshotMember& member) = 0;
  virtual void finish(const std::string& taken_at, const std::map<OrgId, SnapshotCounts>& counts,
                      int64_t members) = 0;
  // `org`'s figures in the snapshot of `as_of`; nothing without one.
  virtual std::optional<SnapshotCounts> counts(Date as_of, OrgId org) = 0;
  // The snapshot's rows of these members (those on the roll then).
  virtual std::vector<SnapshotMember> members(Date as_of, const std::vector<int64_t>& ids) = 0;
  // Forgets the counts of these organizations in every snapshot (their subtree changed).
  virtual void forget_counts(const std::vector<OrgId>& orgs) = 0;
};

}  // namespace chibo::app
