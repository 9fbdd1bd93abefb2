// Upkeep of org_member_counts: members in each organization's whole subtree, by status.
// Invariant: for every organization X and status S, n(X, S) equals the number of members with
// status S whose org_path lies in X's subtree. Every write that changes a member's
// organization or status, or moves a subtree, adjusts the counts in the same transaction;
// `chibo check` recounts from scratch and compares.
#pragma once

#include <soci/soci.h>

#include <map>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/org_path.h"

namespace chibo::storage {

// Adds `delta` members of `status` to every organization on `path` (ancestors and itself).
void adjust_counts(soci::session& session, const OrgPath& path, const std::string& status,
                   long long delta);

// Adds `sign` times `by_status` to each organization in `orgs`.
void adjust_counts(soci::session& session, const std::vector<OrgId>& orgs,
                   const std::map<std::string, long long>& by_status, long long sign);

// The stored counts of one organization.
std::map<std::string, long long> counts_of(soci::session& session, OrgId org);

// Rebuilds the whole table from the members table (after bulk loads, and for checks).
void rebuild_counts(soci::session& session);

}  // namespace chibo::storage
