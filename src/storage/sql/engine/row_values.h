// One row's values for an INSERT or UPDATE, and a reader of SELECTed rows by position: the
// small amount of plumbing every repository of the lifecycle tables needs, so that each one
// states its columns once. Values are always bound, never spliced into SQL.
#pragma once

#include <soci/soci.h>

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/statement.h"

namespace chibo::storage {

class RowValues {
 public:
  RowValues& text(const char* column, std::string value);  // empty: NULL
  RowValues& date(const char* column, const std::optional<Date>& value);
  RowValues& number(const char* column, long long value);
  // An id column that may be NULL (0 or less: NULL). Bound as text, which both engines convert
  // to the column's integer type.
  RowValues& optional_id(const char* column, long long value);

  // "INSERT INTO table (a, b) VALUES (:a, :b)" (append " RETURNING id" to get the id).
  std::string insert_sql(const std::string& table) const;
  // "a = :a, b = :b"
  std::string assignments() const;
  void attach(soci::statement& statement);

 private:
  struct Entry {
    std::string column;
    bool is_text;
    size_t index;
  };
  std::vector<Entry> entries_;
  std::deque<std::string> texts_;
  std::deque<soci::indicator> indicators_;
  std::deque<long long> numbers_;
};

// Columns read as text (first, in SELECT order) and integers (after them).
class RowReader {
 public:
  RowReader(size_t texts, size_t numbers)
      : texts_(texts), text_ind_(texts), numbers_(numbers), number_ind_(numbers) {}
  void bind(soci::statement& statement);
  std::string text(size_t index) const;  // "" for NULL
  std::optional<Date> date(size_t index) const;
  long long number(size_t index) const;  // 0 for NULL
  bool is_null_number(size_t index) const { return number_ind_[index] != soci::i_ok; }

 private:
  std::vector<std::string> texts_;
  std::vector<soci::indicator> text_ind_;
  std::vector<long long> numbers_;
  std::vector<soci::indicator> number_ind_;
};

// Runs `sql` with `bindings` (and `values`, if given), calling `on_row` after each row is read
// into `reader`.
template <class OnRow>
void select_rows(soci::session& session, const std::string& sql, Bindings& bindings,
                 RowReader& reader, OnRow on_row) {
  soci::statement statement(session);
  reader.bind(statement);
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  if (!statement.execute(true)) return;
  do {
    on_row();
  } while (statement.fetch());
}

// Runs an INSERT ... RETURNING id of `values` into `table`, returning the id.
long long insert_returning_id(soci::session& session, const std::string& table, RowValues& values);

// Runs "UPDATE table SET <values> WHERE <where>" with `where_bindings`; returns rows affected.
long long update_rows(soci::session& session, const std::string& table, RowValues& values,
                      const std::string& where, Bindings& where_bindings);

}  // namespace chibo::storage
