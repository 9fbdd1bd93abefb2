#include "storage/sql/engine/migrations.h"

#include <algorithm>
#include <cctype>

#include "resources/resources.h"

namespace chibo::storage {

namespace {

constexpr std::string_view kMigrationDir = "src/storage/sql/engine/migrations/";

std::string upper_trimmed(const std::string& line) {
  size_t start = 0;
  while (start < line.size() && std::isspace(static_cast<unsigned char>(line[start]))) ++start;
  size_t end = line.size();
  while (end > start && std::isspace(static_cast<unsigned char>(line[end - 1]))) --end;
  std::string result = line.substr(start, end - start);
  for (char& c : result) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

}  // namespace

std::vector<Migration> known_migrations(Engine engine) {
  const std::string own_suffix = engine == Engine::kSqlite ? ".sqlite.sql" : ".postgresql.sql";
  const std::string other_suffix = engine == Engine::kSqlite ? ".postgresql.sql" : ".sqlite.sql";
  auto ends_with = [](const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  std::vector<Migration> migrations;
  for (const resources::Resource& resource : resources::under(kMigrationDir)) {
    const std::string file(resource.path.substr(kMigrationDir.size()));
    if (file.size() < 10 || !ends_with(file, ".sql") || ends_with(file, other_suffix)) continue;
    const size_t suffix = ends_with(file, own_suffix) ? own_suffix.size() : 4;
    Migration migration;
    migration.version = std::stoi(file.substr(0, 4));
    migration.name = file.substr(5, file.size() - 5 - suffix);
    migration.sql = std::string(resource.data);
    migrations.push_back(std::move(migration));
  }
  std::sort(migrations.begin(), migrations.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return migrations;
}

std::vector<std::string> split_sql_statements(const std::string& script) {
  std::vector<std::string> statements;
  std::string current;
  bool in_trigger = false;
  bool in_dollar = false;
  size_t start = 0;
  while (start < script.size()) {
    size_t end = script.find('\n', start);
    if (end == std::string::npos) end = script.size();
    const std::string line = script.substr(start, end - start);
    start = end + 1;
    const std::string upper = upper_trimmed(line);
    if (upper.empty() || upper.rfind("--", 0) == 0) continue;
    current += line;
    current += '\n';
    for (size_t at = line.find("$$"); at != std::string::npos; at = line.find("$$", at + 2)) {
      in_dollar = !in_dollar;
    }
    if (upper.rfind("CREATE TRIGGER", 0) == 0) in_trigger = true;
    const bool ends_statement = !upper.empty() && upper.back() == ';';
    if (in_trigger && upper == "END;")
      in_trigger = false;
    else if (in_trigger)
      continue;
    if (ends_statement && !in_dollar) {
      statements.push_back(current);
      current.clear();
    }
  }
  if (upper_trimmed(current).size() > 0) statements.push_back(current);
  return statements;
}

int schema_version(soci::session& session) {
  long long version = 0;
  soci::indicator indicator = soci::i_null;
  session << "SELECT MAX(version) FROM schema_migrations", soci::into(version, indicator);
  return indicator == soci::i_ok ? static_cast<int>(version) : 0;
}

bool has_migrations_table(soci::session& session, Engine engine) {
  long long found = 0;
  // to_regclass follows the search_path, as the unqualified name in the queries does.
  session << (engine == Engine::kPostgres
                  ? "SELECT COUNT(*) FROM (SELECT to_regclass('schema_migrations') AS t) s "
                    "WHERE t IS NOT NULL"
                  : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                    "'schema_migrations'"),
      soci::into(found);
  return found > 0;
}

bool may_change_schema(soci::session& session, Engine engine) {
  if (engine != Engine::kPostgres) return true;
  int allowed = 0;
  // pg_has_role(owner, 'USAGE'): the current role is the owner or inherits its rights (a
  // superuser is every role). Sequences and indexes follow their tables.
  session << "SELECT CASE WHEN current_schema() IS NOT NULL "
             "AND has_schema_privilege(current_schema(), 'CREATE') "
             "AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = "
             "current_schema()::regnamespace AND c.relkind IN ('r', 'p') "
             "AND NOT pg_has_role(c.relowner, 'USAGE')) THEN 1 ELSE 0 END",
      soci::into(allowed);
  return allowed == 1;
}

void lock_migrations(soci::session& session, Engine engine) {
  if (engine == Engine::kPostgres) session << "SELECT pg_advisory_xact_lock(7236348295512580611)";
  if (has_migrations_table(session, engine)) return;
  session << "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
             "name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}

int apply_migrations(soci::session& session, Engine engine,
                     const std::vector<Migration>& migrations, const std::string& now_utc,
                     std::vector<std::string>* deferred_indexes, std::string* failing) {
  const int current = schema_version(session);
  int applied = 0;
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    if (failing) *failing = migration.name;
    for (const std::string& statement :
         split_sql_statements(render_schema_sql(migration.sql, engine))) {
      const std::string upper = upper_trimmed(statement);
      // A later step dropping an index that is still deferred drops it from the list.
      if (deferred_indexes && upper.rfind("DROP INDEX ", 0) == 0) {
        std::string name = upper.substr(11);
        while (!name.empty() &&
               (name.back() == ';' || std::isspace(static_cast<unsigned char>(name.back()))))
          name.pop_back();
        const auto deferred = std::find_if(
            deferred_indexes->begin(), deferred_indexes->end(), [&](const std::string& create) {
              const std::string created = upper_trimmed(create);
              const size_t at = created.find(" INDEX ");
              return at != std::string::npos && created.compare(at + 7, name.size(), name) == 0 &&
                     (created.size() == at + 7 + name.size() ||
                      std::isspace(static_cast<unsigned char>(created[at + 7 + name.size()])));
            });
        if (deferred != deferred_indexes->end()) {
          deferred_indexes->erase(deferred);
          continue;
        }
      }
      if (deferred_indexes &&
          (upper.rfind("CREATE INDEX", 0) == 0 || upper.rfind("CREATE UNIQUE INDEX", 0) == 0)) {
        deferred_indexes->push_back(statement);
        continue;
      }
      session << statement;
    }
    long long version = migration.version;
    std::string name = migration.name;
    std::string at = now_utc;
    session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
        soci::use(version), soci::use(name), soci::use(at);
    ++applied;
  }
  return applied;
}

Result<int> migrate(soci::session& session, Engine engine, const std::vector<Migration>& migrations,
                    const std::string& now_utc) {
  int applied = 0;
  std::string failing;
  try {
    // One transaction for everything, the version check included: several chibo processes
    // starting at once against one PostgreSQL server take turns on a transaction-scoped
    // advisory lock (it needs no session state, so it works behind pgbouncer too); SQLite's
    // BEGIN IMMEDIATE serializes them already. The later ones find nothing left to do.
    session << begin_write_sql(engine);
    if (engine == Engine::kPostgres) session << "SELECT pg_advisory_xact_lock(7236348295512580611)";
    const int current = has_migrations_table(session, engine) ? schema_version(session) : 0;
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    if (current > latest) {
      session << "ROLLBACK";
      return Error::unsupported("database_too_new", {{"found", std::to_string(current)},
                                                     {"supported", std::to_string(latest)}});
    }
    if (current == latest) {
      session << "COMMIT";
      return 0;
    }
    // Behind: only the owner may catch up. Asked first, so that the application's role gets
    // this rather than "permission denied" from the middle of a migration.
    if (!may_change_schema(session, engine)) {
      std::string role;
      session << "SELECT current_user", soci::into(role);
      session << "ROLLBACK";
      return Error::unsupported("schema_behind_not_owner", {{"found", std::to_string(current)},
                                                            {"supported", std::to_string(latest)},
                                                            {"role", role}});
    }
    lock_migrations(session, engine);
    applied = apply_migrations(session, engine, migrations, now_utc, nullptr, &failing);
    session << "COMMIT";
  } catch (const std::exception& error) {
    try {
      session << "ROLLBACK";
    } catch (const std::exception&) {
      // The failed statement may already have ended the transaction.
    }
    Error failure = Error::internal("migration_failed");
    failure.params = {{"migration", failing}, {"detail", error.what()}};
    return failure;
  }
  return applied;
}

}  // namespace chibo::storage
