// Reads the search index's rows from member_search_keys.
#pragma once

#include <soci/soci.h>

#include <vector>

#include "storage/sql/search/search_index.h"

namespace chibo::storage {

// Every member's keys, or only those of `ids` when given.
std::vector<IndexedMember> load_indexed_members(soci::session& session,
                                                const std::vector<long long>* ids = nullptr);

// Members in the database (to decide whether to keep an index at all).
long long member_total(soci::session& session);

// What a write transaction changed that the index copies.
struct IndexChanges {
  std::vector<long long> members;  // reload these members' keys and versions
  std::vector<long long> orgs;     // renamed organizations (cached names to drop)
  bool everything = false;         // reload the whole index (subtree moved, bulk load)
  bool access = false;             // sessions or users changed (see Store::access_generation)
};

}  // namespace chibo::storage
