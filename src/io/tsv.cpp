#include "io/tsv.h"

namespace chibo::io {

namespace {

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.emplace_back(
        line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

}  // namespace

int TsvTable::column(std::string_view name) const {
  for (size_t index = 0; index < header.size(); ++index) {
    if (header[index] == name) return static_cast<int>(index);
  }
  return -1;
}

Result<TsvTable> parse_tsv(std::string_view text, const std::string& source) {
  TsvTable table;
  size_t start = 0;
  int line_number = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields = split_tabs(line);
    if (table.header.empty()) {
      table.header = std::move(fields);
      continue;
    }
    if (fields.size() != table.header.size()) {
      return Error::malformed("tsv_field_count", {{"source", source},
                                                  {"line", std::to_string(line_number)},
                                                  {"expected", std::to_string(table.header.size())},
                                                  {"found", std::to_string(fields.size())}});
    }
    table.rows.push_back(std::move(fields));
  }
  if (table.header.empty()) return Error::malformed("tsv_empty", {{"source", source}});
  return table;
}

}  // namespace chibo::io
