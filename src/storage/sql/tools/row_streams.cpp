#include "storage/sql/tools/row_streams.h"

#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <stdexcept>

#include "storage/sql/tools/pg_copy.h"
#include "storage/sql/tools/schema_catalog.h"

namespace chibo::storage {

namespace {

sqlite_api::sqlite3* sqlite_connection(soci::session& session) {
  return static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
}

std::string column_list(const std::vector<std::string>& columns) {
  std::string list;
  for (const std::string& column : columns)
    list += (list.empty() ? "" : ", ") + quote_identifier(column);
  return list;
}

// One prepared sqlite3 statement, finalized on every path.
class SqliteStatement {
 public:
  SqliteStatement(sqlite_api::sqlite3* db, const std::string& sql) : db_(db) {
    if (sqlite_api::sqlite3_prepare_v2(db, sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK)
      fail("prepare " + sql);
  }
  ~SqliteStatement() { sqlite_api::sqlite3_finalize(statement_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  sqlite_api::sqlite3_stmt* get() { return statement_; }
  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("sqlite: " + what + ": " + sqlite_api::sqlite3_errmsg(db_));
  }

 private:
  sqlite_api::sqlite3* db_;
  sqlite_api::sqlite3_stmt* statement_ = nullptr;
};

class SqliteWriter : public RowWriter {
 public:
  SqliteWriter(soci::session& session, const std::string& table,
               const std::vector<std::string>& columns)
      : statement_(sqlite_connection(session), insert_sql(table, columns)) {}

  void write(const TextRow& row) override {
    sqlite_api::sqlite3_stmt* statement = statement_.get();
    for (size_t index = 0; index < row.size(); ++index) {
      const int position = static_cast<int>(index) + 1;
      const int bound = row[index] ? sqlite_api::sqlite3_bind_text(
                                         statement, position, row[index]->data(),
                                         static_cast<int>(row[index]->size()),
                                         reinterpret_cast<sqlite_api::sqlite3_destructor_type>(-1))
                                   : sqlite_api::sqlite3_bind_null(statement, position);
      if (bound != SQLITE_OK) statement_.fail("bind");
    }
    if (sqlite_api::sqlite3_step(statement) != SQLITE_DONE) statement_.fail("insert");
    sqlite_api::sqlite3_reset(statement);
  }
  void finish() override {}

 private:
  static std::string insert_sql(const std::string& table, const std::vector<std::string>& columns) {
    std::string marks;
    for (size_t index = 0; index < columns.size(); ++index) marks += index ? ", ?" : "?";
    return "INSERT INTO " + quote_identifier(table) + " (" + column_list(columns) + ") VALUES (" +
           marks + ")";
  }
  SqliteStatement statement_;
};

class PostgresWriter : public RowWriter {
 public:
  PostgresWriter(soci::session& session, const std::string& table,
                 const std::vector<std::string>& columns)
      : copy_(session, table, columns) {}
  void write(const TextRow& row) override { copy_.row(row); }
  void finish() override { copy_.finish(); }

 private:
  CopyIn copy_;
};

}  // namespace

void read_rows(soci::session& session, Engine engine, const std::string& table,
               const std::vector<std::string>& columns,
               const std::function<void(const TextRow&)>& visit, const std::string& where) {
  const std::string sql = "SELECT " + column_list(columns) + " FROM " + quote_identifier(table) +
                          (where.empty() ? "" : " WHERE " + where);
  if (engine == Engine::kPostgres) {
    copy_out(session, sql, visit);
    return;
  }
  SqliteStatement statement(sqlite_connection(session), sql);
  TextRow row(columns.size());
  for (;;) {
    const int step = sqlite_api::sqlite3_step(statement.get());
    if (step == SQLITE_DONE) break;
    if (step != SQLITE_ROW) statement.fail("read " + table);
    for (size_t index = 0; index < columns.size(); ++index) {
      const int column = static_cast<int>(index);
      // NULL text for NULL: two calls a value, not three (whole-subtree scans, issue 16).
      const auto* text =
          reinterpret_cast<const char*>(sqlite_api::sqlite3_column_text(statement.get(), column));
      if (!text) {
        // (Also NULL when out of memory: then the value was not NULL.)
        if (sqlite_api::sqlite3_column_type(statement.get(), column) != SQLITE_NULL)
          statement.fail("read " + table);
        row[index].reset();
      } else {
        const auto bytes =
            static_cast<size_t>(sqlite_api::sqlite3_column_bytes(statement.get(), column));
        if (row[index]) {
          row[index]->assign(text, bytes);  // keeps the string's buffer from row to row
        } else {
          row[index].emplace(text, bytes);
        }
      }
    }
    visit(row);
  }
}

std::unique_ptr<RowWriter> row_writer(soci::session& session, Engine engine,
                                      const std::string& table,
                                      const std::vector<std::string>& columns) {
  if (engine == Engine::kPostgres) return std::make_unique<PostgresWriter>(session, table, columns);
  return std::make_unique<SqliteWriter>(session, table, columns);
}

}  // namespace chibo::storage
