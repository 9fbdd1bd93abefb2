// Dues bases, relief decisions, payments, closed months and adjustments, on SOCI (SQLite and
// PostgreSQL).
#pragma once

#include <soci/soci.h>

#include "app/ports/dues.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlDuesRepository : public app::DuesRepository {
 public:
  explicit SqlDuesRepository(soci::session& session) : session_(session) {}

  std::map<MemberId, std::vector<app::DuesBasis>> bases_of(
      const std::vector<MemberId>& members) override;
  std::map<MemberId, std::vector<app::DuesRelief>> reliefs_of(
      const std::vector<MemberId>& members) override;
  std::map<MemberId, std::vector<app::DuesPayment>> payments_of(
      const std::vector<MemberId>& members) override;
  void insert_basis(MemberId member, app::DuesBasis& basis, const std::string& at,
                    const std::string& by) override;
  void insert_relief(MemberId member, app::DuesRelief& relief, std::optional<Date> decided_on,
                     const std::string& at, const std::string& by) override;
  void insert_payment(app::DuesPayment& payment) override;
  bool reference_taken(const std::string& channel, const std::string& reference) override;
  std::optional<app::DuesClosing> find_closing(OrgId org, app::Month month) override;
  void insert_closing(const app::DuesClosing& closing) override;
  std::vector<app::DuesClosing> closings_in(const OrgPath& subtree, app::Month month) override;
  void insert_adjustment(app::DuesAdjustment& adjustment) override;
  std::vector<app::DuesAdjustment> adjustments_of(OrgId org, app::Month month) override;
  std::vector<app::DuesOrg> orgs_in(const OrgPath& subtree) override;
  std::map<OrgId, app::Collected> collected_in(const OrgPath& subtree, app::Month month) override;
  void put_standing(MemberId member, std::optional<app::Month> unpaid_from, int64_t paid,
                    const std::string& at) override;
  std::vector<app::ArrearsFacts> arrears_facts(const OrgPath& subtree,
                                               const std::vector<std::string>& statuses,
                                               app::Month cut, MemberId after,
                                               size_t limit) override;
  std::map<MemberId, std::optional<app::Month>> all_standings() override;
  std::map<MemberId, int64_t> all_standing_paid() override;
  std::vector<MemberId> members_with_bases() override;
  std::map<MemberId, Date> arrivals_of(const std::vector<MemberId>& members) override;

 private:
  std::vector<app::DuesClosing> select_closings(const std::string& where, Bindings& bindings);
  soci::session& session_;
};

}  // namespace chibo::storage
