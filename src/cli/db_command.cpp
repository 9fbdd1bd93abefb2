// chibo db copy: a whole database from one engine to another (storage/sql/tools/database_copy.h).
// chibo db backup / backup-key / restore: online and sealed backups (storage/sql/tools/).
// chibo db migrate: the owner's schema upgrade, and the application role's rights
// (storage/sql/tools/app_role.h).
#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <iomanip>
#include <iostream>

#include "app/ports/clock.h"
#include "cli/commands.h"
#include "cli/runtime.h"
#include "security/sealed_stream.h"
#include "security/signing.h"
#include "storage/sql/engine/migrations.h"
#include "storage/sql/tools/app_role.h"
#include "storage/sql/tools/database_copy.h"
#include "storage/sql/tools/sealed_backup.h"
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
  std::string recipient;  // hex public key: seal the backup for it
};

Error refusal(const char* reason, const char* flag, const char* code, Params params = {}) {
  Error error = Error::invalid_field(flag, code, std::move(params));
  error.reason = reason;
  return error;
}

int fail(const Error& error) {
  print_error(error);
  return error.code == ErrorCode::kInvalid ? 2 : 1;
}

int backup_sealed(const storage::DatabaseUrl& db, const BackupCommandOptions& options) {
  const std::optional<std::string> recipient = security::from_hex(options.recipient);
  if (!recipient || recipient->size() != 32)
    return fail(refusal("db_backup_refused", "--recipient", "backup_recipient_format"));
  app::SystemClock clock;
  auto report = storage::backup_sealed(db, options.to, *recipient, clock.now_utc());
  if (!report) return fail(report.error());
  std::cout << "chibo db backup: " << options.to << ", sealed for key " << report->key_id << ", "
            << report->sealed_bytes / (1024 * 1024) << " MiB (database "
            << report->plain.bytes / (1024 * 1024) << " MiB, schema "
            << report->plain.schema_version << ", integrity_check ok";
  if (report->plain.attachments > 0)
    std::cout << ", " << report->plain.attachments << " attachment files";
  std::cout << "); `chibo db restore` opens it with the secret key\n";
  return 0;
}

int backup(const BackupCommandOptions& options) {
  auto db = parse_flag(options.db, "--db");
  if (!db) return fail(db.error());
  if (!options.recipient.empty()) return backup_sealed(*db, options);
  if (db->engine != storage::Engine::kSqlite)
    return fail(refusal("db_backup_refused", "--db", "db_backup_sqlite_only"));
  auto report = storage::backup_sqlite(db->sqlite_path, options.to);
  if (!report) return fail(report.error());
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

// Applies the pending migrations and the upkeep that opening with migrations does (sort keys
// after an ICU upgrade, derived columns and tables), then, with --grant-to, gives the
// application's role its rights over the tables as they are now.
int migrate(const MigrateCommandOptions& options) {
  auto db = parse_flag(options.db, "--db");
  if (!db) return fail(db.error());
  // Checked before anything changes.
  if (!options.grant_to.empty()) {
    if (db->engine != storage::Engine::kPostgres)
      return fail(refusal("db_grant_refused", "--grant-to", "db_grant_postgresql_only"));
    if (!storage::valid_role_name(options.grant_to))
      return fail(
          refusal("db_grant_refused", "--grant-to", "db_role_name", {{"role", options.grant_to}}));
  }
  auto runtime = open_runtime({options.db, "", 1, true});
  if (!runtime) return fail(runtime.error());
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
  if (!granted) {
    Error error = granted.error();
    if (error.code == ErrorCode::kInvalid) error.reason = "db_grant_refused";
    return fail(error);
  }
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

// A new backup key pair: the secret key into a new file (mode 0600), the public key printed.
int new_backup_key(const std::string& path) {
  const security::SealingKeyPair key = security::new_sealing_key();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail(refusal("db_backup_key_refused", "--to", "db_copy_target_exists", {{"url", path}}));
  const std::string line = security::to_hex(key.secret_key) + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!written || !synced) {
    ::unlink(path.c_str());
    Error error = Error::internal("db_backup_failed");
    error.params = {{"detail", "cannot write " + path}};
    return fail(error);
  }
  std::cout << security::to_hex(key.public_key) << "\n";
  std::cerr << "chibo db backup-key: key " << security::sealing_key_id(key.public_key)
            << "; its secret half is in " << path
            << ": keep it OFF this machine (whoever holds it reads every backup sealed for it). "
               "Seal backups with `chibo db backup --recipient "
            << security::to_hex(key.public_key) << "`\n";
  return 0;
}

struct RestoreCommandOptions {
  std::string from, key_file, to;
};

int restore(const RestoreCommandOptions& options) {
  std::optional<std::string> secret_key;
  if (std::ifstream in(options.key_file); in) {
    std::string hex;
    std::getline(in, hex);
    secret_key = security::from_hex(hex);
  }
  if (!secret_key || secret_key->size() != 32)
    return fail(refusal("db_restore_refused", "--key", "backup_key_file"));
  std::string target = options.to;
  if (target.rfind("sqlite:", 0) == 0) target = target.substr(7);
  auto report = storage::restore_sealed(options.from, *secret_key, target);
  if (!report) return fail(report.error());
  std::cout << "chibo db restore: " << target << ", " << report->bytes / (1024 * 1024)
            << " MiB opened with key " << report->key_id << ", every chunk verified, schema "
            << report->schema_version << ", integrity_check ok";
  if (report->attachments > 0)
    std::cout << ", " << report->attachments << " attachment files in " << target << ".attachments";
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
      "Online backup while chibo serves the database (SQLite's backup API; PostgreSQL only "
      "sealed, as a copy into SQLite), checked before it takes its name; with --recipient "
      "sealed so that only the backup key's holder can open it");
  backup_command
      ->add_option("--db", backup_options->db,
                   "The database (sqlite:PATH, or postgresql://... with --recipient)")
      ->envname("CHIBO_DB");
  backup_command->add_option("--to", backup_options->to, "The backup file (must not exist)")
      ->required();
  backup_command
      ->add_option("--recipient", backup_options->recipient,
                   "Seal the backup for this public key (hex, printed by `chibo db backup-key`)")
      ->envname("CHIBO_BACKUP_RECIPIENT");
  backup_command->callback([backup_options, &exit_code] { exit_code = backup(*backup_options); });

  auto key_path = std::make_shared<std::string>();
  CLI::App* key_command = db->add_subcommand(
      "backup-key",
      "Make a key pair for sealed backups: the secret key into a new file (keep it off this "
      "machine), the public key printed for --recipient");
  key_command->add_option("--to", *key_path, "The secret key file (must not exist)")->required();
  key_command->callback([key_path, &exit_code] { exit_code = new_backup_key(*key_path); });

  auto restore_options = std::make_shared<RestoreCommandOptions>();
  CLI::App* restore_command = db->add_subcommand(
      "restore",
      "Open a sealed backup into a new SQLite file, every chunk verified and the database "
      "checked before it takes its name");
  restore_command->add_option("--from", restore_options->from, "The sealed backup file")
      ->required();
  restore_command->add_option("--key", restore_options->key_file, "The backup's secret key file")
      ->required();
  restore_command
      ->add_option("--to", restore_options->to, "The SQLite file to restore to (must not exist)")
      ->required();
  restore_command->callback(
      [restore_options, &exit_code] { exit_code = restore(*restore_options); });

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
