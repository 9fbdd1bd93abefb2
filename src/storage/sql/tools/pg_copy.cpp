#include "storage/sql/tools/pg_copy.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <spdlog/spdlog.h>

namespace chibo::storage {

namespace {

constexpr size_t kFlushBytes = 1 << 20;

[[noreturn]] void fail(PGconn* conn, PGresult* result, const std::string& what) {
  std::string message = what + ": " + PQerrorMessage(conn);
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = state && std::string_view(state).size() == 5 ? state : "     ";
  if (result) {
    if (const char* detail = PQresultErrorMessage(result); detail && *detail)
      message = what + ": " + detail;
    PQclear(result);
  }
  if (PQstatus(conn) == CONNECTION_BAD && sqlstate == "     ") sqlstate = "08006";
  throw soci::postgresql_soci_error(message, sqlstate.c_str());
}

std::string quoted_identifier(const std::string& name) { return "\"" + name + "\""; }

}  // namespace

PGconn* pg_connection(soci::session& session) {
  return static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
}

void route_notices_to_log(soci::session& session) {
  PQsetNoticeProcessor(
      pg_connection(session),
      [](void*, const char* message) { spdlog::debug("postgresql: {}", message); }, nullptr);
}

void append_copy_value(std::string& out, std::optional<std::string_view> value) {
  if (!value) {
    out += "\\N";
    return;
  }
  for (char c : *value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
}

bool parse_copy_line(std::string_view line, TextRow& row) {
  row.clear();
  std::string value;
  bool null = false;
  auto push = [&] {
    if (null) {
      row.emplace_back(std::nullopt);
    } else {
      row.emplace_back(std::move(value));
    }
    value.clear();
    null = false;
  };
  for (size_t at = 0; at < line.size(); ++at) {
    const char c = line[at];
    if (c == '\t') {
      push();
      continue;
    }
    if (c != '\\') {
      value += c;
      continue;
    }
    if (++at >= line.size()) return false;
    const char e = line[at];
    switch (e) {
      case 'N':
        if (!value.empty()) return false;
        null = true;
        break;
      case 'b':
        value += '\b';
        break;
      case 'f':
        value += '\f';
        break;
      case 'n':
        value += '\n';
        break;
      case 'r':
        value += '\r';
        break;
      case 't':
        value += '\t';
        break;
      case 'v':
        value += '\v';
        break;
      default:
        if (e >= '0' && e <= '7') {
          int code = e - '0';
          for (int digits = 1;
               digits < 3 && at + 1 < line.size() && line[at + 1] >= '0' && line[at + 1] <= '7';
               ++digits)
            code = code * 8 + (line[++at] - '0');
          value += static_cast<char>(code);
        } else {
          value += e;  // \\ and any other escaped character stand for themselves
        }
    }
  }
  push();
  return true;
}

CopyIn::CopyIn(soci::session& session, const std::string& table,
               const std::vector<std::string>& columns)
    : conn_(pg_connection(session)) {
  std::string sql = "COPY " + quoted_identifier(table) + " (";
  for (size_t index = 0; index < columns.size(); ++index) {
    if (index) sql += ", ";
    sql += quoted_identifier(columns[index]);
  }
  sql += ") FROM STDIN";
  PGresult* result = PQexec(conn_, sql.c_str());
  if (PQresultStatus(result) != PGRES_COPY_IN) fail(conn_, result, "cannot start " + sql);
  PQclear(result);
  buffer_.reserve(kFlushBytes + 4096);
}

CopyIn::~CopyIn() {
  if (finished_) return;
  PQputCopyEnd(conn_, "chibo: load abandoned");
  while (PGresult* result = PQgetResult(conn_)) PQclear(result);
}

void CopyIn::field(std::optional<std::string_view> value) {
  if (!first_field_) buffer_ += '\t';
  first_field_ = false;
  append_copy_value(buffer_, value);
}

void CopyIn::end_row() {
  buffer_ += '\n';
  first_field_ = true;
  ++rows_;
  if (buffer_.size() >= kFlushBytes) flush();
}

void CopyIn::row(const TextRow& values) {
  for (const std::optional<std::string>& value : values)
    field(value ? std::optional<std::string_view>(*value) : std::nullopt);
  end_row();
}

void CopyIn::raw(std::string_view lines) {
  buffer_.append(lines.data(), lines.size());
  if (buffer_.size() >= kFlushBytes) flush();
}

void CopyIn::flush() {
  if (buffer_.empty()) return;
  if (PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1)
    fail(conn_, nullptr, "COPY data");
  buffer_.clear();
}

long long CopyIn::finish() {
  flush();
  finished_ = true;
  if (PQputCopyEnd(conn_, nullptr) != 1) fail(conn_, nullptr, "COPY end");
  PGresult* result = PQgetResult(conn_);
  if (PQresultStatus(result) != PGRES_COMMAND_OK) {
    while (PGresult* more = PQgetResult(conn_)) PQclear(more);
    fail(conn_, result, "COPY");
  }
  PQclear(result);
  while (PGresult* more = PQgetResult(conn_)) PQclear(more);
  return rows_;
}

void copy_out(soci::session& session, const std::string& select_sql,
              const std::function<void(const TextRow&)>& visit) {
  PGconn* conn = pg_connection(session);
  const std::string sql = "COPY (" + select_sql + ") TO STDOUT";
  PGresult* result = PQexec(conn, sql.c_str());
  if (PQresultStatus(result) != PGRES_COPY_OUT) fail(conn, result, "cannot start " + sql);
  PQclear(result);
  TextRow row;
  for (;;) {
    char* line = nullptr;
    const int length = PQgetCopyData(conn, &line, 0);
    if (length == -1) break;  // done
    if (length < 0) fail(conn, nullptr, "COPY out");
    std::string_view text(line, static_cast<size_t>(length));
    if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    const bool parsed = parse_copy_line(text, row);
    PQfreemem(line);
    if (!parsed) fail(conn, nullptr, "malformed COPY line");
    visit(row);
  }
  result = PQgetResult(conn);
  if (PQresultStatus(result) != PGRES_COMMAND_OK) fail(conn, result, "COPY out");
  PQclear(result);
  while (PGresult* more = PQgetResult(conn)) PQclear(more);
}

}  // namespace chibo::storage
