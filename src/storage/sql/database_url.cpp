#include "storage/sql/database_url.h"

#include <libpq-fe.h>

namespace chibo::storage {

namespace {

// SOCI's PostgreSQL backend reads keyword=value strings itself and garbles URIs, so the URI is
// parsed by libpq (which knows several hosts, target_session_attrs ...) and handed on as
// keyword='value' pairs.
std::optional<std::string> keyword_conninfo(const std::string& uri) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
  if (!options) {
    PQfreemem(error);
    return std::nullopt;
  }
  std::string conninfo;
  for (PQconninfoOption* option = options; option->keyword; ++option) {
    if (!option->val) continue;
    std::string quoted;
    for (const char* c = option->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') quoted.push_back('\\');
      quoted.push_back(*c);
    }
    if (!conninfo.empty()) conninfo += ' ';
    conninfo += std::string(option->keyword) + "='" + quoted + "'";
  }
  PQconninfoFree(options);
  return conninfo;
}

}  // namespace

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
    const std::optional<std::string> conninfo = keyword_conninfo(url);
    if (!conninfo) return Error::invalid_field("db", "db_url_format");
    parsed.conninfo = *conninfo;
    return parsed;
  }
  return Error::invalid_field("db", "db_url_format");
}

}  // namespace chibo::storage
