#include "domain/lifecycle/exits.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

Member leaving_member(const char* status) {
  Member member;
  member.id = MemberId(5);
  member.status = status;
  member.admission_date = date("2010-05-01");
  return member;
}

ExitRequest request(const char* status, const char* ground) {
  return {status, date("2026-11-20"), ground, {"31-QĐ/ĐU", "Đảng ủy Bộ Y tế"}, ""};
}

std::vector<FieldError> check(const Member& member, const ExitRequest& exit) {
  return check_exit(member, exit, chibo::testing::catalog(), chibo::testing::rules(),
                    date("2026-12-02"));
}

TEST(Exits, RemovalNeedsAGroundOfItsOwnKindAndADecision) {
  Member member = leaving_member("official");
  EXPECT_TRUE(check(member, request("removed", "no_progress_after_help")).empty());
  EXPECT_TRUE(testing::has_error(check(member, request("removed", "resigned")), "ground",
                                 "exit_ground_mismatch"));
  EXPECT_TRUE(testing::has_error(check(member, request("removed", "")), "ground", "required"));
  EXPECT_TRUE(
      testing::has_error(check(member, request("removed", "bored")), "ground", "unknown_code"));
  ExitRequest unsigned_exit = request("left", "resigned");
  unsigned_exit.document = {};
  auto errors = check(member, unsigned_exit);
  EXPECT_TRUE(testing::has_error(errors, "document.number", "required"));
  EXPECT_TRUE(testing::has_error(errors, "document.authority", "required"));
  ExitRequest death = request("deceased", "deceased");
  death.document = {};
  EXPECT_TRUE(check(member, death).empty());
  EXPECT_TRUE(testing::has_error(check(member, request("not_recognized", "not_recognized")),
                                 "status", "unknown_code"));
  apply_exit(member, death);
  EXPECT_EQ(member.status, "deceased");
  EXPECT_EQ(member.exit_date, date("2026-11-20"));
  EXPECT_TRUE(testing::has_error(check(member, request("removed", "no_progress_after_help")),
                                 "status", "member_not_on_roll"));
}

TEST(Exits, AProbationaryMemberIsNotExpelled) {
  auto errors = check(leaving_member("probationary"), request("expelled", "discipline"));
  ASSERT_TRUE(testing::has_error(errors, "status", "probationary_not_expelled"));
  EXPECT_NE(errors[0].params[2].second.find("Điều 35"), std::string::npos);
  EXPECT_TRUE(check(leaving_member("official"), request("expelled", "discipline")).empty());
}

TEST(Exits, ExemptionForOfficialMembersAndBack) {
  Member member = leaving_member("official");
  ExemptionRequest start{true, date("2026-11-01"), {"05-QĐ/CB", "Chi bộ"}, "Tuổi cao"};
  EXPECT_TRUE(check_exemption(member, start, chibo::testing::rules(), date("2026-12-02")).empty());
  apply_exemption(member, start);
  EXPECT_EQ(member.status, "exempted");
  EXPECT_TRUE(testing::has_error(
      check_exemption(member, start, chibo::testing::rules(), date("2026-12-02")), "action",
      "already_exempted"));
  ExemptionRequest back{false, date("2026-12-01"), {"09-QĐ/CB", "Chi bộ"}, ""};
  EXPECT_TRUE(check_exemption(member, back, chibo::testing::rules(), date("2026-12-02")).empty());
  apply_exemption(member, back);
  EXPECT_EQ(member.status, "official");
  EXPECT_TRUE(testing::has_error(check_exemption(leaving_member("probationary"), start,
                                                 chibo::testing::rules(), date("2026-12-02")),
                                 "action", "exemption_for_official"));
}

}  // namespace
}  // namespace chibo::domain
