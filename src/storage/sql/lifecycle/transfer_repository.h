// Transfers of party activity, on SOCI (SQLite and PostgreSQL).
#pragma once

#include <soci/soci.h>

#include "app/ports/store.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlTransferRepository : public app::TransferRepository {
 public:
  explicit SqlTransferRepository(soci::session& session) : session_(session) {}

  std::optional<app::Transfer> find(TransferId id) override;
  std::vector<app::Transfer> list(const app::TransferFilter& filter) override;
  std::optional<app::Transfer> open_for(MemberId member) override;
  void insert(app::Transfer& transfer) override;
  bool update(app::Transfer& transfer, const app::Transfer& before) override;

 private:
  std::vector<app::Transfer> select(const std::string& where_and_order, Bindings& bindings);
  soci::session& session_;
};

}  // namespace chibo::storage
