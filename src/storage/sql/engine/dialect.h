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

}  // namespace chibo::storage
