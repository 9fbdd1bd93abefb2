// The audit trail on SOCI: append-only (the database refuses UPDATE and DELETE), hash-chained.
#pragma once

#include <soci/soci.h>

#include "app/ports/accounts.h"

namespace chibo::storage {

class SqlAuditLog : public app::AuditLog {
 public:
  explicit SqlAuditLog(soci::session& session) : session_(session) {}
  void append(domain::AuditEvent& event) override;
  std::vector<domain::AuditEvent> list(const app::AuditFilter& filter) override;
  std::vector<domain::AuditEvent> range(int64_t after_seq, int64_t limit) override;
  std::pair<int64_t, std::string> head() override;

 private:
  std::vector<domain::AuditEvent> select(const std::string& where_order_limit,
                                         class Bindings& bindings);
  soci::session& session_;
};

}  // namespace chibo::storage
