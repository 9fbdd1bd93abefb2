// chibo db copy: a whole database from one engine to another (storage/sql/tools/database_copy.h).
#include <unistd.h>

#include <iomanip>
#include <iostream>

#include "app/ports/clock.h"
#include "cli/commands.h"
#include "cli/runtime.h"
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
}

}  // namespace chibo::cli
