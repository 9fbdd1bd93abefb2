#include "storage/sql/tools/database_copy.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "domain/audit/audit_event.h"
#include "storage/sql/accounts/audit_log.h"
#include "storage/sql/documents/attachment_files.h"
#include "storage/sql/documents/document_repository.h"
#include "storage/sql/engine/migrations.h"
#include "storage/sql/engine/row_values.h"
#include "storage/sql/tools/pg_copy.h"
#include "storage/sql/tools/row_streams.h"
#include "storage/sql/tools/schema_catalog.h"

namespace chibo::storage {

namespace {

namespace fs = std::filesystem;

constexpr long long kProgressEvery = 200000;
constexpr int64_t kAuditBatch = 5000;

std::unique_ptr<soci::session> open_session(const DatabaseUrl& url,
                                            const std::string& sqlite_path) {
  if (url.engine == Engine::kPostgres) {
    auto session = std::make_unique<soci::session>(*soci::factory_postgresql(), url.conninfo);
    route_notices_to_log(*session);
    return session;
  }
  return std::make_unique<soci::session>(*soci::factory_sqlite3(), "db=\"" + sqlite_path + "\"");
}

Error flag_error(const char* flag, const std::string& code, Params params = {}) {
  Error error = Error::invalid_field(flag, code, std::move(params));
  error.reason = "db_copy_refused";
  return error;
}

// The audit chain of `session`: nullopt when it verifies (head included), else the first
// broken seq. `events` gets the number of events.
std::optional<long long> broken_audit(soci::session& session, long long& events) {
  SqlAuditLog log(session);
  const auto [head_seq, head_hash] = log.head();
  int64_t last_seq = 0;
  std::string last_hash = domain::kGenesisHash;
  events = 0;
  for (;;) {
    std::vector<domain::AuditEvent> batch = log.range(last_seq, kAuditBatch);
    if (batch.empty()) break;
    if (std::optional<int64_t> broken = domain::first_broken(batch, last_seq, last_hash))
      return *broken;
    events += static_cast<long long>(batch.size());
    last_seq = batch.back().seq;
    last_hash = batch.back().hash;
  }
  if (last_seq != head_seq || last_hash != head_hash) return last_seq + 1;
  return std::nullopt;
}

}  // namespace

// Attachment contents kept as files beside a SQLite source go along: as rows of
// document_contents on a PostgreSQL target, as files beside a SQLite one (contents kept as rows
// travel with their table). Returns how many were copied.
long long copy_attachment_files(soci::session& target, const DatabaseUrl& to,
                                const std::string& source_path, const std::string& now) {
  std::vector<std::string> hashes;
  {
    Bindings none;
    RowReader row(1, 0);
    select_rows(target,
                "SELECT DISTINCT sha256 FROM document_attachments WHERE sha256 NOT IN (SELECT "
                "sha256 FROM document_contents)",
                none, row, [&] { hashes.push_back(row.text(0)); });
  }
  SqlDocumentRepository documents(
      target, to.engine, to.engine == Engine::kSqlite ? attachments_dir_of(to.sqlite_path) : "");
  long long copied = 0;
  for (const std::string& sha256 : hashes) {
    std::optional<std::string> content = read_content_file(attachments_dir_of(source_path), sha256);
    if (!content) throw std::runtime_error("attachment file missing: " + sha256);
    documents.store_content(sha256, *content, now);
    ++copied;
  }
  return copied;
}

Result<CopyReport> copy_database(const DatabaseUrl& from, const DatabaseUrl& to,
                                 const CopyOptions& options) {
  if (from.engine == to.engine &&
      (from.engine == Engine::kSqlite
           ? fs::weakly_canonical(from.sqlite_path) == fs::weakly_canonical(to.sqlite_path)
           : from.conninfo == to.conninfo)) {
    return flag_error("--to", "db_copy_same");
  }
  if (from.engine == Engine::kSqlite && !fs::exists(from.sqlite_path))
    return flag_error("--from", "db_copy_no_source", {{"url", from.text}});
  // A SQLite target is built beside its final path and renamed into place when it checks out.
  std::string building;
  if (to.engine == Engine::kSqlite) {
    if (fs::exists(to.sqlite_path))
      return flag_error("--to", "db_copy_target_exists", {{"url", to.text}});
    building = to.sqlite_path + ".copy-" + std::to_string(getpid());
  }
  auto remove_building = [&] {
    if (building.empty()) return;
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
      fs::remove(building + suffix, ignored);
  };

  CopyReport report;
  std::unique_ptr<soci::session> source, target;
  bool target_open = false;
  try {
    try {
      source = open_session(from, from.sqlite_path);
    } catch (const soci::soci_error& error) {
      return flag_error("--from", "db_copy_cannot_open",
                        {{"url", from.text}, {"detail", error.what()}});
    }
    try {
      remove_building();
      target = open_session(to, building);
    } catch (const soci::soci_error& error) {
      return flag_error("--to", "db_copy_cannot_open",
                        {{"url", to.text}, {"detail", error.what()}});
    }
    // One snapshot of the source for every table.
    *source << (from.engine == Engine::kPostgres ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                                                 : "BEGIN");
    const std::vector<Migration> migrations = known_migrations(to.engine);
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    const std::vector<std::string> source_tables = table_names(*source, from.engine);
    const bool has_schema = std::find(source_tables.begin(), source_tables.end(),
                                      "schema_migrations") != source_tables.end();
    const int source_version = has_schema ? schema_version(*source) : 0;
    if (source_version != latest) {
      *source << "ROLLBACK";
      return flag_error(
          "--from", "db_copy_source_version",
          {{"found", std::to_string(source_version)}, {"supported", std::to_string(latest)}});
    }

    if (to.engine == Engine::kSqlite) {
      *target << "PRAGMA cache_size = -262144";
      *target << "PRAGMA temp_store = MEMORY";
    }
    *target << begin_write_sql(to.engine);
    target_open = true;
    // Empty means no table at all; checked again under the migration lock, which a second
    // copy into the same database waits for.
    const bool empty_before = table_names(*target, to.engine).empty();
    lock_migrations(*target, to.engine);
    if (!empty_before || schema_version(*target) > 0) {
      *target << "ROLLBACK";
      target_open = false;
      return flag_error("--to", "db_copy_target_not_empty", {{"url", to.text}});
    }
    std::vector<std::string> indexes;
    apply_migrations(*target, to.engine, migrations, options.now_utc, &indexes);
    std::vector<ForeignKey> keys;
    if (to.engine == Engine::kPostgres) {
      // Rows arrive table by table, in no particular order: foreign keys are checked once at
      // the end, as pg_restore does.
      keys = foreign_keys(*target);
      for (const ForeignKey& key : keys) {
        *target << "ALTER TABLE " + quote_identifier(key.table) + " DROP CONSTRAINT " +
                       quote_identifier(key.name);
      }
    }

    const std::vector<std::string> target_tables = table_names(*target, to.engine);
    if (target_tables != source_tables) {
      *target << "ROLLBACK";
      target_open = false;
      remove_building();
      return flag_error("--from", "db_copy_schema_differs");
    }
    std::map<std::string, TableChecksum> source_sums;
    for (const std::string& table : target_tables) {
      const std::vector<std::string> columns = column_names(*target, to.engine, table);
      std::vector<std::string> source_columns = column_names(*source, from.engine, table);
      std::vector<std::string> sorted_target = columns;
      std::sort(sorted_target.begin(), sorted_target.end());
      std::sort(source_columns.begin(), source_columns.end());
      if (sorted_target != source_columns) {
        *target << "ROLLBACK";
        target_open = false;
        remove_building();
        return flag_error("--from", "db_copy_schema_differs", {{"table", table}});
      }
      // Rows the migrations seeded (the audit head, schema_migrations) give way to the source's.
      *target << "DELETE FROM " + quote_identifier(table);
      std::unique_ptr<RowWriter> writer = row_writer(*target, to.engine, table, columns);
      TableChecksum& sum = source_sums[table];
      read_rows(*source, from.engine, table, columns, [&](const TextRow& row) {
        sum.add(row);
        writer->write(row);
        if (options.progress && sum.rows() % kProgressEvery == 0)
          options.progress(table, sum.rows());
      });
      writer->finish();
      if (options.progress) options.progress(table, sum.rows());
    }
    long long source_events = 0;
    report.source_broken = broken_audit(*source, source_events);
    *source << "ROLLBACK";

    for (const std::string& index : indexes) *target << index;
    for (const ForeignKey& key : keys) {
      *target << "ALTER TABLE " + quote_identifier(key.table) + " ADD CONSTRAINT " +
                     quote_identifier(key.name) + " " + key.definition;
    }
    if (to.engine == Engine::kPostgres) {
      for (const auto& [table, column] : identity_columns(*target)) {
        *target << "SELECT setval(pg_get_serial_sequence('" + quote_identifier(table) + "', '" +
                       column + "'), COALESCE(MAX(" + quote_identifier(column) +
                       "), 0) + 1, false) FROM " + quote_identifier(table);
      }
    }

    // The checks, on the target as it will be committed.
    for (const std::string& table : target_tables) {
      TableChecksum copied;
      read_rows(*target, to.engine, table, column_names(*target, to.engine, table),
                [&](const TextRow& row) { copied.add(row); });
      if (!(copied == source_sums[table])) {
        *target << "ROLLBACK";
        target_open = false;
        remove_building();
        Error error = Error::internal("db_copy_mismatch");
        error.params = {
            {"table", table}, {"source", source_sums[table].str()}, {"target", copied.str()}};
        spdlog::error("db copy: {} differs after the copy ({} against {})", table, copied.str(),
                      source_sums[table].str());
        return error;
      }
      report.tables.push_back({table, copied.rows(), copied.str()});
    }
    if (to.engine == Engine::kSqlite) {
      std::string violation;
      soci::indicator found = soci::i_null;
      *target << "SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1",
          soci::into(violation, found);
      if (target->got_data() && found == soci::i_ok) {
        *target << "ROLLBACK";
        target_open = false;
        remove_building();
        return flag_error("--from", "db_copy_broken_reference", {{"table", violation}});
      }
      std::string integrity;
      *target << "PRAGMA integrity_check", soci::into(integrity);
      if (integrity != "ok") throw std::runtime_error("integrity_check: " + integrity);
    }
    const std::optional<long long> target_broken = broken_audit(*target, report.audit_events);
    if (!report.source_broken && target_broken) {
      *target << "ROLLBACK";
      target_open = false;
      remove_building();
      Error error = Error::internal("db_copy_audit_broken");
      error.params = {{"seq", std::to_string(*target_broken)}};
      return error;
    }
    report.audit_verified = !target_broken;
    if (from.engine == Engine::kSqlite)
      report.attachment_files =
          copy_attachment_files(*target, to, from.sqlite_path, options.now_utc);
    *target << "COMMIT";
    target_open = false;
    if (to.engine == Engine::kSqlite) {
      std::string mode;
      *target << "PRAGMA journal_mode = WAL", soci::into(mode);
      target.reset();
      std::error_code ignored;
      fs::remove(building + "-journal", ignored);
      fs::rename(building, to.sqlite_path);
    }
  } catch (const std::exception& error) {
    if (target && target_open) {
      try {
        *target << "ROLLBACK";
      } catch (const std::exception&) {
        // The failure may have ended the transaction (or the connection) already.
      }
    }
    target.reset();
    remove_building();
    spdlog::error("db copy failed: {}", error.what());
    // A reference the source breaks is the source's problem, and worth saying so.
    const std::string detail = error.what();
    if (detail.find("foreign key") != std::string::npos)
      return flag_error("--from", "db_copy_broken_reference", {{"table", ""}});
    Error failure = Error::unavailable("db_copy_failed");
    failure.params = {{"detail", detail}};
    return failure;
  }
  return report;
}

}  // namespace chibo::storage
