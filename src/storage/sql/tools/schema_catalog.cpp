#include "storage/sql/tools/schema_catalog.h"

#include <algorithm>

#include "storage/sql/engine/statement.h"

namespace chibo::storage {

namespace {

std::vector<std::string> strings(soci::session& session, const std::string& sql,
                                 std::string parameter = {}) {
  std::vector<std::string> values;
  std::string value;
  soci::statement select = parameter.empty() ? unnamed_statement(session, sql, soci::into(value))
                                             : unnamed_statement(session, sql, soci::into(value),
                                                                 soci::use(parameter, "p"));
  if (select.execute(true)) {
    do {
      values.push_back(value);
    } while (select.fetch());
  }
  return values;
}

}  // namespace

std::string quote_identifier(const std::string& name) {
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::vector<std::string> table_names(soci::session& session, Engine engine) {
  std::vector<std::string> names = strings(
      session, engine == Engine::kSqlite
                   ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                     "'sqlite_%'"
                   : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                     "current_schema() AND table_type = 'BASE TABLE'");
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> column_names(soci::session& session, Engine engine,
                                      const std::string& table) {
  return strings(session,
                 engine == Engine::kSqlite
                     ? "SELECT name FROM pragma_table_info(:p) ORDER BY cid"
                     : "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                       "current_schema() AND table_name = :p ORDER BY ordinal_position",
                 table);
}

std::vector<ForeignKey> foreign_keys(soci::session& session) {
  std::vector<ForeignKey> keys;
  ForeignKey key;
  soci::statement select = unnamed_statement(
      session,
      "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN "
      "pg_class c ON c.oid = k.conrelid WHERE k.contype = 'f' AND k.connamespace = "
      "current_schema()::regnamespace ORDER BY c.relname, k.conname",
      soci::into(key.table), soci::into(key.name), soci::into(key.definition));
  if (select.execute(true)) {
    do {
      keys.push_back(key);
    } while (select.fetch());
  }
  return keys;
}

std::vector<std::pair<std::string, std::string>> identity_columns(soci::session& session) {
  std::vector<std::pair<std::string, std::string>> columns;
  std::string table, column;
  soci::statement select = unnamed_statement(
      session,
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
      "current_schema() AND is_identity = 'YES' ORDER BY table_name",
      soci::into(table), soci::into(column));
  if (select.execute(true)) {
    do {
      columns.emplace_back(table, column);
    } while (select.fetch());
  }
  return columns;
}

}  // namespace chibo::storage
