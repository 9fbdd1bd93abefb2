// Members import records (issue 16) on SOCI (SQLite and PostgreSQL).
#pragma once

#include <soci/soci.h>

#include "app/ports/member_imports.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlMemberImportRepository : public app::MemberImportRepository {
 public:
  explicit SqlMemberImportRepository(soci::session& session) : session_(session) {}

  void insert(app::MemberImport& import) override;
  std::optional<app::MemberImport> find(int64_t id) override;
  std::vector<app::MemberImport> recent(int64_t user_id, int limit) override;
  bool update(app::MemberImport& import, int64_t version) override;

 private:
  std::vector<app::MemberImport> select(const std::string& where_and_order, Bindings& bindings);
  soci::session& session_;
};

}  // namespace chibo::storage
