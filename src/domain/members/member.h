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
  std::string discipline;  // kỷ luật (item 21): restricted, see MemberField::restricted
  std::optional<Date> admission_date;  // the admission decision
  std::optional<Date> official_date;   // recognized as official
  std::string status;                  // catalog code
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
