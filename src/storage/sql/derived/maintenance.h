// Upkeep that keeps derived columns true to their sources.
#pragma once

#include <soci/soci.h>

#include "core/result.h"
#include "storage/sql/engine/dialect.h"

namespace chibo::storage {

// Sort keys are ICU's and change with its collation version: when the version stored in
// meta differs from the running one, recompute every organization's and member's key.
Status refresh_sort_keys_if_needed(soci::session& session, Engine engine);

// Recomputes every stored sort key (after an ICU upgrade).
void recompute_sort_keys(soci::session& session);

}  // namespace chibo::storage
