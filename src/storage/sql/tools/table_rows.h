// Many rows for one table, gathered in memory and written in batches through row_writer: COPY on
// PostgreSQL, one prepared statement on SQLite. SOCI binding column vectors runs one round trip
// per row on PostgreSQL, which made the national demo's tens of millions of rows take hours.
// Several TableRows may fill at once on one connection (PostgreSQL runs one COPY at a time; each
// batch is a whole COPY of its own). Values travel as text; the column types take them back.
#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/sql/engine/dialect.h"
#include "storage/sql/tools/table_checksum.h"

namespace chibo::storage {

class TableRows {
 public:
  // Every `batch_rows` rows are written as they come; kOnFlushOnly: only on flush() (when rows
  // of several tables must be written in an order, parents before children).
  static constexpr size_t kOnFlushOnly = SIZE_MAX;
  TableRows(soci::session& session, std::string table, std::vector<std::string> columns,
            size_t batch_rows = 20000);
  // Rows not flushed are dropped (a destructor must not throw); call flush() at the end.
  ~TableRows() = default;
  TableRows(const TableRows&) = delete;
  TableRows& operator=(const TableRows&) = delete;

  // The values of a row in column order, then end_row().
  TableRows& number(long long value);
  TableRows& text(std::string_view value);
  TableRows& text_or_null(std::string_view value);  // empty text is NULL
  TableRows& null();
  // Throws std::logic_error when the row has not one value per column.
  void end_row();
  // Writes the gathered rows inside the session's open transaction.
  void flush();
  size_t pending() const { return used_; }  // rows gathered, not yet written
  size_t written() const { return written_; }

 private:
  soci::session& session_;
  Engine engine_;
  std::string table_;
  std::vector<std::string> columns_;
  size_t batch_rows_;
  std::vector<TextRow> rows_;
  size_t used_ = 0;  // rows_[0, used_) hold rows; the rest keep their capacity for reuse
  size_t values_ = 0;
  size_t written_ = 0;
};

}  // namespace chibo::storage
