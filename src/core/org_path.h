// Materialized path of an organization: its ancestors' ids and its own, "/1/23/456/".
// Invariant: starts and ends with '/', segments are positive decimal ids without leading zeros.
// Every descendant's path starts with this one; `subtree_end()` turns that prefix into a
// half-open range [path, subtree_end) that ordinary B-tree indexes answer on any SQL engine.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"

namespace chibo {

class OrgPath {
 public:
  OrgPath() = default;
  static OrgPath root(OrgId id);
  static std::optional<OrgPath> parse(std::string_view text);

  OrgPath child(OrgId id) const;
  const std::string& str() const { return text_; }
  bool empty() const { return text_.empty(); }
  // Ancestors first, the node itself last.
  std::vector<OrgId> ids() const;
  OrgId leaf() const;
  int depth() const;  // 1 for a root
  // The exclusive upper bound of this subtree's paths: the trailing '/' becomes '0'.
  std::string subtree_end() const;
  // True when `other` is this node or one of its descendants.
  bool contains(const OrgPath& other) const;
  // `descendant`'s path with this prefix replaced by `new_prefix` (used when a subtree moves).
  OrgPath rebased(const OrgPath& descendant, const OrgPath& new_prefix) const;

  auto operator<=>(const OrgPath&) const = default;

 private:
  explicit OrgPath(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

}  // namespace chibo
