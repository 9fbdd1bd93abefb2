// The few places where SQLite and PostgreSQL differ, kept in one file so the rest of the
// adapter runs the same statements on both.
#pragma once

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

}  // namespace chibo::storage
