#include "domain/members/search_keys.h"

#include <gtest/gtest.h>

#include "domain/members/age_bands.h"

namespace chibo::domain {
namespace {

TEST(SearchKeys, EveryWordSuffixOfEveryName) {
  Member member;
  member.full_name = "Nguyễn Văn An";
  member.birth_name = "Nguyễn Văn Ân";
  member.aliases = {"Ba Tư"};
  const std::vector<std::string> expected = {"an", "ba tu", "nguyen van an", "tu", "van an"};
  EXPECT_EQ(member_search_keys(member), expected);  // sorted, duplicates ("an", ...) once
}

TEST(SearchKeys, AQueryMatchesAContiguousRunOfAMembersKeys) {
  // The count in storage relies on it: keys sharing a prefix are adjacent once sorted.
  Member member;
  member.full_name = "Nguyễn Văn Nguyên";
  const auto keys = member_search_keys(member);
  EXPECT_EQ(keys, (std::vector<std::string>{"nguyen", "nguyen van nguyen", "van nguyen"}));
}

TEST(AgeBands, FollowReportBands) {
  EXPECT_EQ(age_band(17), "under-18");
  EXPECT_EQ(age_band(18), "18-30");
  EXPECT_EQ(age_band(30), "18-30");
  EXPECT_EQ(age_band(31), "31-35");
  EXPECT_EQ(age_band(35), "31-35");
  EXPECT_EQ(age_band(36), "36-40");
  EXPECT_EQ(age_band(70), "66-70");
  EXPECT_EQ(age_band(71), "71+");
  for (int age = 0; age < 110; ++age) {
    const auto& codes = age_band_codes();
    EXPECT_NE(std::find(codes.begin(), codes.end(), age_band(age)), codes.end()) << age;
  }
}

}  // namespace
}  // namespace chibo::domain
