#include "storage/sql/engine/rows.h"

#include "domain/members/member_fields.h"

namespace chibo::storage {

using domain::Member;
using domain::Organization;

const char* const kOrgColumns =
    "o.id, o.parent_id, o.path, o.depth, o.kind, o.name, o.short_name, o.code, o.established_on, "
    "o.dissolved_on, o.status, o.merged_into, o.version, o.created_at, o.updated_at";

const char* const kMemberColumns =
    "m.id, m.org_id, m.org_path, m.full_name, m.birth_name, m.aliases, m.sex, m.birth_date, "
    "m.place_of_birth, m.home_town, m.permanent_residence, m.current_residence, m.ethnicity, "
    "m.religion, m.citizen_id, m.party_card_no, m.phone, m.email, m.general_education, "
    "m.professional_qualification, m.political_theory, m.occupation, m.work_unit, m.position, "
    "m.admission_date, m.official_date, m.discipline_legacy, m.ceremony_date, m.probation_ends_on, "
    "m.exit_date, m.exit_ground, m.party_age_anchor, m.next_badge_on, m.status, m.version, "
    "m.created_at, "
    "m.updated_at, m.party_age_gap_days, m.highest_badge";

const std::vector<const char*>& member_text_columns() {
  static const std::vector<const char*> columns = {"birth_name",
                                                   "aliases",
                                                   "sex",
                                                   "birth_date",
                                                   "place_of_birth",
                                                   "home_town",
                                                   "permanent_residence",
                                                   "current_residence",
                                                   "ethnicity",
                                                   "religion",
                                                   "citizen_id",
                                                   "party_card_no",
                                                   "phone",
                                                   "email",
                                                   "general_education",
                                                   "professional_qualification",
                                                   "political_theory",
                                                   "occupation",
                                                   "work_unit",
                                                   "position",
                                                   "admission_date",
                                                   "official_date",
                                                   "discipline_legacy",
                                                   "ceremony_date",
                                                   "probation_ends_on",
                                                   "exit_date",
                                                   "exit_ground",
                                                   "party_age_anchor",
                                                   "next_badge_on"};
  return columns;
}

std::string member_column_text(const Member& member, const char* column) {
  if (std::string_view(column) == "party_age_anchor")
    return member.party_age_anchor ? member.party_age_anchor->iso() : std::string();
  if (std::string_view(column) == "discipline_legacy") return member.discipline_legacy;
  if (std::string_view(column) == "next_badge_on")
    return member.next_badge_on ? member.next_badge_on->iso() : std::string();
  return domain::member_field_text(member, *domain::find_member_field(column));
}

namespace {

std::optional<Date> to_date(const std::string& text, soci::indicator indicator = soci::i_ok) {
  if (indicator != soci::i_ok || text.empty()) return std::nullopt;
  return Date::parse(text);
}

std::string value_or_empty(const std::string& text, soci::indicator indicator) {
  return indicator == soci::i_ok ? text : std::string();
}

}  // namespace

void OrgRow::bind(soci::statement& statement) {
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(parent_id, parent_ind));
  statement.exchange(soci::into(path));
  statement.exchange(soci::into(depth));
  statement.exchange(soci::into(kind));
  statement.exchange(soci::into(name));
  statement.exchange(soci::into(short_name, short_name_ind));
  statement.exchange(soci::into(code, code_ind));
  statement.exchange(soci::into(established_on, established_ind));
  statement.exchange(soci::into(dissolved_on, dissolved_ind));
  statement.exchange(soci::into(status));
  statement.exchange(soci::into(merged_into, merged_ind));
  statement.exchange(soci::into(version));
  statement.exchange(soci::into(created_at));
  statement.exchange(soci::into(updated_at));
}

Organization OrgRow::to_org() const {
  Organization org;
  org.id = OrgId(id);
  org.parent_id = OrgId(parent_ind == soci::i_ok ? parent_id : 0);
  org.path = OrgPath::parse(path).value_or(OrgPath());
  org.kind = kind;
  org.name = name;
  org.short_name = value_or_empty(short_name, short_name_ind);
  org.code = value_or_empty(code, code_ind);
  org.established_on = to_date(established_on, established_ind);
  org.dissolved_on = to_date(dissolved_on, dissolved_ind);
  org.status = domain::parse_org_status(status).value_or(domain::OrgStatus::kActive);
  org.merged_into = OrgId(merged_ind == soci::i_ok ? merged_into : 0);
  org.version = version;
  org.created_at = created_at;
  org.updated_at = updated_at;
  return org;
}

