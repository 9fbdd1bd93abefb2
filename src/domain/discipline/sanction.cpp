#include "domain/discipline/sanction.h"

#include <array>
#include <utility>

namespace chibo::domain::discipline {
namespace {

constexpr std::array<std::pair<Subject, std::string_view>, 3> kSubjects = {{
    {Subject::kOrganization, "organization"},
    {Subject::kOfficialMember, "official"},
    {Subject::kProbationaryMember, "probationary"},
}};

constexpr std::array<std::pair<Sanction, std::string_view>, 5> kSanctions = {{
    {Sanction::kReprimand, "reprimand"},
    {Sanction::kWarning, "warning"},
    {Sanction::kDismissal, "dismissal"},
    {Sanction::kExpulsion, "expulsion"},
    {Sanction::kDissolution, "dissolution"},
}};

constexpr std::array<std::pair<Category, std::string_view>, 4> kCategories = {{
    {Category::kOrdinary, "ordinary"},
    {Category::kInternalPolitics, "internal_politics"},
    {Category::kSecurityDefenceForeign, "security_defence_foreign"},
    {Category::kIllegalDiploma, "illegal_diploma"},
}};

template <class T, size_t N>
std::optional<T> parse_in(const std::array<std::pair<T, std::string_view>, N>& table,
                          std::string_view code) {
  for (const auto& [value, name] : table) {
    if (name == code) return value;
  }
  return std::nullopt;
}

template <class T, size_t N>
std::string_view code_in(const std::array<std::pair<T, std::string_view>, N>& table, T value) {
  for (const auto& [entry, name] : table) {
    if (entry == value) return name;
  }
  return {};
}

}  // namespace

std::optional<Subject> parse_subject(std::string_view code) { return parse_in(kSubjects, code); }
std::string_view subject_code(Subject subject) { return code_in(kSubjects, subject); }
std::optional<Sanction> parse_sanction(std::string_view code) { return parse_in(kSanctions, code); }
std::string_view sanction_code(Sanction sanction) { return code_in(kSanctions, sanction); }
std::optional<Category> parse_category(std::string_view code) {
  return parse_in(kCategories, code);
}
std::string_view category_code(Category category) { return code_in(kCategories, category); }

bool sanction_allowed(Subject subject, Sanction sanction) {
  switch (subject) {
    case Subject::kOrganization:
      return sanction == Sanction::kReprimand || sanction == Sanction::kWarning ||
             sanction == Sanction::kDissolution;
    case Subject::kOfficialMember:
      return sanction == Sanction::kReprimand || sanction == Sanction::kWarning ||
             sanction == Sanction::kDismissal || sanction == Sanction::kExpulsion;
    case Subject::kProbationaryMember:
      return sanction == Sanction::kReprimand || sanction == Sanction::kWarning;
  }
  return false;
}

std::string vote_share_key(Sanction sanction) {
  return sanction == Sanction::kReprimand || sanction == Sanction::kWarning
             ? "discipline.vote_share_reprimand"
             : "discipline.vote_share_expulsion";
}

}  // namespace chibo::domain::discipline
