#include "storage/sql/member_imports/member_import_repository.h"

#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

using app::MemberImport;

std::vector<MemberImport> SqlMemberImportRepository::select(const std::string& where_and_order,
                                                            Bindings& bindings) {
  std::vector<MemberImport> found;
  RowReader row(9, 8);
  select_rows(session_,
              "SELECT state, format, file_name, file_sha256, created_by, created_at, updated_at, "
              "finished_at, errors, id, file_size, user_id, rows_total, "
              "rows_checked, rows_written, error_count, version FROM member_imports WHERE " +
                  where_and_order,
              bindings, row, [&] {
                MemberImport m;
                m.state = row.text(0);
                m.format = row.text(1);
                m.file_name = row.text(2);
                m.file_sha256 = row.text(3);
                m.created_by = row.text(4);
                m.created_at = row.text(5);
                m.updated_at = row.text(6);
                m.finished_at = row.text(7);
                m.errors = row.text(8);
                m.id = row.number(0);
                m.file_size = row.number(1);
                m.user_id = row.number(2);
                m.rows_total = row.number(3);
                m.rows_checked = row.number(4);
                m.rows_written = row.number(5);
                m.error_count = row.number(6);
                m.version = row.number(7);
                found.push_back(std::move(m));
              });
  return found;
}

void SqlMemberImportRepository::insert(MemberImport& m) {
  RowValues values;
  values.text("state", m.state)
      .text("format", m.format)
      .text("file_name", m.file_name)
      .number("file_size", m.file_size)
      .text("file_sha256", m.file_sha256)
      .number("user_id", m.user_id)
      .text("created_by", m.created_by)
      .text("created_at", m.created_at)
      .text("updated_at", m.updated_at)
      .number("rows_total", m.rows_total)
      .number("rows_checked", m.rows_checked)
      .number("rows_written", m.rows_written)
      .number("error_count", m.error_count)
      .text("errors", m.errors)
      .number("version", m.version);
  m.id = insert_returning_id(session_, "member_imports", values);
}

std::optional<MemberImport> SqlMemberImportRepository::find(int64_t id) {
  Bindings bindings;
  auto found = select("id = " + bindings.number(id), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<MemberImport> SqlMemberImportRepository::recent(int64_t user_id, int limit) {
  Bindings bindings;
  std::string where = user_id > 0 ? "user_id = " + bindings.number(user_id) : "1 = 1";
  return select(where + " ORDER BY id DESC LIMIT " + std::to_string(std::max(1, limit)), bindings);
}

bool SqlMemberImportRepository::update(MemberImport& m, int64_t version) {
  RowValues values;
  values.text("state", m.state)
      .text("updated_at", m.updated_at)
      .number("rows_total", m.rows_total)
      .number("rows_checked", m.rows_checked)
      .number("rows_written", m.rows_written)
      .number("error_count", m.error_count)
      .text("errors", m.errors)
      .number("version", version + 1);
  if (!m.finished_at.empty()) values.text("finished_at", m.finished_at);
  Bindings where;
  const bool done =
      update_rows(session_, "member_imports", values,
                  "id = " + where.number(m.id) + " AND version = " + where.number(version),
                  where) == 1;
  if (done) m.version = version + 1;
  return done;
}

}  // namespace chibo::storage
