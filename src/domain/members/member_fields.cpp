#include "domain/members/member_fields.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <charconv>

#include "domain/fields.h"
#include "text/fold.h"

namespace chibo::domain {

namespace {

constexpr size_t kNameChars = 100;
constexpr size_t kTextChars = 255;

std::vector<MemberField> build_fields() {
  using K = FieldKind;
  using A = FieldAccess;
  return {
      {"full_name", K::kName, kNameChars, true, "Họ và tên đang dùng", "Full name"},
      {"birth_name", K::kName, kNameChars, false, "Họ và tên khai sinh", "Birth name"},
      {"aliases", K::kAliases, 200, false, "Bí danh", "Aliases"},
      {"sex", K::kCode, 10, true, "Giới tính", "Sex", &Catalog::sexes},
      {"birth_date", K::kDate, 10, true, "Ngày sinh", "Date of birth"},
      {"place_of_birth", K::kText, kTextChars, false, "Nơi sinh", "Place of birth"},
      {"home_town", K::kText, kTextChars, false, "Quê quán", "Home town"},
      {"permanent_residence", K::kText, kTextChars, false, "Nơi thường trú", "Permanent residence"},
      {"current_residence", K::kText, kTextChars, false, "Nơi ở hiện nay", "Current residence"},
      {"ethnicity", K::kCode, 60, true, "Dân tộc", "Ethnicity", &Catalog::ethnicities},
      {"religion", K::kCode, 60, true, "Tôn giáo", "Religion", &Catalog::religions},
      {"citizen_id", K::kCitizenId, 20, true, "Số CCCD", "Citizen ID"},
      {"party_card_no", K::kCardNo, 32, false, "Số thẻ đảng viên", "Party card number"},
      {"phone", K::kPhone, 20, false, "Điện thoại", "Phone"},
      {"email", K::kEmail, 254, false, "Email", "Email"},
      {"general_education", K::kEducation, 5, false, "Giáo dục phổ thông", "General education"},
      {"professional_qualification", K::kCode, 60, false, "Trình độ chuyên môn",
       "Professional qualification", &Catalog::professional_qualifications},
      {"political_theory", K::kCode, 60, false, "Lý luận chính trị", "Political theory",
       &Catalog::political_theory_levels},
      {"occupation", K::kCode, 100, false, "Nghề nghiệp", "Occupation", &Catalog::occupations},
      {"work_unit", K::kText, kTextChars, false, "Đơn vị công tác", "Work unit"},
      {"position", K::kText, kTextChars, false, "Chức vụ", "Position"},
      {"discipline", K::kText, 4000, false, "Kỷ luật", "Discipline", nullptr, true, A::kDerived},
      {"admission_date", K::kDate, 10, true, "Ngày vào Đảng", "Admission date"},
      {"ceremony_date", K::kDate, 10, false, "Ngày lễ kết nạp", "Admission ceremony"},
      {"official_date", K::kDate, 10, false, "Ngày chính thức", "Official date"},
      {"probation_ends_on", K::kDate, 10, false, "Ngày hết dự bị", "Probation ends on", nullptr,
       false, A::kDerived},
      {"org_id", K::kOrgRef, 20, true, "Chi bộ", "Organization"},
      {"status", K::kStatus, 60, true, "Trạng thái", "Status", nullptr, false, A::kProcedure},
      {"exit_date", K::kDate, 10, false, "Ngày ra khỏi danh sách", "Left the roll on", nullptr,
       false, A::kProcedure},
      {"exit_ground", K::kCode, 100, false, "Lý do ra khỏi danh sách", "Ground for leaving",
       &Catalog::exit_ground_list, false, A::kProcedure},
  };
}

// Works for Member and const Member, so reads need no cast.
template <class M>
auto text_slot(M& member, std::string_view name) -> decltype(&member.full_name) {
  if (name == "full_name") return &member.full_name;
  if (name == "birth_name") return &member.birth_name;
  if (name == "sex") return &member.sex;
  if (name == "place_of_birth") return &member.place_of_birth;
  if (name == "home_town") return &member.home_town;
  if (name == "permanent_residence") return &member.permanent_residence;
  if (name == "current_residence") return &member.current_residence;
  if (name == "ethnicity") return &member.ethnicity;
  if (name == "religion") return &member.religion;
  if (name == "citizen_id") return &member.citizen_id;
  if (name == "party_card_no") return &member.party_card_no;
  if (name == "phone") return &member.phone;
  if (name == "email") return &member.email;
  if (name == "general_education") return &member.general_education;
  if (name == "professional_qualification") return &member.professional_qualification;
  if (name == "political_theory") return &member.political_theory;
  if (name == "occupation") return &member.occupation;
  if (name == "work_unit") return &member.work_unit;
  if (name == "position") return &member.position;
  if (name == "discipline") return &member.discipline;
  if (name == "status") return &member.status;
  if (name == "exit_ground") return &member.exit_ground;
  return nullptr;
}

template <class M>
auto date_slot(M& member, std::string_view name) -> decltype(&member.birth_date) {
  if (name == "birth_date") return &member.birth_date;
  if (name == "admission_date") return &member.admission_date;
  if (name == "official_date") return &member.official_date;
  if (name == "ceremony_date") return &member.ceremony_date;
  if (name == "probation_ends_on") return &member.probation_ends_on;
  if (name == "exit_date") return &member.exit_date;
  return nullptr;
}

bool is_name_text(const std::string& text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t offset = 0;
  while (offset < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, offset, length, c);
    const int8_t type = u_charType(c);
    const bool mark = type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
    if (!(u_isalpha(c) || mark || c == ' ' || c == '\'' || c == '-' || c == '.')) return false;
  }
  return true;
}

std::string strip_chars(const std::string& text, std::string_view drop) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (drop.find(c) == std::string_view::npos) out.push_back(c);
  }
  return out;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Vietnamese numbers: 0 followed by 9 (mobile, 02x landline after 2017) or 10 digits.
