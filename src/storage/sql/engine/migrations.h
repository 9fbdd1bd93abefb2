// Numbered schema migrations (src/storage/sql/engine/migrations/NNNN_name.sql, compiled in). They
// run at start-up, all pending ones in one transaction, and are recorded in schema_migrations; a
// failure leaves the database exactly as it was, and a database from a newer chibo is refused.
#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "core/result.h"
#include "storage/sql/engine/dialect.h"

namespace chibo::storage {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;
};

// The migrations this build knows for `engine`, in order. A file NNNN_name.sql serves both
// engines; NNNN_name.sqlite.sql and NNNN_name.postgresql.sql hold one engine's version of a
// step whose SQL differs (triggers).
std::vector<Migration> known_migrations(Engine engine = Engine::kSqlite);

// Splits a script into statements at ';' line ends, keeping trigger bodies (BEGIN ... END;)
// and dollar-quoted bodies whole.
std::vector<std::string> split_sql_statements(const std::string& script);

// Applies what is pending. Returns the number applied. A schema that is already current is
// left alone without any DDL, so that a role without the right to change it gets through; one
// that is behind, when the role may not change it, is refused with "schema_behind_not_owner"
// (run `chibo db migrate` as the owner) before anything is tried.
Result<int> migrate(soci::session& session, Engine engine, const std::vector<Migration>& migrations,
                    const std::string& now_utc);

// Inside the caller's open transaction: takes the migration lock (PostgreSQL) and creates
// schema_migrations if it is missing (only then: creating needs the right to change the schema,
// which the application's role on PostgreSQL does not have, docs/deploy.md §2.1).
void lock_migrations(soci::session& session, Engine engine);

// True when schema_migrations exists (the database has been migrated at least once).
bool has_migrations_table(soci::session& session, Engine engine);

// Whether the connected role may apply migrations. SQLite: always (the process owns the file).
// PostgreSQL: it may create in the current schema and has the owner's rights (its own, or as a
// member of the owning role) on every table there; the least-privilege application role has
// neither (`chibo db migrate --grant-to`).
bool may_change_schema(soci::session& session, Engine engine);

// Then applies what is above the recorded version, in that same transaction (`chibo db copy`
// builds a whole database in one).
// With `deferred_indexes`, CREATE INDEX statements are collected there instead of run (an
// index built once after a bulk load is much faster than one kept up row by row).
int apply_migrations(soci::session& session, Engine engine,
                     const std::vector<Migration>& migrations, const std::string& now_utc,
                     std::vector<std::string>* deferred_indexes, std::string* failing = nullptr);

// The highest applied version (0 for a new database).
int schema_version(soci::session& session);

}  // namespace chibo::storage
