// Where the data lives: "sqlite:PATH" (the default, ./chibo.db) or "postgresql://..." (any
// libpq URI, including several hosts and target_session_attrs=read-write).
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "storage/sql/engine/dialect.h"

namespace chibo::storage {

struct DatabaseUrl {
  Engine engine = Engine::kSqlite;
  std::string sqlite_path;  // for kSqlite
  std::string conninfo;     // for kPostgres: libpq keyword='value' pairs parsed from the URI
  std::string text;         // the URL as given, for messages (a password masked: ***)

  static Result<DatabaseUrl> parse(const std::string& url);
};

inline constexpr const char* kDefaultDatabaseUrl = "sqlite:chibo.db";

}  // namespace chibo::storage
