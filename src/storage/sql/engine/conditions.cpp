#include "storage/sql/engine/conditions.h"

namespace chibo::storage {

std::string within_condition(const char* column, const std::vector<OrgPath>& within,
                             Bindings& bindings) {
  std::string condition;
  for (const OrgPath& path : within) {
    condition += (condition.empty() ? "(" : " OR ") + std::string("(") +
                 subtree_condition(column, path, bindings) + ")";
  }
  return condition.empty() ? "1 = 0" : condition + ")";
}

std::string subtree_condition(const char* column, const OrgPath& subtree, Bindings& bindings) {
  return std::string(column) + " >= " + bindings.text(subtree.str()) + " AND " + column + " < " +
         bindings.text(subtree.subtree_end());
}

}  // namespace chibo::storage