void MemberRow::bind(soci::statement& statement) {
  statement.exchange(soci::into(id));
  statement.exchange(soci::into(org_id));
  statement.exchange(soci::into(org_path));
  statement.exchange(soci::into(full_name));
  // Nullable text columns, in order, each with its indicator.
  std::string* nullable[] = {&birth_name,
                             &aliases,
                             &sex,
                             &birth_date,
                             &place_of_birth,
                             &home_town,
                             &permanent_residence,
                             &current_residence,
                             &ethnicity,
                             &religion,
                             &citizen_id,
                             &party_card_no,
                             &phone,
                             &email,
                             &general_education,
                             &professional_qualification,
                             &political_theory,
                             &occupation,
                             &work_unit,
                             &position,
                             &admission_date,
                             &official_date,
                             &discipline_legacy,
                             &ceremony_date,
                             &probation_ends_on,
                             &exit_date,
                             &exit_ground,
                             &party_age_anchor,
                             &next_badge_on};
  static_assert(sizeof(nullable) / sizeof(nullable[0]) ==
                sizeof(indicators) / sizeof(indicators[0]));
  for (size_t index = 0; index < sizeof(indicators) / sizeof(indicators[0]); ++index) {
    statement.exchange(soci::into(*nullable[index], indicators[index]));
  }
  statement.exchange(soci::into(status));
  statement.exchange(soci::into(version));
  statement.exchange(soci::into(created_at));
  statement.exchange(soci::into(updated_at));
  statement.exchange(soci::into(party_age_gap_days));
  statement.exchange(soci::into(highest_badge));
}

Member MemberRow::to_member() const {
  auto text = [this](const std::string& value, int index) {
    return value_or_empty(value, indicators[index]);
  };
  Member member;
  member.id = MemberId(id);
  member.org_id = OrgId(org_id);
  member.org_path = OrgPath::parse(org_path).value_or(OrgPath());
  member.full_name = full_name;
  member.birth_name = text(birth_name, 0);
  const std::string alias_text = text(aliases, 1);
  for (size_t start = 0; start < alias_text.size();) {
    size_t end = alias_text.find("; ", start);
    if (end == std::string::npos) end = alias_text.size();
    member.aliases.push_back(alias_text.substr(start, end - start));
    start = end + 2;
  }
  member.sex = text(sex, 2);
  member.birth_date = to_date(text(birth_date, 3));
  member.place_of_birth = text(place_of_birth, 4);
  member.home_town = text(home_town, 5);
  member.permanent_residence = text(permanent_residence, 6);
  member.current_residence = text(current_residence, 7);
  member.ethnicity = text(ethnicity, 8);
  member.religion = text(religion, 9);
  member.citizen_id = text(citizen_id, 10);
  member.party_card_no = text(party_card_no, 11);
  member.phone = text(phone, 12);
  member.email = text(email, 13);
  member.general_education = text(general_education, 14);
  member.professional_qualification = text(professional_qualification, 15);
  member.political_theory = text(political_theory, 16);
  member.occupation = text(occupation, 17);
  member.work_unit = text(work_unit, 18);
  member.position = text(position, 19);
  member.admission_date = to_date(text(admission_date, 20));
  member.official_date = to_date(text(official_date, 21));
  member.discipline_legacy = text(discipline_legacy, 22);
  member.ceremony_date = to_date(text(ceremony_date, 23));
  member.probation_ends_on = to_date(text(probation_ends_on, 24));
  member.exit_date = to_date(text(exit_date, 25));
  member.exit_ground = text(exit_ground, 26);
  member.party_age_anchor = to_date(text(party_age_anchor, 27));
  member.next_badge_on = to_date(text(next_badge_on, 28));
  member.party_age_gap_days = party_age_gap_days;
  member.highest_badge = static_cast<int>(highest_badge);
  member.status = status;
  member.version = version;
  member.created_at = created_at;
  member.updated_at = updated_at;
  return member;
}

}  // namespace chibo::storage
