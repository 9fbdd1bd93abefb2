// `chibo db copy`: a whole database from one engine (or file, or server) to another, e.g. a
// committee's SQLite file onto PostgreSQL and back.
//
// The source is read in one consistent snapshot and never written. The target must be empty
// (a SQLite path that does not exist yet; a PostgreSQL database without tables) and is built in
// one transaction: the schema from this chibo's migrations, every table's rows (COPY on
// PostgreSQL), then indexes and foreign keys, then the checks: every table's row count and
// order-independent checksum (table_checksum.h) equal to the source's, foreign keys and (SQLite)
// integrity intact, and the audit chain verified when the source's verified. Only then is it
// committed (PostgreSQL) or moved into place (SQLite: built beside the target path, renamed at
// the end). A copy that fails leaves no target behind.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/sql/engine/database_url.h"

namespace chibo::storage {

struct CopiedTable {
  std::string name;
  long long rows = 0;
  std::string checksum;  // rows:hex, equal on both sides
};

struct CopyReport {
  std::vector<CopiedTable> tables;
  long long audit_events = 0;
  bool audit_verified = false;             // the copy's chain verifies (as the source's does)
  std::optional<long long> source_broken;  // the source's chain breaks at this seq (copied as is)
  long long attachment_files = 0;          // attachment files of a SQLite source carried over
};

struct CopyOptions {
  std::string now_utc;
  // Told the table being copied and its rows so far, now and then.
  std::function<void(const std::string& table, long long rows)> progress;
};

Result<CopyReport> copy_database(const DatabaseUrl& from, const DatabaseUrl& to,
                                 const CopyOptions& options);

}  // namespace chibo::storage
