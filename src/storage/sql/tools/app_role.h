// The least-privilege PostgreSQL role that `chibo serve` connects as (ASVS 5.0 13.2.2,
// docs/security.md item 32c, docs/deploy.md §2.1). The owner migrates; then `chibo db migrate
// --grant-to ROLE` gives ROLE the rows of the current schema's tables and nothing else: no DDL,
// no TRUNCATE, no TRIGGER, and on audit_events only SELECT and INSERT, so that the role cannot
// drop the append-only triggers or rewrite the trail.
#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "core/result.h"

namespace chibo::storage {

// What grant_app_role granted.
struct AppRoleGrants {
  std::string role, schema, database;
  std::vector<std::string> read_write;   // SELECT, INSERT, UPDATE, DELETE
  std::vector<std::string> append_only;  // SELECT, INSERT
  std::vector<std::string> read_only;    // SELECT
  int sequences = 0;                     // USAGE, SELECT
};

// A role name chibo will grant to: a plain SQL identifier (an ASCII letter or _, then letters,
// digits, _ or $; at most 63 bytes, PostgreSQL's NAMEDATALEN - 1). It is double-quoted anyway
// when used, so the case is kept as written.
bool valid_role_name(const std::string& name);

// PostgreSQL, in the caller's transaction, connected as the schema's owner, after migrating:
// revokes whatever `role` holds on the database, the current schema and every table, sequence
// and function in it, and revokes CREATE on the schema from PUBLIC (granted by default before
// PostgreSQL 15); then grants CONNECT on the database, USAGE on the schema, and on each table
// that exists now: SELECT, INSERT, UPDATE, DELETE, except audit_events (SELECT, INSERT) and
// schema_migrations (SELECT); USAGE and SELECT on each sequence. Running it again gives the
// same rights, over the tables of any later migration too.
// Refused (invalid_field "--grant-to"): a name that is not valid_role_name
// ("db_role_name"), a connection that is not the owner's ("db_grant_not_owner": it could
// grant nothing), a role that does not exist ("db_role_unknown"), and a superuser or a
// member of the role owning the database, the schema or one of its tables ("db_role_owner":
// such a role has the owner's rights whatever is granted to it).
Result<AppRoleGrants> grant_app_role(soci::session& session, const std::string& role);

// PostgreSQL: the current schema's tables on which the connected role lacks a right that
// grant_app_role gives (an owner or superuser lacks none), by name. Something in this list
// means a migration added a table after the last `--grant-to`: serving would fail on it.
std::vector<std::string> tables_lacking_rights(soci::session& session);

}  // namespace chibo::storage
