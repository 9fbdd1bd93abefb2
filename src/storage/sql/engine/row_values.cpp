#include "storage/sql/engine/row_values.h"
#include "storage/sql/engine/statement.h"

namespace chibo::storage {

RowValues& RowValues::text(const char* column, std::string value) {
  indicators_.push_back(value.empty() ? soci::i_null : soci::i_ok);
  texts_.push_back(std::move(value));
  entries_.push_back({column, true, texts_.size() - 1});
  return *this;
}

RowValues& RowValues::date(const char* column, const std::optional<Date>& value) {
  return text(column, value ? value->iso() : std::string());
}

RowValues& RowValues::number(const char* column, long long value) {
  numbers_.push_back(value);
  entries_.push_back({column, false, numbers_.size() - 1});
  return *this;
}

RowValues& RowValues::optional_id(const char* column, long long value) {
  return text(column, value > 0 ? std::to_string(value) : std::string());
}

std::string RowValues::insert_sql(const std::string& table) const {
  std::string columns, placeholders;
  for (const Entry& entry : entries_) {
    if (!columns.empty()) {
      columns += ", ";
      placeholders += ", ";
    }
    columns += entry.column;
    placeholders += ":" + entry.column;
  }
  return "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ")";
}

std::string RowValues::assignments() const {
  std::string sql;
  for (const Entry& entry : entries_) {
    if (!sql.empty()) sql += ", ";
    sql += entry.column + " = :" + entry.column;
  }
  return sql;
}

void RowValues::attach(soci::statement& statement) {
  for (const Entry& entry : entries_) {
    if (entry.is_text) {
      statement.exchange(soci::use(texts_[entry.index], indicators_[entry.index], entry.column));
    } else {
      statement.exchange(soci::use(numbers_[entry.index], entry.column));
    }
  }
}

void RowReader::bind(soci::statement& statement) {
  for (size_t index = 0; index < texts_.size(); ++index)
    statement.exchange(soci::into(texts_[index], text_ind_[index]));
  for (size_t index = 0; index < numbers_.size(); ++index)
    statement.exchange(soci::into(numbers_[index], number_ind_[index]));
}

std::string RowReader::text(size_t index) const {
  return text_ind_[index] == soci::i_ok ? texts_[index] : std::string();
}

std::optional<Date> RowReader::date(size_t index) const {
  const std::string value = text(index);
  if (value.empty()) return std::nullopt;
  return Date::parse(value);
}

long long RowReader::number(size_t index) const {
  return number_ind_[index] == soci::i_ok ? numbers_[index] : 0;
}

long long insert_returning_id(soci::session& session, const std::string& table, RowValues& values) {
  long long id = 0;
  soci::statement statement(session);
  values.attach(statement);
  statement.exchange(soci::into(id));
  prepare_unnamed(statement, values.insert_sql(table) + " RETURNING id");
  statement.execute(true);
  return id;
}

long long update_rows(soci::session& session, const std::string& table, RowValues& values,
                      const std::string& where, Bindings& where_bindings) {
  soci::statement statement(session);
  values.attach(statement);
  where_bindings.attach(statement);
  prepare_unnamed(statement,
                  "UPDATE " + table + " SET " + values.assignments() + " WHERE " + where);
  statement.execute(true);
  return statement.get_affected_rows();
}

}  // namespace chibo::storage
