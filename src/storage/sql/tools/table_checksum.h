// A checksum of a table's contents that does not depend on row order: the sum, lane by lane
// modulo 2^64, of the SHA-256 of each row's canonical form (a multiset hash). Two engines that
// return the same rows in different orders (SQLite by rowid, PostgreSQL by its collation) agree,
// a row present twice counts twice, and a NULL differs from an empty string.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chibo::storage {

// One row as text: each column's value, or nullopt for NULL.
using TextRow = std::vector<std::optional<std::string>>;

class TableChecksum {
 public:
  void add(const TextRow& row);
  int64_t rows() const { return rows_; }
  // "rows:hex" (64 hex digits).
  std::string str() const;
  bool operator==(const TableChecksum& other) const = default;

 private:
  std::array<uint64_t, 4> lanes_{};
  int64_t rows_ = 0;
};

// The canonical form of a row: each value as its length and bytes, NULL as "N".
std::string canonical_row(const TextRow& row);

}  // namespace chibo::storage
