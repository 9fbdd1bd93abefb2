#include "domain/directives/rollup.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace chibo::domain {

int64_t& RollupCounts::of(AssignmentState state) {
  switch (state) {
    case AssignmentState::kAssigned:
      return assigned;
    case AssignmentState::kAcknowledged:
      return acknowledged;
    case AssignmentState::kInProgress:
      return in_progress;
    case AssignmentState::kReported:
      return reported;
    case AssignmentState::kAccepted:
      return accepted;
    case AssignmentState::kReturned:
      return returned;
  }
  return assigned;
}

int64_t RollupCounts::of(AssignmentState state) const {
  return const_cast<RollupCounts*>(this)->of(state);
}

RollupCounts& RollupCounts::operator+=(const RollupCounts& o) {
  total += o.total;
  assigned += o.assigned;
  acknowledged += o.acknowledged;
  in_progress += o.in_progress;
  reported += o.reported;
  accepted += o.accepted;
  returned += o.returned;
  overdue += o.overdue;
  studied += o.studied;
  return *this;
}

bool RollupCounts::empty() const { return *this == RollupCounts{}; }

RollupCounts created_delta(AssignmentState state) {
  RollupCounts delta;
  delta.total = 1;
  delta.of(state) = 1;
  return delta;
}

RollupCounts transition_delta(AssignmentState from, AssignmentState to, bool overdue_cleared) {
  RollupCounts delta;
  if (from != to) {
    delta.of(from) -= 1;
    delta.of(to) += 1;
  }
  if (overdue_cleared) delta.overdue = -1;
  return delta;
}

namespace {

double percent(int64_t part, int64_t whole) {
  if (whole <= 0) return 0;
  return std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
}

}  // namespace

RollupPercents percents_of(const RollupCounts& c, int64_t members) {
  RollupPercents p;
  p.acknowledged = percent(c.total - c.assigned, c.total);
  p.reported = percent(c.reported + c.accepted, c.total);
  p.accepted = percent(c.accepted, c.total);
  p.overdue = percent(c.overdue, c.total);
  p.studied = percent(std::min(c.studied, members), members);
  return p;
}

std::string_view rollup_status(const RollupCounts& c) {
  if (c.total == 0) return "none";
  if (c.accepted == c.total) return "done";
  if (c.overdue > 0) return "overdue";
  if (c.assigned > 0 || c.returned > 0) return "lagging";
  return "on_track";
}

bool lags_behind(const RollupCounts& a, const RollupCounts& b) {
  // Nothing assigned sorts last (share 2 of done, 0 overdue).
  auto share = [](int64_t part, int64_t whole, double none) {
    return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : none;
  };
  return std::make_tuple(-share(a.overdue, a.total, 0), share(a.accepted, a.total, 2),
                         share(a.reported + a.accepted, a.total, 2)) <
         std::make_tuple(-share(b.overdue, b.total, 0), share(b.accepted, b.total, 2),
                         share(b.reported + b.accepted, b.total, 2));
}

}  // namespace chibo::domain
