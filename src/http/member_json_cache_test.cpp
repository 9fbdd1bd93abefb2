#include "http/member_json_cache.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace chibo::http {
namespace {

domain::Member sample() {
  domain::Member member;
  member.id = MemberId(7);
  member.version = 1;
  member.full_name = "Nguyễn Văn An";
  member.birth_date = Date::parse("1980-05-17");
  return member;
}

TEST(MemberJsonCache, ReusesTextUntilVersionOrganizationOrDayChanges) {
  MemberJsonCache cache;
  domain::Member member = sample();
  const Date today = *Date::parse("2026-11-29");
  auto first = cache.get(member, "Chi bộ A", today);
  EXPECT_EQ(cache.get(member, "Chi bộ A", today), first);  // the same text, not re-rendered
  EXPECT_EQ(nlohmann::json::parse(*first)["age"], 46);

  member.version = 2;
  member.full_name = "Nguyễn Văn Ân";
  auto changed = cache.get(member, "Chi bộ A", today);
  EXPECT_NE(changed, first);
  EXPECT_EQ(nlohmann::json::parse(*changed)["full_name"], "Nguyễn Văn Ân");

  auto renamed = cache.get(member, "Chi bộ B", today);
  EXPECT_EQ(nlohmann::json::parse(*renamed)["org_name"], "Chi bộ B");

  auto birthday = cache.get(member, "Chi bộ B", *Date::parse("2027-05-17"));
  EXPECT_EQ(nlohmann::json::parse(*birthday)["age"], 47);
}

}  // namespace
}  // namespace chibo::http
