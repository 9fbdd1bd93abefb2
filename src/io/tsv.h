// Tab-separated data files (the catalogs under data/): a header row, then records; lines
// starting with '#' and blank lines are skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace chibo::io {

struct TsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // Index of `column` in the header, or -1.
  int column(std::string_view name) const;
};

// Fails (naming `source` and the line) when a record's field count differs from the header's.
Result<TsvTable> parse_tsv(std::string_view text, const std::string& source);

}  // namespace chibo::io
