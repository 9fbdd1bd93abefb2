#include "storage/sql/tools/sqlite_backup.h"

#include "storage/sql/documents/attachment_files.h"
#include "storage/sql/documents/document_repository.h"

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace chibo::storage {

namespace fs = std::filesystem;

namespace {

Error flag_error(const char* flag, const std::string& code, Params params = {}) {
  Error error = Error::invalid_field(flag, code, std::move(params));
  error.reason = "db_backup_refused";
  return error;
}

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, Closer>;

Result<Connection> open(const std::string& path, int flags, const char* flag) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Connection db(raw);
  if (rc != SQLITE_OK) {
    return flag_error(flag, "db_backup_cannot_open",
                      {{"url", path}, {"detail", raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)}});
  }
  sqlite3_busy_timeout(db.get(), 5000);
  return db;
}

// The single text or number a query returns ("" when none).
std::string scalar(sqlite3* db, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  std::string value;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement, 0);
    if (text) value = reinterpret_cast<const char*>(text);
  }
  sqlite3_finalize(statement);
  return value;
}

// Every value of the first column of a query (none when the query fails: an older schema).
std::vector<std::string> column(sqlite3* db, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  std::vector<std::string> values;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK) {
    while (sqlite3_step(statement) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(statement, 0);
      if (text) values.emplace_back(reinterpret_cast<const char*>(text));
    }
  }
  sqlite3_finalize(statement);
  return values;
}

}  // namespace

Result<BackupReport> backup_sqlite(const std::string& source, const std::string& target) {
  if (!fs::exists(source)) return flag_error("--db", "db_copy_no_source", {{"url", source}});
  if (fs::exists(target)) return flag_error("--to", "db_copy_target_exists", {{"url", target}});
  const std::string building = target + ".backup-" + std::to_string(getpid());
  auto remove_building = [&] {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
      fs::remove(building + suffix, ignored);
  };

  auto from = open(source, SQLITE_OPEN_READONLY, "--db");
  if (!from) return std::move(from).error();
  auto to = open(building, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "--to");
  if (!to) {
    remove_building();
    return std::move(to).error();
  }
  BackupReport report;
  {
    sqlite3_backup* backup = sqlite3_backup_init(to->get(), "main", from->get(), "main");
    if (!backup) {
      Error error = Error::internal("db_backup_failed");
      error.params = {{"detail", sqlite3_errmsg(to->get())}};
      to->reset();
      remove_building();
      return error;
    }
    int rc = SQLITE_OK;
    // All pages in one step: one read transaction, one snapshot. Busy or locked (a checkpoint
    // holding the database): wait and try again.
    for (int attempt = 0; attempt < 100; ++attempt) {
      rc = sqlite3_backup_step(backup, -1);
      if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
      sqlite3_sleep(100);
    }
    report.pages = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
      Error error = Error::internal("db_backup_failed");
      error.params = {{"detail", sqlite3_errstr(rc)}};
      to->reset();
      remove_building();
      return error;
    }
  }
  // The copy must open as a sound chibo database before it takes the target's name.
  const std::string integrity = scalar(to->get(), "PRAGMA integrity_check");
  const std::string version = scalar(to->get(), "SELECT MAX(version) FROM schema_migrations");
  // The attachments the copy refers to (their files are written before the rows commit, so
  // each is there); removed ones included, their rows stay.
  // Those kept as rows (a database copied from PostgreSQL) came along with the database.
  std::vector<std::string> contents =
      column(to->get(),
             "SELECT DISTINCT sha256 FROM document_attachments WHERE sha256 NOT IN (SELECT sha256 "
             "FROM document_contents)");
  // The copy is journalled as a rollback file (it is not being served); chibo serve turns WAL
  // back on when it opens it.
  scalar(to->get(), "PRAGMA journal_mode = DELETE");
  to->reset();
  if (integrity != "ok") {
    remove_building();
    Error error = Error::internal("db_backup_failed");
    error.params = {{"detail", "integrity_check: " + integrity}};
    return error;
  }
  report.schema_version = version.empty() ? 0 : std::stoi(version);
  // Attachment contents beside the database: into <target>.attachments, built aside and
  // renamed like the database.
  const std::string files_building = attachments_dir_of(building);
  auto remove_files = [&] {
    std::error_code ignored;
    fs::remove_all(files_building, ignored);
  };
  if (!contents.empty()) {
    if (fs::exists(attachments_dir_of(target))) {
      remove_building();
      return flag_error("--to", "db_copy_target_exists", {{"url", attachments_dir_of(target)}});
    }
    try {
      for (const std::string& sha256 : contents) {
        std::optional<std::string> bytes = read_content_file(attachments_dir_of(source), sha256);
        if (!bytes) throw std::runtime_error("missing attachment " + sha256);
        write_content_file(files_building, sha256, *bytes);
        report.attachment_bytes += static_cast<long long>(bytes->size());
      }
    } catch (const std::exception& failure) {
      remove_building();
      remove_files();
      Error error = Error::internal("db_backup_failed");
      error.params = {{"detail", failure.what()}};
      return error;
    }
    report.attachments = static_cast<long long>(contents.size());
  }
  std::error_code renamed;
  fs::rename(building, target, renamed);
  if (renamed) {
    remove_building();
    Error error = Error::internal("db_backup_failed");
    error.params = {{"detail", renamed.message()}};
    return error;
  }
  if (!contents.empty()) {
    fs::rename(files_building, attachments_dir_of(target), renamed);
    if (renamed) {
      remove_files();
      Error error = Error::internal("db_backup_failed");
      error.params = {{"detail", renamed.message()}};
      return error;
    }
  }
  report.bytes = static_cast<long long>(fs::file_size(target));
  return report;
}

}  // namespace chibo::storage
