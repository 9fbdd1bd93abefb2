// The few places where SQLite and PostgreSQL differ, kept in one file so the rest of the
// adapter runs the same statements on both.
#pragma once

#include <soci/soci.h>

#include <string>

namespace chibo::storage {

enum class Engine { kSqlite, kPostgres };

// Fills a migration's placeholders: {{id}} (an auto-assigned BIGINT key) and {{key_text}}
// (text compared bytewise).
std::string render_schema_sql(const std::string& sql, Engine engine);

// Statement that opens a write transaction; SQLite takes its write lock at once so that two
// writers never deadlock upgrading a read lock.
const char* begin_write_sql(Engine engine);
// A read sees one snapshot from its first statement to its last, as SQLite's read transactions
// do: on PostgreSQL READ COMMITTED would let a reply of several statements (kept counts, then
// the members changed since) mix data from before and after another transaction's commit. A
// serialization failure (a read that also writes) is retried like any other.
const char* begin_read_sql(Engine engine);

// After a bulk write into `table` (a fan-out's hundreds of thousands of rows): fresh planner
// statistics for it, in the writing transaction. PostgreSQL plans by sampled statistics that
// autovacuum refreshes only a while later; until then the new rows look absent and a lookup by
// the full primary key may be planned on an index of its first column, reading every new row
// (measured at national scale: 75 ms for one review unit instead of 0.3 ms). SQLite is never
// ANALYZEd and plans by the indexes' shapes, so it does nothing there.
void refresh_planner_statistics(soci::session& session, const std::string& table);

}  // namespace chibo::storage
