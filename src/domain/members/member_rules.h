// Whole-record checks for a member: required fields and the rules between fields (dates in
// order, the citizen ID agreeing with sex and birth year, the minimum admission age in force
// on the admission date). Checks that need the database (org exists, CCCD unique) are the
// app layer's.
#pragma once

#include <vector>

#include "core/error.h"
#include "domain/catalog/catalog.h"
#include "domain/members/member.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

std::vector<FieldError> check_member(const Member& member, const Catalog& catalog,
                                     const RuleSet& rules, Date today);

// The citizen ID's structure (Thông tư 59/2021/TT-BCA): 3 digits of province of birth
// registration, 1 digit for century and sex, 2 digits of birth year, 6 serial digits.
// nullopt when it agrees with `sex` and `birth_date`, else the FieldError code.
std::optional<std::string> citizen_id_problem(const std::string& citizen_id, const std::string& sex,
                                              std::optional<Date> birth_date,
                                              const Catalog& catalog);

// The citizen ID's century-and-sex digit for someone born in `year` of sex `sex`.
int citizen_id_century_digit(int year, const std::string& sex);

}  // namespace chibo::domain
