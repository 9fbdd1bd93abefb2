// chibo db copy: a whole database from one engine to another (storage/sql/tools/database_copy.h).
// chibo db backup: SQLite's online backup (storage/sql/tools/sqlite_backup.h).
// chibo db migrate: the owner's schema upgrade, and the application role's rights
// (storage/sql/tools/app_role.h).
#include <unistd.h>

#include <iomanip>
#include <iostream>

#include "app/ports/clock.h"
#include "cli/commands.h"
#include "cli/runtime.h"
#include "storage/sql/engine/migrations.h"
#include "storage/sql/tools/app_role.h"
#include "storage/sql/tools/database_copy.h"
#include "storage/sql/tools/sqlite_backup.h"

namespace chibo::cli {

namespace {

struct CopyCommandOptions {
  std::string from, to;
  bool quiet = false;
};

Result<storage::DatabaseUrl> parse_flag(const std::string& text, const char* flag) {
  Result<storage::DatabaseUrl> url = storage::DatabaseUrl::parse(text);
  if (!url) return Error::invalid_field(flag, "db_url_format");
  return url;
}

int copy(const CopyCommandOptions& options) {
  auto from = parse_flag(options.from, "--from");
  if (!from) {
    print_error(from.error());
    return 2;
  }
  auto to = parse_flag(options.to, "--to");
  if (!to) {
    print_error(to.error());
    return 2;
  }
  app::SystemClock clock;
  storage::CopyOptions copy_options;
  copy_options.now_utc = clock.now_utc();
  const bool terminal = isatty(STDERR_FILENO) != 0;  // progress only for a person watching
  if (!options.quiet && terminal) {
    copy_options.progress = [](const std::string& table, long long rows) {
      std::cerr << "\r  " << table << ": " << rows << " rows" << std::string(10, ' ') << std::flush;
    };
  }
  auto report = storage::copy_database(*from, *to, copy_options);
  if (!options.quiet && terminal) std::cerr << "\r" << std::string(60, ' ') << "\r";
  if (!report) {
    print_error(report.error());
    return report.error().code == ErrorCode::kInvalid ? 2 : 1;
  }
  long long rows = 0;
  for (const storage::CopiedTable& table : report->tables) {
    rows += table.rows;
    if (!options.quiet)
      std::cout << std::left << std::setw(24) << table.name << " " << std::right << std::setw(10)
                << table.rows << "  " << table.checksum.substr(table.checksum.find(':') + 1, 16)
                << "  same\n";
  }
  if (report->source_broken) {
    std::cout << "warning: the source's audit chain breaks at #" << *report->source_broken
              << "; the copy holds it exactly as the source does\n";
  }
  std::cout << "chibo db copy: " << report->tables.size() << " tables, " << rows
            << " rows, row counts and checksums equal on both sides; audit chain "
            << (report->audit_verified
                    ? "verified (" + std::to_string(report->audit_events) + " events)"
                    : std::string("copied as found"));
  if (report->attachment_files > 0)
    std::cout << "; " << report->attachment_files << " attachment files carried over";
  std::cout << "\n";
  return 0;
}

struct BackupCommandOptions {
  std::string db = storage::kDefaultDatabaseUrl;
  std::string to;
};

int backup(const BackupCommandOptions& options) {
  auto db = parse_flag(options.db, "--db");
  if (!db) {
    print_error(db.error());
    return 2;
  }
  if (db->engine != storage::Engine::kSqlite) {
    Error error = Error::invalid_field("--db", "db_backup_sqlite_only");
    error.reason = "db_backup_refused";
    print_error(error);
    return 2;
  }
  auto report = storage::backup_sqlite(db->sqlite_path, options.to);
  if (!report) {
    print_error(report.error());
    return report.error().code == ErrorCode::kInvalid ? 2 : 1;
  }
  std::cout << "chibo db backup: " << options.to << ", " << report->pages << " pages ("
            << report->bytes / (1024 * 1024) << " MiB), schema " << report->schema_version
            << ", integrity_check ok";
  if (report->attachments > 0)
    std::cout << ", " << report->attachments << " attachment files ("
              << report->attachment_bytes / 1024 << " KiB) in " << options.to << ".attachments";
  std::cout << "\n";
  return 0;
}

struct MigrateCommandOptions {
  std::string db = storage::kDefaultDatabaseUrl;
  std::string grant_to;
};

int refuse_grant(Error error) {
  if (error.code == ErrorCode::kInvalid) error.reason = "db_grant_refused";
  print_error(error);
  return error.code == ErrorCode::kInvalid ? 2 : 1;
}

// Applies the pending migrations and the upkeep that opening with migrations does (sort keys
// after an ICU upgrade, derived columns and tables), then, with --grant-to, gives the
// application's role its rights over the tables as they are now.
int migrate(const MigrateCommandOptions& options) {
  auto db = parse_flag(options.db, "--db");
  if (!db) {
    print_error(db.error());
    return 2;
  }
  // Checked before anything changes.
  if (!options.grant_to.empty()) {
    if (db->engine != storage::Engine::kPostgres)
      return refuse_grant(Error::invalid_field("--grant-to", "db_grant_postgresql_only"));
    if (!storage::valid_role_name(options.grant_to))
      return refuse_grant(
          Error::invalid_field("--grant-to", "db_role_name", {{"role", options.grant_to}}));
  }
  auto runtime = open_runtime({options.db, "", 1, true});
  if (!runtime) {
    print_error(runtime.error());
    return 1;
  }
  storage::SqlStore& store = *(*runtime)->store;
  std::cout << "chibo db migrate: schema " << storage::known_migrations(db->engine).back().version;
  if (store.migrations_applied() > 0)
    std::cout << " (" << store.migrations_applied() << " migration(s) applied to schema "
              << store.schema_version_at_open() << ")";
  else
    std::cout << " (already current)";
  std::cout << "\n";
  if (options.grant_to.empty()) return 0;
  storage::AppRoleGrants grants;
  Status granted = store.write_session([&](soci::session& session) -> Status {
    Result<storage::AppRoleGrants> result = storage::grant_app_role(session, options.grant_to);
    if (!result) return std::move(result).error();
    grants = std::move(*result);
    return Ok();
  });
  if (!granted) return refuse_grant(granted.error());
  auto names = [](const std::vector<std::string>& tables) {
    std::string list;
    for (const std::string& table : tables) list += (list.empty() ? "" : ", ") + table;
    return list;
  };
  std::cout << "chibo db migrate: role " << grants.role << " on " << grants.database << "."
            << grants.schema << ": SELECT, INSERT, UPDATE, DELETE on " << grants.read_write.size()
            << " tables; SELECT, INSERT on " << names(grants.append_only) << "; SELECT on "
            << names(grants.read_only) << "; USAGE, SELECT on " << grants.sequences
            << " sequences; nothing else (no DDL, TRUNCATE or TRIGGER)\n";
  return 0;
}

}  // namespace

void add_db_command(CLI::App& app, int& exit_code) {
  CLI::App* db = app.add_subcommand("db", "Database operations");
  db->require_subcommand(1);
  auto options = std::make_shared<CopyCommandOptions>();
  CLI::App* copy_command = db->add_subcommand(
      "copy",
      "Copy a whole database to an empty one (sqlite: <-> postgresql://), checked table by "
      "table; a failed copy leaves nothing behind");
  copy_command->add_option("--from", options->from, "Source database URL (read, never written)")
      ->required();
  copy_command
      ->add_option("--to", options->to,
                   "Target: a SQLite path that does not exist yet, or an empty PostgreSQL "
                   "database")
      ->required();
  copy_command->add_flag("--quiet", options->quiet, "Print only the summary");
  copy_command->callback([options, &exit_code] { exit_code = copy(*options); });

  auto backup_options = std::make_shared<BackupCommandOptions>();
  CLI::App* backup_command = db->add_subcommand(
      "backup",
      "Online backup of a SQLite database while chibo serves it (SQLite's backup API), checked "
      "before it takes its name");
  backup_command->add_option("--db", backup_options->db, "The SQLite database (sqlite:PATH)")
      ->envname("CHIBO_DB");
  backup_command->add_option("--to", backup_options->to, "The backup file (must not exist)")
      ->required();
  backup_command->callback([backup_options, &exit_code] { exit_code = backup(*backup_options); });

  auto migrate_options = std::make_shared<MigrateCommandOptions>();
  CLI::App* migrate_command = db->add_subcommand(
      "migrate",
      "Apply the pending schema migrations and exit, as the database's owner; with --grant-to, "
      "then give the role chibo serve connects as exactly the rights it needs (PostgreSQL)");
  add_db_option(*migrate_command, migrate_options->db);
  migrate_command->add_option(
      "--grant-to", migrate_options->grant_to,
      "PostgreSQL: the application's LOGIN role: rows of every table, only SELECT and INSERT on "
      "audit_events, no DDL; run again after each upgrade");
  migrate_command->callback(
      [migrate_options, &exit_code] { exit_code = migrate(*migrate_options); });
}

}  // namespace chibo::cli
