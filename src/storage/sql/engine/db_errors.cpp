#include "storage/sql/engine/db_errors.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <cerrno>

namespace chibo::storage {

namespace {

bool connection_lost(soci::session& session) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  return !backend || !backend->conn_ || PQstatus(backend->conn_) == CONNECTION_BAD;
}

}  // namespace

Failure failure_of(const soci::soci_error& error, soci::session& session, Engine engine) {
  if (engine == Engine::kSqlite) {
    if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
      const int code = sqlite->result() & 0xFF;
      if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return Failure::kBusy;
      if (code == SQLITE_FULL) return Failure::kDiskFull;
      if (code == SQLITE_IOERR) {
        // A full disk also fails an fsync or a ftruncate, which SQLite reports as I/O errors
        // (SQLITE_IOERR_FSYNC ...); the system's errno tells them apart.
        auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
        if (backend && backend->conn_ && sqlite_api::sqlite3_system_errno(backend->conn_) == ENOSPC)
          return Failure::kDiskFull;
        return Failure::kStorage;
      }
    }
    return Failure::kOther;
  }
  const bool lost = connection_lost(session);
  if (const auto* postgres = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    return failure_of_sqlstate(postgres->sqlstate(), lost);
  }
  // SOCI raises plain soci_errors too (e.g. from libpq calls that fail before any result).
  return lost ? Failure::kConnection : Failure::kOther;
}

Error error_for(Failure failure, const std::string& detail, bool outcome_unknown) {
  auto unavailable = [](const char* reason, long long retry_after) {
    Error error = Error::unavailable(reason);
    error.params = {{"retry_after", std::to_string(retry_after)}};
    return error;
  };
  if (outcome_unknown) {
    spdlog::warn("the connection broke during COMMIT: the outcome is unknown ({})", detail);
    return unavailable("commit_outcome_unknown", 1);
  }
  switch (failure) {
    case Failure::kConnection:
    case Failure::kReadOnly:
      spdlog::warn("database connection failed: {}", detail);
      return unavailable("database_unavailable", 1);
    case Failure::kSerialization:
    case Failure::kUniqueRace:
    case Failure::kBusy:
      return unavailable("database_busy", 1);
    case Failure::kStorage:
      spdlog::error("database storage failure: {}", detail);
      return unavailable("storage_failure", 5);
    case Failure::kDiskFull:
      spdlog::error("database storage full (no space left on the device): {}", detail);
      return unavailable("storage_full", 30);
    case Failure::kNone:
    case Failure::kOther:
      break;
  }
  spdlog::error("database error: {}", detail);
  return Error::internal("database_error");
}

}  // namespace chibo::storage
