// The compliance board's sources on SOCI (SQLite and PostgreSQL): one SELECT per kind of
// out-of-rule fact over a subtree's path range, counted per organization or read as items.
#pragma once

#include <soci/soci.h>

#include "app/ports/compliance.h"

namespace chibo::storage {

class SqlComplianceRepository : public app::ComplianceRepository {
 public:
  explicit SqlComplianceRepository(soci::session& session) : session_(session) {}

  std::vector<domain::compliance::PathCount> counts(const app::ComplianceAsk& ask) override;
  std::vector<app::ComplianceRow> items(const app::ComplianceAsk& ask, int64_t limit) override;

 private:
  soci::session& session_;
};

}  // namespace chibo::storage
