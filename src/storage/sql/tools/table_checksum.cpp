#include "storage/sql/tools/table_checksum.h"

#include "security/hashing.h"

namespace chibo::storage {

std::string canonical_row(const TextRow& row) {
  std::string text;
  for (const std::optional<std::string>& value : row) {
    if (!value) {
      text += "N;";
    } else {
      text += std::to_string(value->size());
      text += ':';
      text += *value;
      text += ';';
    }
  }
  return text;
}

void TableChecksum::add(const TextRow& row) {
  const std::string digest = security::sha256_hex(canonical_row(row));
  for (size_t lane = 0; lane < lanes_.size(); ++lane) {
    lanes_[lane] += std::stoull(digest.substr(lane * 16, 16), nullptr, 16);
  }
  ++rows_;
}

std::string TableChecksum::str() const {
  static const char* const kHex = "0123456789abcdef";
  std::string text = std::to_string(rows_) + ":";
  for (uint64_t lane : lanes_) {
    for (int shift = 60; shift >= 0; shift -= 4) text += kHex[(lane >> shift) & 0xF];
  }
  return text;
}

}  // namespace chibo::storage
