// Idempotency keys on SOCI (SQLite and PostgreSQL alike).
#pragma once

#include <soci/soci.h>

#include "app/ports/idempotency.h"

namespace chibo::storage {

class SqlIdempotencyRepository : public app::IdempotencyRepository {
 public:
  explicit SqlIdempotencyRepository(soci::session& session) : session_(session) {}

  bool claim(int64_t user_id, const std::string& key, const std::string& fingerprint,
             const std::string& now, const std::string& expired_before) override;
  std::optional<app::IdempotencyRecord> find(int64_t user_id, const std::string& key) override;
  void save_reply(int64_t user_id, const std::string& key, const app::StoredReply& reply) override;
  int64_t purge(const std::string& expired_before) override;

 private:
  soci::session& session_;
};

}  // namespace chibo::storage
