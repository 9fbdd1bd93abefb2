#include "storage/sql/tools/app_role.h"

#include <algorithm>

#include "storage/sql/engine/migrations.h"
#include "storage/sql/engine/statement.h"
#include "storage/sql/tools/schema_catalog.h"

namespace chibo::storage {

namespace app_role_detail {

// The two tables whose rows the application must not change (see the header).
constexpr const char* kAuditTable = "audit_events";
constexpr const char* kMigrationsTable = "schema_migrations";

bool identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool identifier_part(char c) { return identifier_start(c) || (c >= '0' && c <= '9') || c == '$'; }

// The current schema's relations of these kinds ('r' tables, 'p' partitioned, 'S' sequences),
// by name.
std::vector<std::string> relations(soci::session& session, const std::string& kinds) {
  std::vector<std::string> names;
  std::string name;
  std::string wanted = kinds;
  soci::statement select =
      unnamed_statement(session,
                        "SELECT c.relname::text FROM pg_class c WHERE c.relnamespace = "
                        "current_schema()::regnamespace "
                        "AND strpos(:kinds, c.relkind::text) > 0 ORDER BY c.relname",
                        soci::into(name), soci::use(wanted, "kinds"));
  if (select.execute(true)) {
    do {
      names.push_back(name);
    } while (select.fetch());
  }
  return names;
}

Error refused(const std::string& code, const std::string& role) {
  return Error::invalid_field("--grant-to", code, {{"role", role}});
}

}  // namespace app_role_detail

bool valid_role_name(const std::string& name) {
  using namespace app_role_detail;
  if (name.empty() || name.size() > 63 || !identifier_start(name.front())) return false;
  return std::all_of(name.begin(), name.end(), identifier_part);
}

Result<AppRoleGrants> grant_app_role(soci::session& session, const std::string& role) {
  using namespace app_role_detail;
  if (!valid_role_name(role)) return refused("db_role_name", role);
  // Anyone else's GRANT and REVOKE would only warn ("no privileges were granted") and change
  // nothing, so the application role could not widen its own rights; say so instead.
  if (!may_change_schema(session, Engine::kPostgres)) return refused("db_grant_not_owner", role);
  std::string name = role;
  int superuser = 0;
  session << "SELECT CASE WHEN rolsuper THEN 1 ELSE 0 END FROM pg_roles WHERE rolname = :r",
      soci::use(name, "r"), soci::into(superuser);
  if (!session.got_data()) return refused("db_role_unknown", role);
  // A member of an owning role acts as the owner (DROP TRIGGER, ALTER TABLE) whatever it is
  // granted; so does a superuser. pg_database_owner (the schema public's owner since
  // PostgreSQL 15) counts the database's owner as its member.
  int owner = 0;
  session << "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_database d WHERE d.datname = "
             "current_database() AND pg_has_role(:r1, d.datdba, 'MEMBER')) "
             "OR EXISTS (SELECT 1 FROM pg_namespace n WHERE n.oid = "
             "current_schema()::regnamespace AND pg_has_role(:r2, n.nspowner, 'MEMBER')) "
             "OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = "
             "current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'S') "
             "AND pg_has_role(:r3, c.relowner, 'MEMBER')) THEN 1 ELSE 0 END",
      soci::use(name, "r1"), soci::use(name, "r2"), soci::use(name, "r3"), soci::into(owner);
  if (superuser == 1 || owner == 1) return refused("db_role_owner", role);

  AppRoleGrants grants;
  grants.role = role;
  session << "SELECT current_schema()::text, current_database()::text", soci::into(grants.schema),
      soci::into(grants.database);
  // Every name below is either checked above (the role) or read from the catalog, and quoted.
  const std::string to = quote_identifier(role);
  const std::string schema = quote_identifier(grants.schema);
  const std::string database = quote_identifier(grants.database);
  session << "REVOKE ALL ON DATABASE " + database + " FROM " + to;
  session << "REVOKE ALL ON SCHEMA " + schema + " FROM " + to;
  session << "REVOKE ALL ON ALL TABLES IN SCHEMA " + schema + " FROM " + to;
  session << "REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + schema + " FROM " + to;
  session << "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA " + schema + " FROM " + to;
  session << "REVOKE CREATE ON SCHEMA " + schema + " FROM PUBLIC";
  session << "GRANT CONNECT ON DATABASE " + database + " TO " + to;
  session << "GRANT USAGE ON SCHEMA " + schema + " TO " + to;
  for (const std::string& table : relations(session, "rp")) {
    std::string rights = "SELECT, INSERT, UPDATE, DELETE";
    std::vector<std::string>* list = &grants.read_write;
    if (table == kAuditTable) {
      rights = "SELECT, INSERT";
      list = &grants.append_only;
    } else if (table == kMigrationsTable) {
      rights = "SELECT";
      list = &grants.read_only;
    }
    session << "GRANT " + rights + " ON TABLE " + schema + "." + quote_identifier(table) + " TO " +
                   to;
    list->push_back(table);
  }
  for (const std::string& sequence : relations(session, "S")) {
    session << "GRANT USAGE, SELECT ON SEQUENCE " + schema + "." + quote_identifier(sequence) +
                   " TO " + to;
    ++grants.sequences;
  }
  return grants;
}

std::vector<std::string> tables_lacking_rights(soci::session& session) {
  using namespace app_role_detail;
  std::vector<std::string> names;
  std::string name;
  std::string audit = kAuditTable;
  std::string migrations = kMigrationsTable;
  // has_table_privilege with several rights answers whether any is held: one call per right.
  soci::statement select = unnamed_statement(
      session,
      "SELECT c.relname::text FROM pg_class c WHERE c.relnamespace = "
      "current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT ("
      "has_table_privilege(c.oid, 'SELECT') AND (c.relname = :migrations1 OR ("
      "has_table_privilege(c.oid, 'INSERT') AND (c.relname = :audit OR ("
      "has_table_privilege(c.oid, 'UPDATE') AND has_table_privilege(c.oid, 'DELETE')))))) "
      "ORDER BY c.relname",
      soci::into(name), soci::use(migrations, "migrations1"), soci::use(audit, "audit"));
  if (select.execute(true)) {
    do {
      names.push_back(name);
    } while (select.fetch());
  }
  return names;
}

}  // namespace chibo::storage
