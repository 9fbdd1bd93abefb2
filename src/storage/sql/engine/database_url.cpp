#include "storage/sql/engine/database_url.h"

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

// The URL for messages and logs: a password in it (user:secret@, password=secret) masked.
std::string redacted(const std::string& url) {
  std::string text = url;
  const size_t scheme = text.find("://");
  if (scheme != std::string::npos) {
    const size_t authority = scheme + 3;
    const size_t end = text.find_first_of("/?", authority);
    const size_t at = text.rfind('@', end == std::string::npos ? text.size() : end);
    if (at != std::string::npos && at > authority) {
      const size_t colon = text.find(':', authority);
      if (colon != std::string::npos && colon < at) text.replace(colon + 1, at - colon - 1, "***");
    }
  }
  for (size_t at = text.find("password="); at != std::string::npos;
       at = text.find("password=", at + 1)) {
    const size_t value = at + 9;
    const size_t end = text.find('&', value);
    text.replace(value, (end == std::string::npos ? text.size() : end) - value, "***");
  }
  return text;
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
    // Text in UTF-8 whatever the server's or the machine's default (libpq otherwise takes
    // the database's encoding); chibo stores and sends nothing else.
    if (parsed.conninfo.find("client_encoding=") == std::string::npos)
      parsed.conninfo += " client_encoding='UTF8'";
    parsed.text = redacted(url);
    return parsed;
  }
  return Error::invalid_field("db", "db_url_format");
}

}  // namespace chibo::storage
