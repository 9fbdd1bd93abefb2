// The directive list's folded search column (migration 0016): rows written before it (NULL)
// are folded at start, in C++ (text::fold), once; later rows are written folded.
#pragma once

#include <soci/soci.h>

#include "storage/sql/engine/dialect.h"

namespace chibo::storage {

// Folds the title and number of every directive whose search_text is NULL; returns how many.
long long fold_directive_search_if_needed(soci::session& session, Engine engine);

}  // namespace chibo::storage
