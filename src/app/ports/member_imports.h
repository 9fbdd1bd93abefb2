// What the background members import (issue 16, app/member_imports.h) needs from storage: the
// import records, inside the transactions of app/ports/store.h. The uploaded file itself is
// kept by its SHA-256 with the documents' attachment contents (DocumentRepository::
// store_content: files beside a SQLite database, rows on PostgreSQL).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chibo::app {

struct MemberImport {
  int64_t id = 0;
  // queued -> checking -> checked -> writing -> done; failed (the file's errors, or a refusal);
  // cancelled (by the importer before done).
  std::string state;
  std::string format;  // "csv" or "xlsx"
  std::string file_name;
  int64_t file_size = 0;
  std::string file_sha256;
  int64_t user_id = 0;  // the importer: the job checks and writes with their access
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  std::string finished_at;  // "" until done, failed or cancelled
  int64_t rows_total = 0;   // known once checked
  int64_t rows_checked = 0;
  int64_t rows_written = 0;
  int64_t error_count = 0;
  std::string errors = "[]";  // JSON: [{"row", "field", "code", "params"}], 1000 at most
  int64_t version = 0;
};

class MemberImportRepository {
 public:
  virtual ~MemberImportRepository() = default;
  virtual void insert(MemberImport& import) = 0;
  virtual std::optional<MemberImport> find(int64_t id) = 0;
  // The latest imports, newest first; `user_id` 0: everyone's.
  virtual std::vector<MemberImport> recent(int64_t user_id, int limit) = 0;
  // Writes the state, counts, errors and instants if the stored version is still `version`
  // (then version + 1); false otherwise.
  virtual bool update(MemberImport& import, int64_t version) = 0;
};

}  // namespace chibo::app
