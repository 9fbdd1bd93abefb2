// What a database holds, asked of the engine's own catalog: the tables and their columns, and
// on PostgreSQL the identity columns and foreign keys. For `chibo db copy`, which copies
// whatever tables the migrations made (including ones added after it was written).
#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "storage/sql/engine/dialect.h"

namespace chibo::storage {

// Tables of the database (the current schema on PostgreSQL), by name.
std::vector<std::string> table_names(soci::session& session, Engine engine);
// A table's columns in their defined order.
std::vector<std::string> column_names(soci::session& session, Engine engine,
                                      const std::string& table);

struct ForeignKey {
  std::string table, name, definition;  // definition: "FOREIGN KEY (x) REFERENCES y(id)"
};
// PostgreSQL only.
std::vector<ForeignKey> foreign_keys(soci::session& session);
// PostgreSQL only: {table, column} of every identity column.
std::vector<std::pair<std::string, std::string>> identity_columns(soci::session& session);

// "x" with its double quotes, for names that come from the catalog.
std::string quote_identifier(const std::string& name);

}  // namespace chibo::storage
