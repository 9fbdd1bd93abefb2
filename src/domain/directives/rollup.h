// Roll-up of a directive's assignments over a subtree: how many organizations (and members) in
// it received an assignment, by current state, how many are overdue, and how many members
// studied the directive. Each assignment counts once in `total` and once in its state's count,
// for its receiving organization and every ancestor (all descendants, unweighted). An
// assignment is counted overdue from the day "mark overdue" finds it past its due date until
// it is accepted.
#pragma once

#include <cstdint>
#include <string_view>

#include "domain/directives/assignment_state.h"

namespace chibo::domain {

struct RollupCounts {
  int64_t total = 0;
  int64_t assigned = 0;
  int64_t acknowledged = 0;
  int64_t in_progress = 0;
  int64_t reported = 0;
  int64_t accepted = 0;
  int64_t returned = 0;
  int64_t overdue = 0;
  int64_t studied = 0;

  int64_t& of(AssignmentState state);
  int64_t of(AssignmentState state) const;
  RollupCounts& operator+=(const RollupCounts& other);
  bool empty() const;
  bool operator==(const RollupCounts&) const = default;
};

// The change one new assignment makes.
RollupCounts created_delta(AssignmentState state);
// The change of a state change; `overdue_cleared`: it was counted overdue and is now accepted.
RollupCounts transition_delta(AssignmentState from, AssignmentState to, bool overdue_cleared);

// Percentages (0-100, one decimal) on total; studied on `members`.
struct RollupPercents {
  double acknowledged = 0;  // everything past "assigned"
  double reported = 0;      // reported or accepted
  double accepted = 0;
  double overdue = 0;
  double studied = 0;
};

RollupPercents percents_of(const RollupCounts& counts, int64_t members);

// The colour of a subtree: "none" (nothing assigned), "done" (all accepted), "overdue" (any
// overdue), "lagging" (any not yet acknowledged, or returned), else "on_track".
std::string_view rollup_status(const RollupCounts& counts);

// Orders rows so the most lagging comes first: overdue first, then the lowest accepted share,
// then the lowest reported share.
bool lags_behind(const RollupCounts& a, const RollupCounts& b);

}  // namespace chibo::domain
