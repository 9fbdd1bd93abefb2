// Discipline cases on SOCI (SQLite and PostgreSQL): one table, deferrals as a JSON column.
#pragma once

#include <soci/soci.h>

#include "app/ports/discipline.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlDisciplineRepository : public app::DisciplineRepository {
 public:
  explicit SqlDisciplineRepository(soci::session& session) : session_(session) {}

  void insert_case(app::DisciplineCase& c) override;
  std::optional<app::DisciplineCase> find_case(int64_t id) override;
  bool update_case(const app::DisciplineCase& c) override;
  std::vector<app::DisciplineCase> cases(const app::DisciplineFilter& filter) override;
  std::vector<MemberId> decided_in_year(const std::vector<MemberId>& members, int year) override;
  std::vector<app::DisciplineCase> decided_of(const std::vector<MemberId>& members) override;
  std::vector<app::DisciplineCase> decided_member_cases(
      const std::optional<OrgPath>& tree) override;
  std::vector<MemberId> suspended_on(const std::vector<MemberId>& members, Date on) override;

 private:
  std::vector<app::DisciplineCase> select_cases(const std::string& where, Bindings& bindings);
  soci::session& session_;
};

}  // namespace chibo::storage
