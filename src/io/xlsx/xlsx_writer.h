// XLSX workbooks out, on libxlsxwriter (issue 14 dues book, issue 16 list exports): sheets of
// rows written top to bottom in constant memory (libxlsxwriter's temporary files), with the few
// styles the party's registers use: title lines, a bold framed header, whole numbers in đồng
// ("#,##0", shown with the reader's own thousands separator), dates dd/mm/yyyy and a totals row.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace chibo::io::xlsx {

enum class Style {
  kText,        // framed text
  kTitle,       // large bold, centred over the merged columns
  kSubtitle,    // bold, centred over the merged columns
  kNote,        // italic, left
  kHeader,      // bold, centred, framed, wrapped, shaded
  kNumber,      // framed whole number "#,##0"
  kDate,        // framed dd/mm/yyyy
  kTotalLabel,  // bold framed text
  kTotalNumber  // bold framed "#,##0"
};

struct Cell {
  enum class Kind { kEmpty, kText, kNumber, kDate };
  Kind kind = Kind::kEmpty;
  std::string text;
  double number = 0;
  Date date;
  Style style = Style::kText;

  static Cell empty(Style style = Style::kText) { return {Kind::kEmpty, {}, 0, Date(), style}; }
  static Cell of(std::string text, Style style = Style::kText) {
    return {Kind::kText, std::move(text), 0, Date(), style};
  }
  // Whole numbers only (money in đồng, counts): exact in a double up to 2^53.
  static Cell of(int64_t number, Style style = Style::kNumber) {
    return {Kind::kNumber, {}, static_cast<double>(number), Date(), style};
  }
  static Cell of(Date date, Style style = Style::kDate) {
    return {Kind::kDate, {}, 0, date, style};
  }
};

class Writer {
 public:
  // A workbook in a temporary file (removed by the destructor); `finish` returns its bytes.
  // In constant memory (the default) each row goes to disk as it is written and strings are
  // stored inline; otherwise strings go to the shared-string table (what Excel itself writes).
  static Result<std::unique_ptr<Writer>> create(bool constant_memory = true);
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Starts a sheet; `widths` are the columns' widths in characters. Excel's sheet-name rules
  // are applied (31 characters, no []:*?/\).
  void add_sheet(const std::string& name, const std::vector<double>& widths);
  // A line across the sheet's columns (merged), e.g. the organization's name or the month.
  void title(const std::string& text, Style style = Style::kTitle);
  void blank_row();
  void row(const std::vector<Cell>& cells);
  // The next row's index (0-based) on the current sheet.
  int next_row() const { return row_; }
  // Closes the workbook and returns the file's bytes.
  Result<std::string> finish();

 private:
  Writer() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int row_ = 0;
  int columns_ = 1;
};

inline constexpr const char* kContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace chibo::io::xlsx
