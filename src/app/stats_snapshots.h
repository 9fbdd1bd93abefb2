// Closed-period snapshots of the figures as of a day (issue 16: the root's breakdowns as of 30/6
// or 31/12 under 100 ms at 5.6 million members; docs/statistics.md, "Snapshots"). Taking one
// reads the whole roll once (a batch: `chibo stats snapshot`); the figures as of that day are
// then the snapshot's counts corrected by the members written since it was taken, each counted
// out as the snapshot had them and in as they stand now. A subtree move forgets the counts of
// the organizations it changes (they fall back to the other ways until the next snapshot).
#pragma once

#include <optional>
#include <vector>

#include "app/context.h"
#include "app/stats_reports.h"

namespace chibo::app {

struct SnapshotTaken {
  Date as_of;
  int64_t members = 0;        // on the roll that day
  int64_t organizations = 0;  // whose counts were kept
};

// Takes (or takes again) the snapshot of `as_of`: a day before today and not before
// stats.earliest_as_of_ymd. For the system actor (the CLI).
Result<SnapshotTaken> take_stats_snapshot(Context& ctx, Date as_of);

// The last day of each half-year (30/6, 31/12) of the last `years` years before today.
std::vector<Date> closed_period_ends(Date today, int years);

// `org`'s figures as of `as_of` from a snapshot of that day, when there is one with counts for
// it and the members written since are few enough (else nothing: another way counts).
std::optional<StatsAsOf> stats_from_snapshot(Context& ctx, const Organization& org, Date as_of);

}  // namespace chibo::app
