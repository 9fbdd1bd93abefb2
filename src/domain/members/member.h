// A party member's record: the personal-history fields of the member file (lý lịch đảng viên,
// 12-HD/BTCTW) that chibo keeps, plus registration and status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/org_path.h"

namespace chibo::domain {

struct Member {
  MemberId id;
  OrgId org_id;            // the cell (or party group) the member is registered in
  OrgPath org_path;        // that organization's path, kept in step by the store
  std::string full_name;   // name in use, as typed (NFC, trimmed)
  std::string birth_name;  // khai sinh, when different
  std::vector<std::string> aliases;
  std::string sex;  // catalog code: male, female
  std::optional<Date> birth_date;
  std::string place_of_birth;
  std::string home_town;  // quê quán
  std::string permanent_residence;
  std::string current_residence;
  std::string ethnicity;      // catalog code, "01" = Kinh
  std::string religion;       // catalog code, "none" = no religion
  std::string citizen_id;     // CCCD, 12 digits, unique
  std::string party_card_no;  // opaque, unique when present
  std::string phone;          // normalized: leading 0, digits only
  std::string email;
  std::string general_education;           // "12/12", "10/10"
  std::string professional_qualification;  // catalog code
  std::string political_theory;            // catalog code
  std::string occupation;                  // catalog code
  std::string work_unit;
  std::string position;
  // kỷ luật (item 21): restricted, see MemberField::restricted. Derived, never stored: the
  // decided discipline cases in force (domain/discipline/record.h), filled where it is shown.
  std::string discipline;
  // The free text recorded as item 21 before discipline cases existed (migration 0027 keeps it):
  // read-only, restricted like `discipline` and shown beside it.
  std::string discipline_legacy;
  std::optional<Date> admission_date;  // the (first) admission decision: party age counts from it
  std::optional<Date> ceremony_date;   // the admission ceremony: probation counts from it
  std::optional<Date> official_date;   // official from: the exact end of probation
  std::optional<Date> probation_ends_on;  // derived from the ceremony (or, unknown, admission)
  std::string status;                     // catalog code
  std::optional<Date> exit_date;          // off the roll since (statuses not on the roll)
  std::string exit_ground;                // catalog code (data/catalog/exit_grounds.tsv)
  // Party age, derived from the member's gaps (party_age_gaps; time off the roll before a
  // readmission, transfers presented late, gaps recorded from old files): the days they hold
  // (shown, never computed with) and the first admission shifted by their calendar periods
  // (domain/lifecycle/party_age.h).
  int64_t party_age_gap_days = 0;
  std::optional<Date> party_age_anchor;
  int highest_badge = 0;              // the highest badge milestone awarded (years), 0 for none
  std::optional<Date> next_badge_on;  // when the next milestone above it is reached
  int64_t version = 0;
  std::string created_at;
  std::string updated_at;
};

// One changed field, for the member's history.
struct FieldChange {
  std::string field;
  std::string before;  // canonical text ("" = empty)
  std::string after;
};

}  // namespace chibo::domain
