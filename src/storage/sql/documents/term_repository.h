// Terms and committee seats, on SOCI (SQLite and PostgreSQL).
#pragma once

#include <soci/soci.h>

#include "app/ports/terms.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlTermRepository : public app::TermRepository {
 public:
  explicit SqlTermRepository(soci::session& session) : session_(session) {}

  std::vector<app::Term> terms_of(OrgId org) override;
  std::optional<app::Term> find(int64_t id) override;
  std::map<OrgId, app::Term> running_terms(const std::vector<OrgId>& orgs) override;
  void insert(app::Term& term) override;
  bool update(app::Term& term, const app::Term& before) override;

  std::vector<app::TermSeat> seats_of(int64_t term_id) override;
  std::vector<app::TermSeat> seats_of_member(MemberId member) override;
  std::optional<app::TermSeat> find_seat(int64_t id) override;
  void insert_seat(app::TermSeat& seat) override;
  bool update_seat(app::TermSeat& seat, const app::TermSeat& before) override;

 private:
  std::vector<app::Term> select_terms(const std::string& where_and_order, Bindings& bindings);
  std::vector<app::TermSeat> select_seats(const std::string& where_and_order, Bindings& bindings);
  soci::session& session_;
};

}  // namespace chibo::storage
