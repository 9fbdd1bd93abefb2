// Whole tables as streams of text rows, through each engine's fastest path: COPY on
// PostgreSQL (pg_copy.h), the sqlite3 API on SQLite (one prepared statement, no per-row
// allocation by SOCI). Values travel as text; the target's column types take them back
// (SQLite's INTEGER affinity, PostgreSQL's typed COPY), so an integer stays an integer.
#pragma once

#include <soci/soci.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storage/sql/engine/dialect.h"
#include "storage/sql/tools/table_checksum.h"

namespace chibo::storage {

// Calls `visit` with every row of `table` (`columns`, in that order), or only those meeting
// `where` (SQL of the caller's own, without parameters: literals it has checked).
void read_rows(soci::session& session, Engine engine, const std::string& table,
               const std::vector<std::string>& columns,
               const std::function<void(const TextRow&)>& visit, const std::string& where = "");

// Appends rows to a table, inside the session's open transaction.
class RowWriter {
 public:
  virtual ~RowWriter() = default;
  virtual void write(const TextRow& row) = 0;
  virtual void finish() = 0;  // throws when the rows could not all be written
};

std::unique_ptr<RowWriter> row_writer(soci::session& session, Engine engine,
                                      const std::string& table,
                                      const std::vector<std::string>& columns);

}  // namespace chibo::storage
