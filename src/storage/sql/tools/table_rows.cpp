#include "storage/sql/tools/table_rows.h"

#include <optional>
#include <stdexcept>
#include <utility>

#include "storage/sql/tools/row_streams.h"

namespace chibo::storage {

TableRows::TableRows(soci::session& session, std::string table, std::vector<std::string> columns,
                     size_t batch_rows)
    : session_(session),
      engine_(session.get_backend_name() == "postgresql" ? Engine::kPostgres : Engine::kSqlite),
      table_(std::move(table)),
      columns_(std::move(columns)),
      batch_rows_(batch_rows == 0 ? 1 : batch_rows) {}

TableRows& TableRows::text(std::string_view value) {
  if (used_ == rows_.size()) rows_.emplace_back(columns_.size());
  if (values_ >= columns_.size())
    throw std::logic_error(table_ + ": more values than columns in a row");
  std::optional<std::string>& slot = rows_[used_][values_++];
  if (slot) {
    slot->assign(value);  // a reused row keeps its strings' capacity
  } else {
    slot.emplace(value);
  }
  return *this;
}

TableRows& TableRows::number(long long value) { return text(std::to_string(value)); }

TableRows& TableRows::text_or_null(std::string_view value) {
  return value.empty() ? null() : text(value);
}

TableRows& TableRows::null() {
  if (used_ == rows_.size()) rows_.emplace_back(columns_.size());
  if (values_ >= columns_.size())
    throw std::logic_error(table_ + ": more values than columns in a row");
  rows_[used_][values_++].reset();
  return *this;
}

void TableRows::end_row() {
  if (values_ != columns_.size())
    throw std::logic_error(table_ + ": a row has " + std::to_string(values_) + " values for " +
                           std::to_string(columns_.size()) + " columns");
  values_ = 0;
  if (++used_ == batch_rows_) flush();
}

void TableRows::flush() {
  if (values_ != 0) throw std::logic_error(table_ + ": flush in the middle of a row");
  if (used_ == 0) return;
  auto writer = row_writer(session_, engine_, table_, columns_);
  for (size_t index = 0; index < used_; ++index) writer->write(rows_[index]);
  writer->finish();
  written_ += used_;
  used_ = 0;
}

}  // namespace chibo::storage
