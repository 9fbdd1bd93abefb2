// The items tracked to closure (remediation_items: review shortcomings, inspection violations
// and recommendations), on SOCI (SQLite and PostgreSQL).
#pragma once

#include <soci/soci.h>

#include "app/ports/remediation.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlRemediationRepository : public app::RemediationRepository {
 public:
  explicit SqlRemediationRepository(soci::session& session) : session_(session) {}

  void insert(app::RemediationItem& item) override;
  std::optional<app::RemediationItem> find(const std::string& source, int64_t id) override;
  bool update(const app::RemediationItem& item) override;
  std::vector<app::RemediationItem> list(const app::RemediationFilter& filter) override;
  int64_t count(const app::RemediationFilter& filter) override;

 private:
  std::vector<app::RemediationItem> select(const std::string& where, Bindings& bindings);
  soci::session& session_;
};

}  // namespace chibo::storage
