// XLSX workbooks in (issue 14 dues payments, issue 16 members): a streaming reader on libzip and
// expat. A sheet's XML is parsed as it is inflated and handed over one row at a time, so a
// 1,000,000-row sheet never sits in memory; only the shared-string table (needed to resolve any
// cell) is kept, within limits.
//
// Hostile files are refused with a malformed / too_large error, never a crash or a hang: bytes
// that are not a ZIP archive, a missing workbook or sheet, a part larger than its limit or
// inflating beyond the compression ratio limit (zip bombs: the sizes the archive declares are
// checked before reading and the bytes actually inflated while reading), any DOCTYPE (so no
// entity declarations, no external entities, no entity expansion), and a shared-string index
// beyond the table.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace chibo::io::xlsx {

struct ReaderLimits {
  uint64_t max_part_bytes = 1ull << 30;     // one inflated XML part
  uint64_t max_ratio = 100;                 // inflated / compressed, for parts over 1 MiB
  uint64_t ratio_floor_bytes = 1ull << 20;  // parts smaller than this are never a bomb
  size_t max_shared_strings = 4'000'000;    // entries of the shared-string table
  uint64_t max_shared_string_bytes = 256ull << 20;
  size_t max_cell_bytes = 32767 * 4;  // Excel's 32,767 characters, in UTF-8
  int max_columns = 16384;            // XFD
  int64_t max_rows = 1'048'576;
};

struct CellValue {
  enum class Type { kEmpty, kText, kNumber, kBool, kError };
  Type type = Type::kEmpty;
  std::string text;   // kText (shared, inline or formula string), kError ("#N/A"), raw for kBool
  double number = 0;  // kNumber, kBool (0 or 1)
  bool date_style = false;  // the cell's number format shows a date

  bool empty() const { return type == Type::kEmpty || (type == Type::kText && text.empty()); }
};

// The cells of one row, index 0 = column A, up to its last cell with a value; columns without a
// value before it are kEmpty.
using Row = std::vector<CellValue>;
// `row` is the sheet's row number (1-based, as Excel shows it). Return false to stop reading.
using RowCallback = std::function<bool(int64_t row, const Row& cells)>;

class Reader {
 public:
  // `bytes` must outlive the reader.
  static Result<Reader> open_bytes(std::string_view bytes, ReaderLimits limits = {});
  static Result<Reader> open_file(const std::string& path, ReaderLimits limits = {});
  Reader(Reader&&) noexcept;
  Reader& operator=(Reader&&) noexcept;
  ~Reader();

  const std::vector<std::string>& sheet_names() const;
  // The workbook counts days from 1904-01-01 (old Mac Excel) rather than 1900.
  bool date1904() const;
  // Streams a sheet's rows to `on_row`, in the file's order, skipping rows without cells.
  Status read_sheet(size_t index, const RowCallback& on_row);
  Status read_sheet(const std::string& name, const RowCallback& on_row);

  struct Impl;  // the archive and what was read from it (xlsx_reader.cpp)

 private:
  Reader();
  Result<Reader> load();
  std::unique_ptr<Impl> impl_;
};

// Excel's serial day number in the 1900 system: 1 = 1900-01-01, and 60 is the 29 February 1900
// that Lotus 1-2-3 invented and Excel kept (refused here: no such day); from 61 on, one day less.
// The fraction (time of day) is dropped. With `date1904`, 0 = 1904-01-01.
std::optional<Date> excel_serial_date(double serial, bool date1904 = false);
// A date typed as text the way Vietnamese offices do: dd/mm/yyyy (also d/m/yyyy, with - or .),
// or ISO yyyy-mm-dd. Two-digit years are refused (ambiguous).
std::optional<Date> parse_text_date(std::string_view text);
// A cell as a date: a number (any style) as a serial day, text as parse_text_date.
std::optional<Date> cell_date(const CellValue& cell, bool date1904 = false);
// A cell's text as a person typed it: numbers without a trailing ".0" (1234 -> "1234").
std::string cell_text(const CellValue& cell);

}  // namespace chibo::io::xlsx
