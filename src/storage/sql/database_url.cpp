#include "storage/sql/database_url.h"

namespace chibo::storage {

Result<DatabaseUrl> DatabaseUrl::parse(const std::string& url) {
  DatabaseUrl parsed;
  parsed.text = url;
  if (url.rfind("sqlite:", 0) == 0) {
    parsed.engine = Engine::kSqlite;
    parsed.sqlite_path = url.substr(7);
    if (parsed.sqlite_path.rfind("//", 0) == 0) parsed.sqlite_path = parsed.sqlite_path.substr(2);
    if (parsed.sqlite_path.empty()) return Error::invalid_field("db", "db_url_format");
    return parsed;
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    parsed.engine = Engine::kPostgres;
    parsed.conninfo = url;
    return parsed;
  }
  return Error::invalid_field("db", "db_url_format");
}

}  // namespace chibo::storage
