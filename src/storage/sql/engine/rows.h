// Column lists and row binding for organizations and members: one place that knows how a
// domain value maps to columns, used by every query that reads or writes whole rows.
#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "domain/members/member.h"
#include "domain/org/organization.h"
#include "storage/sql/engine/statement.h"

namespace chibo::storage {

extern const char* const kOrgColumns;     // "o.id, o.parent_id, ..." for FROM organizations o
extern const char* const kMemberColumns;  // "m.id, m.org_id, ..." for FROM members m

// The members table's nullable text columns, in the order kMemberColumns reads them and every
// insert or update writes them: the member fields of the same names, then party_age_anchor and
// next_badge_on.
const std::vector<const char*>& member_text_columns();
// The value of one of those columns ("" for NULL).
std::string member_column_text(const domain::Member& member, const char* column);

// Receives one organization row; bind with bind(), then to_org() after each fetch.
struct OrgRow {
  long long id = 0, parent_id = 0, depth = 0, merged_into = 0, version = 0;
  std::string path, kind, name, short_name, code, established_on, dissolved_on, status, created_at,
      updated_at;
  soci::indicator parent_ind{}, short_name_ind{}, code_ind{}, established_ind{}, dissolved_ind{},
      merged_ind{};
  void bind(soci::statement& statement);
  domain::Organization to_org() const;
};

struct MemberRow {
  long long id = 0, org_id = 0, version = 0;
  std::string org_path, full_name, birth_name, aliases, sex, birth_date, place_of_birth, home_town,
      permanent_residence, current_residence, ethnicity, religion, citizen_id, party_card_no, phone,
      email, general_education, professional_qualification, political_theory, occupation, work_unit,
      position, admission_date, official_date, discipline_legacy, ceremony_date, probation_ends_on,
      exit_date, exit_ground, party_age_anchor, next_badge_on, status, created_at, updated_at;
  long long party_age_gap_days = 0, highest_badge = 0;
  soci::indicator indicators[29]{};
  void bind(soci::statement& statement);
  domain::Member to_member() const;
};

// A member row followed by its organization's name (kMemberColumns, o.name).
struct MemberWithOrgRow : MemberRow {
  std::string org_name;
  void bind(soci::statement& statement) {
    MemberRow::bind(statement);
    statement.exchange(soci::into(org_name));
  }
};

// Runs `sql` with `bindings`, calling `on_row(row)` for each organization or member row.
template <class Row, class Bindings, class OnRow>
void for_each_row(soci::session& session, const std::string& sql, Bindings& bindings,
                  OnRow on_row) {
  Row row;
  soci::statement statement(session);
  row.bind(statement);
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  if (!statement.execute(true)) return;
  do {
    on_row(row);
  } while (statement.fetch());
}

}  // namespace chibo::storage
