// Breakdowns kept up to date for organizations with large subtrees (migration 0007).
//
// Invariant: for each organization X in org_stats_tracked and each dimension D,
// org_member_stats(X, status, D, value) is the number of members with that status and value
// of D in X's subtree. An organization becomes tracked when its subtree reaches the threshold
// (members in all statuses; a write that makes it cross, a subtree move, a bulk load, or a
// store opening on a database that has grown) and stays tracked. Every member insert and
// update adjusts the rows of the tracked organizations above it, in the same transaction, as
// does every subtree move; `chibo check` recounts and compares.
//
// Concurrency (PostgreSQL, READ COMMITTED): a writer takes a shared transaction-scoped
// advisory lock on each ancestor before reading which of them are tracked; starting to track
// X takes the exclusive one, so X's first counts include every committed writer, and no writer
// that missed X's tracking can still commit. (SQLite has one writer at a time.)
#pragma once

#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/org_path.h"
#include "domain/members/member.h"

namespace chibo::storage {

// Subtrees with at least this many members (any status) keep their breakdowns.
inline constexpr long long kDefaultStatsThreshold = 20000;

// The kept dimensions, in this order; a member's values of them ("unknown" when empty). The
// status is the row's own column; the birth date is kept by month.
const std::vector<std::string>& stat_dimensions();
std::vector<std::string> stat_values(const domain::Member& member);

// After a member insert (before = nullptr) or update: adjusts the tracked ancestors' rows,
// and starts tracking ancestors that reached `threshold`.
void adjust_member_stats(soci::session& session, const domain::Member* before,
                         const domain::Member& after, long long threshold);

// New members' breakdowns gathered in memory and added once (a bulk import): the same end state
// as adjust_member_stats after each of their inserts. apply() after the members are written and
// their subtree counts adjusted.
class NewMemberStats {
 public:
  void add(const domain::Member& member);
  void apply(soci::session& session, long long threshold);
  bool empty() const { return tally_.empty(); }

 private:
  // (org_path, status, dimension index, value) -> members
  std::map<std::tuple<std::string, std::string, size_t, std::string>, long long> tally_;
};

// After moving `node`'s subtree: its members leave `leaving` and join `joining` (ancestors
// that are not both); those that are tracked follow, and joining ones may start tracking.
void adjust_stats_for_move(soci::session& session, OrgId node, const std::vector<OrgId>& leaving,
                           const std::vector<OrgId>& joining, long long threshold);

// Starts tracking every organization whose subtree has reached `threshold` (store opening).
void track_large_subtrees(soci::session& session, long long threshold);

// Recomputes every tracked organization's rows from the members (bulk loads; with
// `track_new`, also tracks every organization at or above the threshold first).
void rebuild_stats(soci::session& session, long long threshold, bool track_new);

// Status -> dimension -> value -> members, for a tracked organization; nullopt otherwise.
using StatsTable = std::map<std::string, std::map<std::string, std::map<std::string, long long>>>;
std::optional<StatsTable> tracked_stats(soci::session& session, OrgId org);

// Every tracked organization's stored rows, for checks: (org, status, dimension, value) -> n.
std::map<std::tuple<long long, std::string, std::string, std::string>, long long> stored_stats(
    soci::session& session);

}  // namespace chibo::storage
