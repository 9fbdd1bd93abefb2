// PostgreSQL's COPY on the libpq connection under a SOCI session, for moving many rows: COPY
// FROM STDIN loads a million rows in about 2 s where SOCI's one round trip per row takes 46 s
// (TOOLCHAIN.md), and COPY TO STDOUT streams a table without holding it in memory (SOCI reads a
// whole result at once). Text format; libpq is used directly because SOCI has no COPY.
#pragma once

#include <soci/soci.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/sql/tools/table_checksum.h"

typedef struct pg_conn PGconn;

namespace chibo::storage {

// The libpq connection of a PostgreSQL session.
PGconn* pg_connection(soci::session& session);

// Server notices ("relation ... already exists, skipping") go to the debug log instead of
// libpq's default, stderr.
void route_notices_to_log(soci::session& session);

// A value in COPY's text format (backslash escapes); NULL is \N.
void append_copy_value(std::string& out, std::optional<std::string_view> value);
// One line of COPY's text output (without its newline) into `row`; false if malformed.
bool parse_copy_line(std::string_view line, TextRow& row);

// COPY table (columns) FROM STDIN, inside the session's transaction.
class CopyIn {
 public:
  CopyIn(soci::session& session, const std::string& table, const std::vector<std::string>& columns);
  ~CopyIn();  // unfinished: the COPY is aborted (and with it the transaction)
  CopyIn(const CopyIn&) = delete;
  CopyIn& operator=(const CopyIn&) = delete;

  // A row, value by value: field() for each column, then end_row().
  void field(std::optional<std::string_view> value);
  void end_row();
  void row(const TextRow& values);
  // Bytes already in COPY's text format (whole lines).
  void raw(std::string_view lines);
  // Sends the rest and checks the outcome; throws soci::soci_error (with the SQLSTATE) on
  // failure. Returns the rows loaded.
  long long finish();

 private:
  void flush();
  PGconn* conn_;
  std::string buffer_;
  bool first_field_ = true;
  bool finished_ = false;
  long long rows_ = 0;
};

// COPY (select_sql) TO STDOUT: `visit` sees each row as text.
void copy_out(soci::session& session, const std::string& select_sql,
              const std::function<void(const TextRow&)>& visit);

}  // namespace chibo::storage
