// Upkeep of search_key_bounds: for each search key, the lowest and highest name sort key of the
// members having it. A broad name search (member_search.cpp) reads a prefix's keys in the order
// of these bounds and stops at the first key that cannot reach its page, instead of sorting
// every matching row.
//
// Invariant: every row of member_search_keys has a bounds row for its key with
// low_sort_key <= sort_key <= high_sort_key. Bounds only widen on writes; keys that lose
// members keep their old, wider bounds, which are still true bounds (a search then reads a key
// it did not need, never misses one). Bulk loads and sort-key recomputations rebuild the table;
// `chibo check` verifies the invariant.
#pragma once

#include <soci/soci.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace chibo::storage {

// Widens the bounds of `keys` to include `sort_key` (one member's keys, after they are written).
void widen_search_key_bounds(soci::session& session, const std::vector<std::string>& keys,
                             const std::string& sort_key);

// Widens the bounds of each key to include its [low, high] sort keys (many members' keys at once).
void widen_search_key_bounds(
    soci::session& session,
    const std::map<std::string, std::pair<std::string, std::string>>& bounds);

// Rebuilds the whole table from member_search_keys.
void rebuild_search_key_bounds(soci::session& session);

// Rows of member_search_keys outside their key's bounds (0 when the invariant holds).
long long search_keys_out_of_bounds(soci::session& session);

}  // namespace chibo::storage
