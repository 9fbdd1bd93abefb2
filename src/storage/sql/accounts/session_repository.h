// Sessions and login attempts on SOCI.
#pragma once

#include <soci/soci.h>

#include "storage/sql/search/search_index_loader.h"

#include "app/ports/accounts.h"

namespace chibo::storage {

class SqlSessionRepository : public app::SessionRepository {
 public:
  explicit SqlSessionRepository(soci::session& session, IndexChanges* changes = nullptr)
      : session_(session), changes_(changes) {}
  void insert(const app::Session& session) override;
  std::optional<app::Session> find(const std::string& token_hash) override;
  void touch(const std::string& token_hash, const std::string& now) override;
  void set_stage(const std::string& token_hash, const std::string& stage) override;
  void end(const std::string& token_hash, const std::string& now) override;
  int64_t end_all(int64_t user_id, const std::string& now, const std::string& except) override;
  std::vector<app::Session> open_sessions(int64_t user_id, const std::string& now) override;
  void record_attempt(const std::string& username, const std::string& address,
                      const std::string& at, bool succeeded) override;
  int64_t failures(const std::string& username, const std::string& address,
                   const std::string& since) override;
  int64_t failures_from(const std::string& address, const std::string& since) override;

 private:
  std::vector<app::Session> select(const std::string& where, const std::string& a,
                                   const std::string& b);
  soci::session& session_;
  IndexChanges* changes_;  // marks access changes for the store's caches
};

}  // namespace chibo::storage
