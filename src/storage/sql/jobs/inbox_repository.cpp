#include "storage/sql/jobs/inbox_repository.h"

#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

using app::Notification;

namespace {

constexpr const char* kColumns =
    "kind, title, body, link, object_type, dedupe_key, created_at, read_at, id, user_id, "
    "object_id";

long long run_inbox_sql(soci::session& session, const std::string& sql, Bindings& bindings) {
  soci::statement statement(session);
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  statement.execute(true);
  return statement.get_affected_rows();
}

}  // namespace

std::vector<Notification> SqlInboxRepository::select(const std::string& rest, Bindings& bindings) {
  std::vector<Notification> found;
  RowReader row(8, 3);
  select_rows(session_, std::string("SELECT ") + kColumns + " FROM notifications " + rest, bindings,
              row, [&] {
                Notification n;
                n.kind = row.text(0);
                n.title = row.text(1);
                n.body = row.text(2);
                n.link = row.text(3);
                n.object_type = row.text(4);
                n.dedupe_key = row.text(5);
                n.created_at = row.text(6);
                n.read_at = row.text(7);
                n.id = row.number(0);
                n.user_id = row.number(1);
                n.object_id = row.number(2);
                found.push_back(std::move(n));
              });
  return found;
}

bool SqlInboxRepository::notify(Notification& n) {
  RowValues values;
  values.number("user_id", n.user_id)
      .text("kind", n.kind)
      .text("title", n.title)
      .text("body", n.body.empty() ? n.title : n.body)
      .text("link", n.link)
      .text("object_type", n.object_type)
      .optional_id("object_id", n.object_id)
      .text("dedupe_key", n.dedupe_key)
      .text("created_at", n.created_at);
  long long id = 0;
  soci::statement statement(session_);
  values.attach(statement);
  statement.exchange(soci::into(id));
  prepare_unnamed(statement,
                  values.insert_sql("notifications") + " ON CONFLICT DO NOTHING RETURNING id");
  n.id = statement.execute(true) ? id : 0;
  return n.id != 0;
}

std::vector<Notification> SqlInboxRepository::page(const app::InboxQuery& query) {
  Bindings bindings;
  std::string rest = "WHERE user_id = " + bindings.number(query.user_id);
  if (query.unread_only) rest += " AND read_at IS NULL";
  rest += " ORDER BY ";
  if (query.unread_first && !query.unread_only) {
    rest += "CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, ";
  }
  rest += "created_at DESC, id DESC LIMIT " + bindings.number(query.limit) + " OFFSET " +
          bindings.number(query.offset);
  return select(rest, bindings);
}

int64_t SqlInboxRepository::count(int64_t user_id, bool unread_only) {
  Bindings bindings;
  std::string sql =
      "SELECT COUNT(*) FROM notifications WHERE user_id = " + bindings.number(user_id);
  if (unread_only) sql += " AND read_at IS NULL";
  RowReader row(0, 1);
  int64_t count = 0;
  select_rows(session_, sql, bindings, row, [&] { count = row.number(0); });
  return count;
}

std::optional<Notification> SqlInboxRepository::find(int64_t id) {
  Bindings bindings;
  std::vector<Notification> found = select("WHERE id = " + bindings.number(id), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

bool SqlInboxRepository::mark_read(int64_t id, int64_t user_id, const std::string& now) {
  Bindings bindings;
  return run_inbox_sql(session_,
                       "UPDATE notifications SET read_at = " + bindings.text(now) +
                           " WHERE id = " + bindings.number(id) +
                           " AND user_id = " + bindings.number(user_id) + " AND read_at IS NULL",
                       bindings) == 1;
}

int64_t SqlInboxRepository::mark_all_read(int64_t user_id, const std::string& now) {
  Bindings bindings;
  return run_inbox_sql(session_,
                       "UPDATE notifications SET read_at = " + bindings.text(now) +
                           " WHERE user_id = " + bindings.number(user_id) + " AND read_at IS NULL",
                       bindings);
}

}  // namespace chibo::storage
