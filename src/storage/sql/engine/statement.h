// Statements on SOCI, always sent unnamed.
//
// SOCI prepares a repeatable statement on PostgreSQL under a name (PQprepare "st_N", then
// PQexecPrepared, then DEALLOCATE when the statement object dies): three round trips for a
// statement that runs once, and a name that lives on the server session. Behind pgbouncer in
// transaction pooling the next transaction may run on another server connection, and a name
// left behind by a failed DEALLOCATE (it fails inside an aborted transaction) collides with
// another client's "st_N". A one-time statement is PQexecParams on the unnamed statement: one
// round trip, nothing left on the session, parameters still bound, never spliced. Every
// statement of the adapter goes through these two functions (SQLite ignores the difference:
// it prepares either kind the same way).
#pragma once

#include <soci/soci.h>

#include <string>
#include <utility>

namespace chibo::storage {

// Prepares `statement`, whose into() and use() elements are already exchanged.
inline void prepare_unnamed(soci::statement& statement, const std::string& sql) {
  statement.alloc();
  statement.prepare(sql, soci::details::st_one_time_query);
  statement.define_and_bind();
}

// A statement with `elements` (soci::into / soci::use), ready to execute, possibly many times.
template <class... Elements>
soci::statement unnamed_statement(soci::session& session, const std::string& sql,
                                  Elements&&... elements) {
  soci::statement statement(session);
  (statement.exchange(std::forward<Elements>(elements)), ...);
  prepare_unnamed(statement, sql);
  return statement;
}

}  // namespace chibo::storage
