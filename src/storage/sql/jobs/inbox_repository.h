// The in-app inbox (notifications per user), on SOCI (SQLite and PostgreSQL).
#pragma once

#include <soci/soci.h>

#include "app/ports/jobs.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlInboxRepository : public app::InboxRepository {
 public:
  explicit SqlInboxRepository(soci::session& session) : session_(session) {}

  bool notify(app::Notification& notification) override;
  std::vector<app::Notification> page(const app::InboxQuery& query) override;
  int64_t count(int64_t user_id, bool unread_only) override;
  std::optional<app::Notification> find(int64_t id) override;
  bool mark_read(int64_t id, int64_t user_id, const std::string& now) override;
  int64_t mark_all_read(int64_t user_id, const std::string& now) override;

 private:
  std::vector<app::Notification> select(const std::string& rest, Bindings& bindings);
  soci::session& session_;
};

}  // namespace chibo::storage
