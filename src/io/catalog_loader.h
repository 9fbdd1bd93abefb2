// Builds the Catalog from the TSV files under data/catalog/ (compiled into the binary).
#pragma once

#include "core/result.h"
#include "domain/catalog/catalog.h"

namespace chibo::io {

Result<domain::Catalog> load_catalog();

}  // namespace chibo::io
