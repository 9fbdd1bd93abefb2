// Who may be disciplined with what (rules-reference §8; Charter Art. 35): an organization
// (khiển trách, cảnh cáo, giải tán), an official member (khiển trách, cảnh cáo, cách chức, khai
// trừ), a probationary member (khiển trách, cảnh cáo). The lists are the Charter's closed sets;
// the numbers each sanction needs (vote share, limitation) are rules in rules/discipline.toml.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chibo::domain::discipline {

enum class Subject { kOrganization, kOfficialMember, kProbationaryMember };
// Ordered by gravity: a higher value is a graver sanction.
enum class Sanction { kReprimand, kWarning, kDismissal, kExpulsion, kDissolution };

// "organization", "official", "probationary".
std::optional<Subject> parse_subject(std::string_view code);
std::string_view subject_code(Subject subject);
// "reprimand" (khiển trách), "warning" (cảnh cáo), "dismissal" (cách chức), "expulsion" (khai
// trừ), "dissolution" (giải tán).
std::optional<Sanction> parse_sanction(std::string_view code);
std::string_view sanction_code(Sanction sanction);

// Charter Art. 35.
bool sanction_allowed(Subject subject, Sanction sanction);

// The rule key of the vote share the sanction needs: "discipline.vote_share_reprimand"
// (reprimand, warning) or "discipline.vote_share_expulsion" (dismissal, expulsion, dissolution).
std::string vote_share_key(Sanction sanction);

// A breach that needs no deciding on limitation (listed categories): "internal_politics",
// "security_defence_foreign", "illegal_diploma"; "ordinary" for everything else.
enum class Category { kOrdinary, kInternalPolitics, kSecurityDefenceForeign, kIllegalDiploma };
std::optional<Category> parse_category(std::string_view code);
std::string_view category_code(Category category);

// A rule parameter an answer used: its key, the value applied and its source.
struct AppliedRule {
  std::string key;
  int64_t value = 0;
  std::string source;
};

}  // namespace chibo::domain::discipline
