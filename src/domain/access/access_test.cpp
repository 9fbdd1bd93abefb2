#include "domain/access/access.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

const std::vector<Role>& roles() { return chibo::testing::catalog().roles; }
OrgPath path(const char* text) { return *OrgPath::parse(text); }

Principal user(std::vector<Grant> grants, std::optional<MemberId> member = std::nullopt) {
  Principal principal;
  principal.user_id = 9;
  principal.username = "u";
  principal.grants = std::move(grants);
  principal.member_id = member;
  return principal;
}

TEST(Access, RolesComeFromTheCatalog) {
  ASSERT_GE(roles().size(), 6u);
  const auto admin = std::find_if(roles().begin(), roles().end(),
                                  [](const Role& r) { return r.code == "administrator"; });
  ASSERT_NE(admin, roles().end());
  EXPECT_TRUE(admin->requires_totp);
  EXPECT_TRUE(admin->permissions.count(Permission::kUserManage));
  EXPECT_EQ(parse_permission("member.restricted.read"), Permission::kRestrictedRead);
  EXPECT_EQ(permission_code(Permission::kAuditRead), "audit.read");
  EXPECT_FALSE(parse_permission("member.delete"));
}

TEST(Access, ASubtreeGrantCoversItsDescendantsOnly) {
  const Reach reach_of =
      reach(user({{"office_staff", path("/1/2/")}}), Permission::kMemberWrite, roles());
  EXPECT_TRUE(reach_of.covers(path("/1/2/")));
  EXPECT_TRUE(reach_of.covers(path("/1/2/5/9/")));
  EXPECT_FALSE(reach_of.covers(path("/1/")));
  EXPECT_FALSE(reach_of.covers(path("/1/20/")));
  EXPECT_FALSE(reach_of.covers(path("/1/3/")));
}

TEST(Access, DenyByDefault) {
  EXPECT_TRUE(reach(user({}), Permission::kMemberRead, roles()).none());
  EXPECT_TRUE(reach(user({{"leader", path("/1/")}}), Permission::kMemberWrite, roles()).none());
  EXPECT_TRUE(reach(user({{"no_such_role", std::nullopt}}), Permission::kOrgRead, roles()).none());
  EXPECT_TRUE(
      reach(user({{"office_staff", path("/1/")}}), Permission::kRestrictedRead, roles()).none());
}

TEST(Access, GrantsUniteAndNestedOnesCollapse) {
  const Reach reach_of = reach(user({{"leader", path("/1/2/5/")},
                                     {"office_staff", path("/1/2/")},
                                     {"inspection", path("/1/3/")}}),
                               Permission::kMemberRead, roles());
  ASSERT_EQ(reach_of.subtrees.size(), 2u);
  EXPECT_TRUE(reach_of.covers(path("/1/3/7/")));
  EXPECT_TRUE(reach_of.covers(path("/1/2/5/")));
  EXPECT_FALSE(reach_of.everything);
  EXPECT_TRUE(
      reach(user({{"administrator", std::nullopt}}), Permission::kOrgWrite, roles()).everything);
  EXPECT_TRUE(
      reach(Principal::system_operator("cli"), Permission::kUserManage, roles()).everything);
}

TEST(Access, AMemberSeesOnlyTheirOwnRecord) {
  const Reach reach_of =
      reach(user({{"member", path("/1/2/")}}, MemberId(42)), Permission::kMemberRead, roles());
  EXPECT_FALSE(reach_of.covers(path("/1/2/")));
  EXPECT_TRUE(reach_of.covers_member(MemberId(42), path("/1/2/")));
  EXPECT_FALSE(reach_of.covers_member(MemberId(43), path("/1/2/")));
  EXPECT_TRUE(
      reach(user({{"member", path("/1/2/")}}, MemberId(42)), Permission::kOrgRead, roles()).none());
}

TEST(Access, SecondFactorFollowsTheRoles) {
  EXPECT_TRUE(
      requires_totp(user({{"leader", path("/1/")}, {"administrator", path("/1/2/")}}), roles()));
  EXPECT_FALSE(requires_totp(user({{"office_staff", path("/1/")}}), roles()));
}

}  // namespace
}  // namespace chibo::domain
