// The compliance board's sources on SOCI (SQLite and PostgreSQL): one SELECT per kind of
// out-of-rule fact over a subtree's path range, counted per organization or read as items.
#pragma once

#include <soci/soci.h>

#include "app/ports/compliance.h"
#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/database_url.h"

namespace chibo::storage {

class SqlComplianceRepository : public app::ComplianceRepository {
 public:
  SqlComplianceRepository(soci::session& session, Engine engine)
      : session_(session), engine_(engine) {}

  std::vector<domain::compliance::PathCount> counts(const app::ComplianceAsk& ask) override;
  std::vector<app::ComplianceRow> items(const app::ComplianceAsk& ask, int64_t limit) override;

 private:
  // The source's SELECT; on SQLite the arrears are read first when they are fewer than the
  // subtree's members (see the .cpp).
  std::string source_sql(const app::ComplianceAsk& ask, Bindings& b);
  bool arrears_first(const app::ComplianceAsk& ask);

  soci::session& session_;
  Engine engine_;
};

}  // namespace chibo::storage
