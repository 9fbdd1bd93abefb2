#include "storage/sql/tools/deferred_indexes.h"

#include "storage/sql/engine/statement.h"

namespace chibo::storage {

namespace {

// 'a', 'b': the table names are the caller's own identifiers, never user input.
std::string quoted_list(const std::vector<std::string>& tables) {
  std::string list;
  for (const std::string& table : tables) list += (list.empty() ? "'" : ", '") + table + "'";
  return list;
}

}  // namespace

DeferredIndexes::DeferredIndexes(soci::session& session, Engine engine,
                                 const std::vector<std::string>& tables)
    : session_(session) {
  const std::string list = quoted_list(tables);
  std::vector<std::string> drops;
  if (engine == Engine::kSqlite) {
    // The indexes of UNIQUE constraints have no SQL (sql IS NULL) and stay.
    std::string name, sql;
    soci::statement select = unnamed_statement(
        session,
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
        "tbl_name IN (" +
            list + ")",
        soci::into(name), soci::into(sql));
    if (select.execute(true)) {
      do {
        drops.push_back("DROP INDEX " + name);
        indexes_.push_back(sql);
      } while (select.fetch());
    }
    for (const std::string& drop : drops) session << drop;
    return;
  }
  session << "SET LOCAL maintenance_work_mem = '512MB'";
  {
    std::string name, definition;
    soci::statement select = unnamed_statement(
        session,
        "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = current_schema() AND "
        "tablename IN (" +
            list +
            ") AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = "
            "(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)",
        soci::into(name), soci::into(definition));
    if (select.execute(true)) {
      do {
        drops.push_back("DROP INDEX " + name);
        indexes_.push_back(definition);
      } while (select.fetch());
    }
  }
  {
    Constraint row;
    soci::statement select = unnamed_statement(
        session,
        "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN "
        "pg_class c ON c.oid = k.conrelid WHERE k.contype IN ('u', 'f') AND k.connamespace = "
        "current_schema()::regnamespace AND c.relname IN (" +
            list +
            ") "
            "ORDER BY k.contype DESC",  // unique ('u') before foreign keys ('f') when re-adding
        soci::into(row.table), soci::into(row.name), soci::into(row.definition));
    if (select.execute(true)) {
      do {
        constraints_.push_back(row);
      } while (select.fetch());
    }
  }
  for (const std::string& drop : drops) session << drop;
  for (auto it = constraints_.rbegin(); it != constraints_.rend(); ++it)
    session << "ALTER TABLE " + it->table + " DROP CONSTRAINT " + it->name;
}

void DeferredIndexes::restore() {
  for (const Constraint& constraint : constraints_)
    session_ << "ALTER TABLE " + constraint.table + " ADD CONSTRAINT " + constraint.name + " " +
                    constraint.definition;
  constraints_.clear();
  for (const std::string& index : indexes_) session_ << index;
  indexes_.clear();
}

}  // namespace chibo::storage
