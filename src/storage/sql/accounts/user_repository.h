// Users and their grants on SOCI.
#pragma once

#include <soci/soci.h>

#include "storage/sql/search/search_index_loader.h"

#include "app/ports/accounts.h"

namespace chibo::storage {

class SqlUserRepository : public app::UserRepository {
 public:
  explicit SqlUserRepository(soci::session& session, IndexChanges* changes = nullptr)
      : session_(session), changes_(changes) {}
  std::optional<app::User> find(int64_t id) override;
  std::optional<app::User> find_by_username(const std::string& username) override;
  std::vector<app::User> list() override;
  void insert(app::User& user) override;
  bool update(app::User& user) override;
  bool any_user() override;

 private:
  std::vector<app::User> select(const std::string& where, const std::string& value);
  void write_grants(const app::User& user);
  soci::session& session_;
  IndexChanges* changes_;  // marks access changes for the store's caches
};

}  // namespace chibo::storage