std::optional<std::string> normalize_phone(const std::string& raw) {
  std::string digits = strip_chars(raw, " .-()");
  if (digits.rfind("+84", 0) == 0) digits = "0" + digits.substr(3);
  if (digits.size() < 10 || digits.size() > 11 || digits[0] != '0' || !all_digits(digits)) {
    return std::nullopt;
  }
  return digits;
}

bool is_email(const std::string& text) {
  const size_t at = text.find('@');
  if (at == std::string::npos || at == 0 || text.find('@', at + 1) != std::string::npos)
    return false;
  const std::string domain = text.substr(at + 1);
  const size_t dot = domain.find('.');
  if (dot == std::string::npos || dot == 0 || domain.back() == '.') return false;
  for (char c : text) {
    if (c == ' ' || c == ',' || c == ';' || c == '<' || c == '>' || c == '"') return false;
  }
  return true;
}

bool is_general_education(const std::string& text) {
  const size_t slash = text.find('/');
  if (slash == std::string::npos) return false;
  const std::string grade = text.substr(0, slash);
  const std::string system = text.substr(slash + 1);
  if (!all_digits(grade) || grade.size() > 2 || (system != "10" && system != "12")) return false;
  const int grade_value = std::stoi(grade);
  return grade_value >= 1 && grade_value <= std::stoi(system);
}

bool is_card_text(const std::string& text) {
  for (char c : text) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    c == '.' || c == '-' || c == '/';
    if (!ok) return false;
  }
  return true;
}

