// Whole-record checks for a member: required fields and the rules between fields (dates in
// order, the citizen ID agreeing with sex and birth year, the minimum admission age in force
// on the admission date). Checks that need the database (org exists, CCCD unique) are the
// app layer's.
#pragma once

#include <span>
#include <vector>

#include "core/error.h"
#include "domain/catalog/catalog.h"
#include "domain/lifecycle/party_age.h"
#include "domain/members/member.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

// `new_record`: a record being created or imported must say when and why a member off the
// roll left it; records written before chibo kept exits are edited without that.
std::vector<FieldError> check_member(const Member& member, const Catalog& catalog,
                                     const RuleSet& rules, Date today, bool new_record = true);

// Fills what chibo derives from the record: the end of probation (12 months, as the rule in
// force on the ceremony says, from the ceremony, or from the admission decision when the
// ceremony's date is unknown), from the member's party-age `gaps` (all of them, stored or being
// recorded) the days they hold, the party-age anchor and the day the next badge milestone above
// the highest awarded is reached (from the latest badge.milestone_years), by the arithmetic of
// domain/lifecycle/party_age.h.
void derive_member_facts(Member& member, const RuleSet& rules, std::span<const Gap> gaps);

// The citizen ID's structure (Thông tư 59/2021/TT-BCA): 3 digits of province of birth
// registration, 1 digit for century and sex, 2 digits of birth year, 6 serial digits.
// nullopt when it agrees with `sex` and `birth_date`, else the FieldError code.
std::optional<std::string> citizen_id_problem(const std::string& citizen_id, const std::string& sex,
                                              std::optional<Date> birth_date,
                                              const Catalog& catalog);

// The citizen ID's century-and-sex digit for someone born in `year` of sex `sex`.
int citizen_id_century_digit(int year, const std::string& sex);

}  // namespace chibo::domain
