// Online backup of a SQLite database (chibo db backup) with SQLite's backup API, while chibo
// keeps serving it. The database runs in WAL mode, so one backup step over all pages reads a
// consistent snapshot without blocking writers (they append to the WAL meanwhile). The copy is
// written beside its final path, checked (PRAGMA integrity_check, the schema version), and only
// then renamed into place: a failed backup leaves nothing. The attachment files the copy refers
// to (<db>.attachments/, storage/sql/documents/attachment_files.h) go to <target>.attachments/.
#pragma once

#include <string>

#include "core/result.h"

namespace chibo::storage {

struct BackupReport {
  long long pages = 0;
  long long bytes = 0;
  int schema_version = 0;
  long long attachments = 0;  // attachment files copied into <target>.attachments
  long long attachment_bytes = 0;
};

// `source` and `target` are file paths; the target must not exist. Errors name the flag
// (--db, --to) they concern.
Result<BackupReport> backup_sqlite(const std::string& source, const std::string& target);

}  // namespace chibo::storage
