#include "domain/lifecycle/probation.h"

#include <gtest/gtest.h>

#include "domain/members/member_rules.h"
#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

Member probationary(const char* decision, const char* ceremony) {
  Member member;
  member.id = MemberId(3);
  member.status = "probationary";
  member.admission_date = date(decision);
  if (ceremony) member.ceremony_date = date(ceremony);
  derive_member_facts(member, chibo::testing::rules(), {});
  return member;
}

RecognitionRecord cell_resolution(const char* on, Vote vote = {8, 0, 9}) {
  RecognitionRecord record;
  record.step = RecognitionStep::kCellResolution;
  record.on = date(on);
  record.document = {"07-NQ/CB", "Chi bộ Vụ Pháp chế"};
  record.vote = vote;
  return record;
}

RecognitionRecord decision(const char* on, bool recognized = true) {
  RecognitionRecord record;
  record.step = RecognitionStep::kDecision;
  record.on = date(on);
  record.document = {"112-QĐ/ĐU", "Đảng ủy Bộ Tư pháp"};
  record.recognized = recognized;
  return record;
}

TEST(Probation, TwelveMonthsFromTheCeremony) {
  EXPECT_EQ(probationary("2025-03-01", "2025-03-20").probation_ends_on, date("2026-03-20"));
  // A ceremony on 29 February: probation ends on 28 February of the next year.
  EXPECT_EQ(probationary("2024-02-20", "2024-02-29").probation_ends_on, date("2025-02-28"));
  // Without a recorded ceremony, counted from the decision (and shown as such).
  const Member unknown = probationary("2025-05-05", nullptr);
  EXPECT_EQ(unknown.probation_ends_on, date("2026-05-05"));
  auto view = probation_view(unknown, false, chibo::testing::rules(), chibo::testing::calendar(),
                             date("2026-04-05"));
  ASSERT_TRUE(view);
  EXPECT_FALSE(view->ceremony_known);
  EXPECT_EQ(view->days_to_end, 30);
}

TEST(Probation, OverdueMoreThan30WorkingDaysAfterTheEnd) {
  // Ends 2024-02-21; the 30 working days after it count Thursday 29 February 2024.
  const Member member = probationary("2023-02-10", "2023-02-21");
  const auto& rules = chibo::testing::rules();
  const auto& calendar = chibo::testing::calendar();
  auto view = probation_view(member, false, rules, calendar, date("2024-04-03"));
  ASSERT_TRUE(view);
  EXPECT_EQ(view->ends_on, date("2024-02-21"));
  EXPECT_EQ(view->consider_by, date("2024-04-03"));
  EXPECT_FALSE(view->overdue);
  EXPECT_TRUE(probation_view(member, false, rules, calendar, date("2024-04-04"))->overdue);
  EXPECT_FALSE(probation_view(member, true, rules, calendar, date("2024-04-04"))->overdue);
  Member official = member;
  official.status = "official";
  EXPECT_FALSE(probation_view(official, false, rules, calendar, date("2024-04-04")));
}

TEST(Probation, TheCellConsidersOnlyAfterTheEnd) {
  const Member member = probationary("2025-03-01", "2025-03-20");
  const auto& rules = chibo::testing::rules();
  const auto& calendar = chibo::testing::calendar();
  auto errors = check_recognition(member, std::nullopt, cell_resolution("2026-03-19"), rules,
                                  calendar, date("2026-12-02"));
  ASSERT_TRUE(testing::has_error(errors, "on", "probation_not_ended"));
  EXPECT_TRUE(check_recognition(member, std::nullopt, cell_resolution("2026-03-20"), rules,
                                calendar, date("2026-12-02"))
                  .empty());
  EXPECT_TRUE(testing::has_error(
      check_recognition(member, std::nullopt, cell_resolution("2026-03-20", {5, 0, 9}), rules,
                        calendar, date("2026-12-02")),
      "vote.in_favour", "vote_short"));
  EXPECT_TRUE(testing::has_error(check_recognition(member, std::nullopt, decision("2026-04-01"),
                                                   rules, calendar, date("2026-12-02")),
                                 "step", "step_requires"));
}

TEST(Probation, OfficialFromTheExactEndHoweverLateTheDecision) {
  Member member = probationary("2025-03-01", "2025-03-20");
  const auto& rules = chibo::testing::rules();
  const auto& calendar = chibo::testing::calendar();
  const RecognitionRecord cell = cell_resolution("2026-06-15");  // late: past 30 working days
  RecognitionRecord late = decision("2026-11-30");  // past 60 working days of the resolution
  auto errors = check_recognition(member, cell, late, rules, calendar, date("2026-12-02"));
  ASSERT_TRUE(testing::has_error(errors, "note", "decision_late"));
  late.note = "Chờ kết luận kiểm tra";
  EXPECT_TRUE(check_recognition(member, cell, late, rules, calendar, date("2026-12-02")).empty());
  apply_recognition(member, late);
  EXPECT_EQ(member.status, "official");
  EXPECT_EQ(member.official_date, date("2026-03-20"));
  EXPECT_TRUE(
      testing::has_error(check_recognition(member, cell, late, rules, calendar, date("2026-12-02")),
                         "step", "not_probationary"));
}

TEST(Probation, NotRecognizedLeavesTheRoll) {
  Member member = probationary("2025-03-01", "2025-03-20");
  apply_recognition(member, decision("2026-04-10", false));
  EXPECT_EQ(member.status, "not_recognized");
  EXPECT_EQ(member.exit_date, date("2026-04-10"));
  EXPECT_EQ(member.exit_ground, "not_recognized");
  EXPECT_FALSE(member.official_date);
}

}  // namespace
}  // namespace chibo::domain
