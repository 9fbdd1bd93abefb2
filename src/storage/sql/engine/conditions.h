// WHERE fragments shared by the repositories: subtree ranges over a materialized path column.
#pragma once

#include <string>
#include <vector>

#include "core/org_path.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

// `column` lies under one of the subtrees `within` ("1 = 0" when there are none).
std::string within_condition(const char* column, const std::vector<OrgPath>& within,
                             Bindings& bindings);

// `column` lies in `subtree` (a range, so that B-tree indexes answer it on both engines).
std::string subtree_condition(const char* column, const OrgPath& subtree, Bindings& bindings);

}  // namespace chibo::storage
