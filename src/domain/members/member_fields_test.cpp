#include "domain/members/member_fields.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::catalog;

std::vector<FieldError> patch_into(Member& member, const MemberPatch& patch) {
  std::vector<FieldError> errors;
  apply_member_patch(member, patch, catalog(), errors);
  return errors;
}

std::string only_error(const MemberPatch& patch) {
  Member member;
  const auto errors = patch_into(member, patch);
  if (errors.size() != 1) return "errors: " + std::to_string(errors.size());
  return errors[0].field + ":" + errors[0].code;
}

TEST(MemberPatch, CleansAndAssignsEveryField) {
  Member member;
  const auto errors = patch_into(member, chibo::testing::valid_member_patch(42));
  ASSERT_TRUE(errors.empty()) << errors[0].field << " " << errors[0].code;
  EXPECT_EQ(member.full_name, "Nguyễn Văn An");
  EXPECT_EQ(member.org_id, OrgId(42));
  EXPECT_EQ(member.birth_date->iso(), "1980-05-17");
  EXPECT_EQ(member.status, "official");
}

TEST(MemberPatch, AcceptsCodesOrNamesForCatalogFields) {
  Member member;
  ASSERT_TRUE(patch_into(member, {{"sex", "Nữ"},
                                  {"ethnicity", "kinh"},
                                  {"religion", "Phật giáo"},
                                  {"status", "Đảng viên dự bị"},
                                  {"political_theory", "cao cap"}})
                  .empty());
  EXPECT_EQ(member.sex, "female");
  EXPECT_EQ(member.ethnicity, "01");
  EXPECT_EQ(member.religion, "buddhism");
  EXPECT_EQ(member.status, "probationary");
  EXPECT_EQ(member.political_theory, "advanced");
}

TEST(MemberPatch, NamesEachProblemByField) {
  EXPECT_EQ(only_error({{"citizen_id", "00108001234A"}}), "citizen_id:cccd_format");
  EXPECT_EQ(only_error({{"citizen_id", "00108001234"}}), "citizen_id:cccd_format");
  EXPECT_EQ(only_error({{"citizen_id", "0010800123456"}}), "citizen_id:cccd_format");
  EXPECT_EQ(only_error({{"birth_date", "2024-02-30"}}), "birth_date:invalid_date");
  EXPECT_EQ(only_error({{"birth_date", "30/04/1975"}}), "birth_date:invalid_date");
  EXPECT_EQ(only_error({{"full_name", std::string(101, 'a')}}), "full_name:too_long");
  EXPECT_EQ(only_error({{"full_name", "Nguyễn Văn 2"}}), "full_name:name_charset");
  EXPECT_EQ(only_error({{"full_name", "An\xC3\x28"}}), "full_name:invalid_utf8");
  EXPECT_EQ(only_error({{"work_unit", "Vụ\x07"}}), "work_unit:control_character");
  EXPECT_EQ(only_error({{"sex", "unknown"}}), "sex:unknown_code");
  EXPECT_EQ(only_error({{"ethnicity", "99"}}), "ethnicity:unknown_code");
  EXPECT_EQ(only_error({{"phone", "12345"}}), "phone:phone_format");
  EXPECT_EQ(only_error({{"email", "an@"}}), "email:email_format");
  EXPECT_EQ(only_error({{"general_education", "13/12"}}), "general_education:education_format");
  EXPECT_EQ(only_error({{"party_card_no", "AB 12"}}), "party_card_no:card_charset");
  EXPECT_EQ(only_error({{"org_id", "12x"}}), "org_id:invalid_id");
  EXPECT_EQ(only_error({{"nickname", "x"}}), "nickname:unknown_field");
}

TEST(MemberPatch, NormalizesPhonesCardsAndCitizenIds) {
  Member member;
  ASSERT_TRUE(patch_into(member, {{"phone", "+84 912.345.678"},
                                  {"party_card_no", "ab-123"},
                                  {"citizen_id", "001 080 012345"}})
                  .empty());
  EXPECT_EQ(member.phone, "0912345678");
  EXPECT_EQ(member.party_card_no, "AB-123");
  EXPECT_EQ(member.citizen_id, "001080012345");
}

TEST(MemberPatch, NullClearsAField) {
  Member member;
  member.phone = "0912345678";
  member.official_date = chibo::testing::date("2006-03-02");
  ASSERT_TRUE(
      patch_into(member, {{"phone", std::nullopt}, {"official_date", std::nullopt}}).empty());
  EXPECT_TRUE(member.phone.empty());
  EXPECT_FALSE(member.official_date);
}

TEST(MemberPatch, AliasesSplitOnSemicolons) {
  Member member;
  ASSERT_TRUE(patch_into(member, {{"aliases", " Ba Tư ;  Anh Hai;"}}).empty());
  EXPECT_EQ(member.aliases, (std::vector<std::string>{"Ba Tư", "Anh Hai"}));
  EXPECT_EQ(member_field_text(member, *find_member_field("aliases")), "Ba Tư; Anh Hai");
}

TEST(MemberDiff, ListsChangedFieldsWithBeforeAndAfter) {
  Member before;
  ASSERT_TRUE(patch_into(before, chibo::testing::valid_member_patch(42)).empty());
  Member after = before;
  ASSERT_TRUE(patch_into(after, {{"phone", "0912345678"}, {"full_name", "Nguyễn Văn Ân"}}).empty());
  const auto changes = diff_members(before, after);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].field, "full_name");
  EXPECT_EQ(changes[0].before, "Nguyễn Văn An");
  EXPECT_EQ(changes[0].after, "Nguyễn Văn Ân");
  EXPECT_EQ(changes[1].field, "phone");
  EXPECT_EQ(changes[1].before, "");
  EXPECT_TRUE(diff_members(after, after).empty());
}

}  // namespace
}  // namespace chibo::domain
