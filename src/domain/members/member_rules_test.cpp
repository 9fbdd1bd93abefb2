#include "domain/members/member_rules.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::catalog;
using chibo::testing::date;
using chibo::testing::rules;

const Date kToday = date("2026-11-29");

Member valid() {
  Member member;
  std::vector<FieldError> errors;
  apply_member_patch(member, chibo::testing::valid_member_patch(42), catalog(), errors);
  return member;
}

std::vector<std::string> problems(const Member& member) {
  std::vector<std::string> found;
  for (const FieldError& error : check_member(member, catalog(), rules(), kToday)) {
    found.push_back(error.field + ":" + error.code);
  }
  return found;
}

TEST(CheckMember, AValidRecordPasses) { EXPECT_TRUE(problems(valid()).empty()); }

TEST(CheckMember, ReportsEveryMissingRequiredField) {
  const auto found = problems(Member());
  for (const char* field : {"full_name", "sex", "birth_date", "ethnicity", "religion", "citizen_id",
                            "admission_date", "org_id", "status"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), std::string(field) + ":required"), found.end())
        << field;
  }
}

TEST(CheckMember, DatesInOrder) {
  Member member = valid();
  member.birth_date = date("2027-01-01");
  member.citizen_id = "001227012345";
  EXPECT_NE(
      std::find(problems(member).begin(), problems(member).end(), "birth_date:date_in_future"),
      problems(member).end());
  member = valid();
  member.official_date = member.admission_date;
  EXPECT_EQ(problems(member), std::vector<std::string>{"official_date:official_before_admission"});
  member = valid();
  member.official_date.reset();
  EXPECT_EQ(problems(member), std::vector<std::string>{"official_date:required_for_official"});
}

TEST(CheckMember, ProbationaryMembersHaveNoOfficialDateNorCard) {
  Member member = valid();
  member.status = "probationary";
  member.party_card_no = "12345678";
  EXPECT_EQ(problems(member),
            (std::vector<std::string>{"official_date:official_date_for_probationary",
                                      "party_card_no:card_for_probationary"}));
}

TEST(CheckMember, AdmissionAgeUsesTheRuleInForceThatDay) {
  Member member = valid();
  member.birth_date = date("1987-03-03");  // 18 on 2005-03-03, one day after admission
  member.citizen_id = "001087012345";
  const auto found = check_member(member, catalog(), rules(), kToday);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].field, "admission_date");
  EXPECT_EQ(found[0].code, "admission_under_age");
  member.birth_date = date("1987-03-02");  // 18 exactly on the day
  EXPECT_TRUE(problems(member).empty());
}

TEST(CitizenId, AgreesWithSexAndBirthYear) {
  EXPECT_EQ(citizen_id_century_digit(1980, "male"), 0);
  EXPECT_EQ(citizen_id_century_digit(1980, "female"), 1);
  EXPECT_EQ(citizen_id_century_digit(2001, "male"), 2);
  EXPECT_EQ(citizen_id_century_digit(2001, "female"), 3);
  EXPECT_FALSE(citizen_id_problem("001080012345", "male", date("1980-05-17"), catalog()));
  EXPECT_EQ(citizen_id_problem("001180012345", "male", date("1980-05-17"), catalog()),
            "cccd_mismatch");
  EXPECT_EQ(citizen_id_problem("001081012345", "male", date("1980-05-17"), catalog()),
            "cccd_mismatch");
  EXPECT_EQ(citizen_id_problem("003080012345", "male", date("1980-05-17"), catalog()),
            "cccd_province");
  EXPECT_FALSE(citizen_id_problem("079301012345", "female", date("2001-01-01"), catalog()));
}

}  // namespace
}  // namespace chibo::domain