void apply_field(Member& member, const MemberField& field, const std::optional<std::string>& raw,
                 const Catalog& catalog, std::vector<FieldError>& errors) {
  const std::string name = field.name;
  std::optional<std::string> cleaned;
  if (raw) {
    // Aliases are measured after splitting; an over-long date is reported as not a date.
    const size_t limit = field.kind == FieldKind::kAliases ? 10000
                         : field.kind == FieldKind::kDate  ? 64
                                                           : field.max_chars;
    cleaned = clean_text_field(name, *raw, limit, errors);
    if (!cleaned) return;
  }
  const std::string value = cleaned.value_or("");
  switch (field.kind) {
    case FieldKind::kDate: {
      std::optional<Date>* slot = date_slot(member, name);
      if (value.empty()) {
        *slot = std::nullopt;
      } else if (auto date = parse_date_field(name, value, errors)) {
        *slot = date;
      }
      return;
    }
    case FieldKind::kAliases: {
      std::vector<std::string> aliases;
      size_t start = 0;
      while (start <= value.size() && !value.empty()) {
        size_t end = value.find(';', start);
        if (end == std::string::npos) end = value.size();
        auto alias = clean_text_field(name, value.substr(start, end - start), kNameChars, errors);
        if (!alias) return;
        if (!alias->empty()) aliases.push_back(*alias);
        start = end + 1;
      }
      size_t total = 0;
      for (const std::string& alias : aliases) total += alias.size();
      if (total > field.max_chars * 4) {
        errors.push_back({name, "too_long", {{"max", std::to_string(field.max_chars)}}});
        return;
      }
      member.aliases = std::move(aliases);
      return;
    }
    case FieldKind::kOrgRef: {
      int64_t id = 0;
      if (value.empty()) {
        member.org_id = OrgId();
      } else if (!all_digits(value) || value.size() > 18 ||
                 std::from_chars(value.data(), value.data() + value.size(), id).ec != std::errc()) {
        errors.push_back({name, "invalid_id", {}});
      } else {
        member.org_id = OrgId(id);
      }
      return;
    }
    default:
      break;
  }
  std::string* slot = text_slot(member, name);
  if (value.empty()) {
    slot->clear();
    return;
  }
  switch (field.kind) {
    case FieldKind::kName:
      if (!is_name_text(value)) {
        errors.push_back({name, "name_charset", {}});
        return;
      }
      break;
    case FieldKind::kCode: {
      const CatalogEntry* entry = (catalog.*(field.list)).lookup(value);
      if (!entry) {
        errors.push_back({name, "unknown_code", {{"value", value}}});
        return;
      }
      *slot = entry->code;
      return;
    }
    case FieldKind::kStatus: {
      const MemberStatusInfo* info = catalog.lookup_member_status(value);
      if (!info) {
        errors.push_back({name, "unknown_code", {{"value", value}}});
        return;
      }
      *slot = info->code;
      return;
    }
    case FieldKind::kCitizenId: {
      const std::string digits = strip_chars(value, " ");
      if (!all_digits(digits) || digits.size() != 12) {
        errors.push_back({name, "cccd_format", {}});
        return;
      }
      *slot = digits;
      return;
    }
    case FieldKind::kCardNo: {
      if (!is_card_text(value)) {
        errors.push_back({name, "card_charset", {}});
        return;
      }
      // Card numbers compare without regard to case: stored in upper case.
      std::string upper = value;
      for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      *slot = upper;
      return;
    }
    case FieldKind::kPhone: {
      const auto phone = normalize_phone(value);
      if (!phone) {
        errors.push_back({name, "phone_format", {}});
        return;
      }
      *slot = *phone;
      return;
    }
    case FieldKind::kEmail:
      if (!is_email(value)) {
        errors.push_back({name, "email_format", {}});
        return;
      }
      break;
    case FieldKind::kEducation:
      if (!is_general_education(value)) {
        errors.push_back({name, "education_format", {}});
        return;
      }
      break;
    default:
      break;
  }
  *slot = value;
}

}  // namespace

const std::vector<MemberField>& member_fields() {
  static const std::vector<MemberField> fields = build_fields();
  return fields;
}

const MemberField* find_member_field(std::string_view name) {
  for (const MemberField& field : member_fields()) {
    if (name == field.name) return &field;
  }
  return nullptr;
}

void apply_member_patch(Member& member, const MemberPatch& patch, const Catalog& catalog,
                        std::vector<FieldError>& errors) {
  for (const auto& [name, raw] : patch) {
    const MemberField* field = find_member_field(name);
    if (!field) {
      errors.push_back({name, "unknown_field", {}});
      continue;
    }
    if (field->access == FieldAccess::kDerived) {
      errors.push_back({name, "derived_field", {}});
      continue;
    }
    apply_field(member, *field, raw, catalog, errors);
  }
}

std::string member_field_text(const Member& member, const MemberField& field) {
  switch (field.kind) {
    case FieldKind::kDate: {
      const auto* slot = date_slot(member, field.name);
      return *slot ? (*slot)->iso() : std::string();
    }
    case FieldKind::kAliases: {
      std::string joined;
      for (const std::string& alias : member.aliases) {
        if (!joined.empty()) joined += "; ";
        joined += alias;
      }
      return joined;
    }
    case FieldKind::kOrgRef:
      return member.org_id.valid() ? std::to_string(member.org_id.value) : std::string();
    default:
      return *text_slot(member, field.name);
  }
}

std::vector<FieldChange> diff_members(const Member& before, const Member& after) {
  std::vector<FieldChange> changes;
  for (const MemberField& field : member_fields()) {
    std::string old_text = member_field_text(before, field);
    std::string new_text = member_field_text(after, field);
    if (old_text != new_text)
      changes.push_back({field.name, std::move(old_text), std::move(new_text)});
  }
  return changes;
}

}  // namespace chibo::domain
