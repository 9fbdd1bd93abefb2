// Checks that the stored data keeps its invariants: SQLite's own integrity check, every
// organization's path equal to its parent's path plus its id, members' org_path equal to
// their organization's, and org_member_counts equal to a recount.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "storage/sql/engine/sql_store.h"

namespace chibo::storage {

// One line per problem found; empty when all is well.
Result<std::vector<std::string>> check_consistency(SqlStore& store);

}  // namespace chibo::storage
