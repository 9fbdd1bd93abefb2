#include "domain/members/member_rules.h"

#include "domain/members/member_fields.h"

namespace chibo::domain {

namespace {

const Date kEarliestBirth = *Date::from_ymd(1900, 1, 1);

bool is_empty(const Member& member, const MemberField& field) {
  return member_field_text(member, field).empty();
}

}  // namespace

int citizen_id_century_digit(int year, const std::string& sex) {
  // 20th century: 0 male, 1 female; 21st: 2, 3; 22nd: 4, 5; and so on.
  const int century_index = (year - 1900) / 100;
  return century_index * 2 + (sex == "female" ? 1 : 0);
}

std::optional<std::string> citizen_id_problem(const std::string& citizen_id, const std::string& sex,
                                              std::optional<Date> birth_date,
                                              const Catalog& catalog) {
  if (citizen_id.size() != 12) return "cccd_format";
  if (!catalog.provinces.find(citizen_id.substr(0, 3))) return "cccd_province";
  if (!birth_date || sex.empty()) return std::nullopt;
  const int year = birth_date->year();
  if (year < 1900) return std::nullopt;
  const int century_digit = citizen_id[3] - '0';
  const int year_digits = (citizen_id[4] - '0') * 10 + (citizen_id[5] - '0');
  if (century_digit != citizen_id_century_digit(year, sex) || year_digits != year % 100) {
    return "cccd_mismatch";
  }
  return std::nullopt;
}

std::vector<FieldError> check_member(const Member& member, const Catalog& catalog,
                                     const RuleSet& rules, Date today, bool new_record) {
  std::vector<FieldError> errors;
  for (const MemberField& field : member_fields()) {
    if (field.required && is_empty(member, field)) errors.push_back({field.name, "required", {}});
  }
  if (member.birth_date) {
    if (*member.birth_date > today) errors.push_back({"birth_date", "date_in_future", {}});
    if (*member.birth_date < kEarliestBirth) {
      errors.push_back({"birth_date", "date_too_early", {{"min", kEarliestBirth.iso()}}});
    }
  }
  if (member.admission_date) {
    if (*member.admission_date > today) errors.push_back({"admission_date", "date_in_future", {}});
    if (member.birth_date) {
      const RuleParameter* min_age =
          rules.in_force("member.min_admission_age_years", *member.admission_date);
      if (min_age &&
          whole_years_between(*member.birth_date, *member.admission_date) < min_age->value) {
        errors.push_back({"admission_date",
                          "admission_under_age",
                          {{"min", std::to_string(min_age->value)}, {"source", min_age->source}}});
      }
    }
  }
  const bool probationary = member.status == status::kProbationary;
  if (member.official_date) {
    if (probationary) errors.push_back({"official_date", "official_date_for_probationary", {}});
    if (*member.official_date > today) errors.push_back({"official_date", "date_in_future", {}});
    if (member.admission_date && *member.official_date <= *member.admission_date) {
      errors.push_back({"official_date", "official_before_admission", {}});
    }
  } else if (member.status == status::kOfficial) {
    errors.push_back({"official_date", "required_for_official", {}});
  }
  if (member.ceremony_date) {
    if (*member.ceremony_date > today) errors.push_back({"ceremony_date", "date_in_future", {}});
    if (member.admission_date && *member.ceremony_date < *member.admission_date)
      errors.push_back({"ceremony_date", "ceremony_before_admission", {}});
  }
  const MemberStatusInfo* standing = catalog.member_status(member.status);
  if (standing && standing->on_roll) {
    if (member.exit_date) errors.push_back({"exit_date", "exit_date_on_roll", {}});
    if (!member.exit_ground.empty()) errors.push_back({"exit_ground", "exit_ground_on_roll", {}});
  } else if (standing) {
    if (!member.exit_date) {
      if (new_record) errors.push_back({"exit_date", "required_for_exit", {}});
    } else {
      if (*member.exit_date > today) errors.push_back({"exit_date", "date_in_future", {}});
      if (member.admission_date && *member.exit_date < *member.admission_date)
        errors.push_back({"exit_date", "exit_before_admission", {}});
    }
    const ExitGround* ground = catalog.exit_ground(member.exit_ground);
    if (member.exit_ground.empty()) {
      if (new_record) errors.push_back({"exit_ground", "required_for_exit", {}});
    } else if (ground && ground->status != member.status) {
      errors.push_back({"exit_ground", "exit_ground_mismatch", {{"status", member.status}}});
    }
  }
  if (probationary && !member.party_card_no.empty()) {
    errors.push_back({"party_card_no", "card_for_probationary", {}});
  }
  if (!member.citizen_id.empty()) {
    if (auto problem =
            citizen_id_problem(member.citizen_id, member.sex, member.birth_date, catalog)) {
      errors.push_back({"citizen_id", *problem, {}});
    }
  }
  return errors;
}

void derive_member_facts(Member& member, const RuleSet& rules, std::span<const Gap> gaps) {
  member.probation_ends_on.reset();
  const std::optional<Date> start =
      member.ceremony_date ? member.ceremony_date : member.admission_date;
  if (start) {
    if (const RuleParameter* months = rules.in_force("probation.months", *start))
      member.probation_ends_on = start->add_months(static_cast<int>(months->value));
  }
  member.party_age_anchor.reset();
  member.next_badge_on.reset();
  member.party_age_gap_days = total_gap_days(gaps);
  if (!member.admission_date) return;
  member.party_age_anchor = party_age_anchor(*member.admission_date, gaps);
  if (const RuleParameter* milestones = rules.latest("badge.milestone_years")) {
    for (const int64_t years : milestones->values) {
      if (years > member.highest_badge) {
        member.next_badge_on =
            milestone_date(*member.admission_date, gaps, static_cast<int>(years));
        break;
      }
    }
  }
}

}  // namespace chibo::domain
