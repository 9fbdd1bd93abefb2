#include <gtest/gtest.h>

#include "domain/meetings/attendance.h"
#include "domain/meetings/meeting_state.h"
#include "domain/meetings/removal.h"
#include "domain/meetings/schedule.h"
#include "domain/meetings/votes.h"
#include "testing/fixtures.h"

namespace chibo::domain::meetings {
namespace {

using chibo::testing::date;
using chibo::testing::rules;

std::vector<AttendanceLine> lines(int present, int excused, int unexcused, int exempt = 0,
                                  int special = 0) {
  std::vector<AttendanceLine> out;
  int64_t id = 1;
  for (int i = 0; i < present; ++i) out.push_back({MemberId(id++), std::string(kPresent)});
  for (int i = 0; i < excused; ++i) out.push_back({MemberId(id++), std::string(kAbsentExcused)});
  for (int i = 0; i < unexcused; ++i)
    out.push_back({MemberId(id++), std::string(kAbsentUnexcused)});
  for (int i = 0; i < exempt; ++i) out.push_back({MemberId(id++), std::string(kPresent), true});
  for (int i = 0; i < special; ++i) out.push_back({MemberId(id++), std::string(kSpecialDuty)});
  return out;
}

TEST(MeetingAttendance, EightyFivePercentExactlyIsNotAbove) {
  // 17 of 20 = 85 %: "trên 85 %" is not met; 18 of 20 = 90 % is.
  const Date on = date("2026-03-05");
  MeetingQuality at85 = meeting_quality(lines(17, 3, 0), {}, on, rules());
  EXPECT_EQ(at85.tally.counted, 20);
  EXPECT_EQ(at85.tally.permille(), 850);
  EXPECT_FALSE(at85.attendance_ok);
  EXPECT_FALSE(at85.meets());
  MeetingQuality at90 = meeting_quality(lines(18, 2, 0), {}, on, rules());
  EXPECT_TRUE(at90.attendance_ok);
  EXPECT_TRUE(at90.meets());
  // 35 of 41 = 85.37 %: just above.
  EXPECT_TRUE(meeting_quality(lines(35, 6, 0), {}, on, rules()).attendance_ok);
  // 34 of 40 = 85 % exactly again.
  EXPECT_FALSE(meeting_quality(lines(34, 6, 0), {}, on, rules()).attendance_ok);
}

TEST(MeetingAttendance, ExemptAndSpecialDutyAreNotCounted) {
  const Date on = date("2026-03-05");
  // 6 present of 7 counted (85.7 %); 3 exempted (present or not) and 2 on special duty not counted.
  MeetingQuality q = meeting_quality(lines(6, 1, 0, 3, 2), {}, on, rules());
  EXPECT_EQ(q.tally.counted, 7);
  EXPECT_EQ(q.tally.present, 6);
  EXPECT_TRUE(q.attendance_ok);
  // Nobody counted: not met.
  EXPECT_FALSE(meeting_quality(lines(0, 0, 0, 2, 1), {}, on, rules()).attendance_ok);
}

TEST(MeetingAttendance, OneUnexcusedAbsenceFailsTheMeeting) {
  MeetingQuality q = meeting_quality(lines(30, 0, 1), {}, date("2026-03-05"), rules());
  EXPECT_TRUE(q.attendance_ok);
  EXPECT_FALSE(q.no_unexcused);
  EXPECT_FALSE(q.meets());
}

TEST(MeetingAttendance, ThreeExcusedInARowPassFourFail) {
  const Date on = date("2026-04-05");
  std::vector<AttendanceLine> today = lines(19, 0, 0);
  today.push_back({MemberId(99), std::string(kAbsentExcused)});
  std::map<MemberId, std::vector<std::string>> history;
  history[MemberId(99)] = {"present", "absent_excused", "absent_excused"};
  MeetingQuality third = meeting_quality(today, history, on, rules());
  EXPECT_TRUE(third.long_excused.empty());  // 3 in a row: allowed
  EXPECT_TRUE(third.meets());
  history[MemberId(99)] = {"absent_excused", "absent_excused", "absent_excused"};
  MeetingQuality fourth = meeting_quality(today, history, on, rules());
  ASSERT_EQ(fourth.long_excused.size(), 1u);  // 4 in a row: more than 3
  EXPECT_EQ(fourth.long_excused[0].member, MemberId(99));
  EXPECT_EQ(fourth.long_excused[0].streak, 4);
  EXPECT_FALSE(fourth.meets());
  // A presence in between breaks the run.
  history[MemberId(99)] = {"absent_excused", "absent_excused", "present", "absent_excused"};
  EXPECT_TRUE(meeting_quality(today, history, on, rules()).long_excused.empty());
  EXPECT_EQ(longest_excused_run({"absent_excused", "absent_excused", "present", "absent_excused",
                                 "absent_excused", "absent_excused", "absent_excused"}),
            4);
  EXPECT_EQ(longest_excused_run({}), 0);
}

TEST(MeetingSchedule, PeriodsAndQuarters) {
  const auto quarters = periods_of(2026, 3);
  ASSERT_EQ(quarters.size(), 4u);
  EXPECT_EQ(quarters[3].first, Month::of(2026, 10));
  EXPECT_EQ(quarters[3].last, Month::of(2026, 12));
  EXPECT_EQ(period_of(Month::of(2026, 6), 3).index, 2);
  EXPECT_EQ(period_of(Month::of(2026, 7), 3).index, 3);
  EXPECT_EQ(periods_of(2026, 1).size(), 12u);
}

TEST(MeetingSchedule, MonthIsOwedOnceOverAndMissingWithoutAHeldRegularMeeting) {
  std::vector<HeldMeeting> held = {{date("2026-01-31"), "regular"},
                                   {date("2026-02-01"), "thematic"},
                                   {date("2026-03-10"), "regular"}};
  // On 31 March, March is not over: owed January and February only.
  Expectations e = expectations(2026, date("2026-03-31"), std::nullopt, held, rules());
  ASSERT_EQ(e.owed_regular.size(), 2u);
  ASSERT_EQ(e.missing_regular.size(), 1u);  // February had only a thematic meeting
  EXPECT_EQ(e.missing_regular[0].first, Month::of(2026, 2));
  EXPECT_TRUE(e.owed_thematic.empty());  // the first quarter is not over
  // On 1 April, March is owed (held) and the first quarter is owed (held in February).
  e = expectations(2026, date("2026-04-01"), std::nullopt, held, rules());
  EXPECT_EQ(e.owed_regular.size(), 3u);
  EXPECT_EQ(e.missing_regular.size(), 1u);
  ASSERT_EQ(e.owed_thematic.size(), 1u);
  EXPECT_TRUE(e.missing_thematic.empty());
}

TEST(MeetingSchedule, YearEdges) {
  // A meeting on 31 December counts for December, not for January of the next year.
  std::vector<HeldMeeting> held = {{date("2025-12-31"), "regular"}};
  Expectations e2025 = expectations(2025, date("2026-01-01"), std::nullopt, held, rules());
  EXPECT_EQ(e2025.owed_regular.size(), 12u);
  EXPECT_EQ(e2025.missing_regular.size(), 11u);
  EXPECT_EQ(e2025.owed_thematic.size(), 4u);
  EXPECT_EQ(e2025.missing_thematic.size(), 4u);
  Expectations e2026 = expectations(2026, date("2026-02-01"), std::nullopt, held, rules());
  ASSERT_EQ(e2026.missing_regular.size(), 1u);
  EXPECT_EQ(e2026.missing_regular[0].first, Month::of(2026, 1));
  // A cell established on 15 March 2026 owes from March.
  Expectations young = expectations(2026, date("2026-05-01"), date("2026-03-15"), {}, rules());
  EXPECT_EQ(young.owed_regular.size(), 2u);
}

TEST(MeetingVotes, CountedAgainstAllEntitled) {
  const RuleParameter* share =
      rules().in_force("meetings.resolution_vote_share", date("2026-03-05"));
  ASSERT_NE(share, nullptr);
  // 10 entitled: 5 in favour is half, not more than half; 6 passes even if only 7 present.
  EXPECT_FALSE(resolution_passes({5, 0, 0, 10}, *share));
  EXPECT_TRUE(resolution_passes({6, 1, 0, 10}, *share));
  EXPECT_FALSE(resolution_passes({0, 0, 0, 0}, *share));
  std::vector<FieldError> errors;
  check_vote_count({6, 3, 2, 10}, "votes[0]", errors);
  EXPECT_TRUE(chibo::testing::has_error(errors, "votes[0].in_favour", "votes_exceed_entitled"));
  errors.clear();
  check_vote_count({6, 3, 1, 10}, "votes[0]", errors);
  EXPECT_TRUE(errors.empty());
  check_vote_count({-1, 0, 0, 10}, "votes[0]", errors);
  EXPECT_TRUE(chibo::testing::has_error(errors, "votes[0].in_favour", "out_of_range"));
}

TEST(MeetingRemoval, ThreeDistinctMonthsInTheYear) {
  const Date as_of = date("2026-12-31");
  // Two absences in March count once.
  UnexcusedYear two = unexcused_in_year(
      {date("2026-03-02"), date("2026-03-20"), date("2026-05-05")}, 2026, as_of, rules());
  EXPECT_EQ(two.months.size(), 2u);
  EXPECT_FALSE(two.listed());
  UnexcusedYear three = unexcused_in_year(
      {date("2026-03-02"), date("2026-05-05"), date("2026-12-31")}, 2026, as_of, rules());
  EXPECT_EQ(three.months.size(), 3u);
  EXPECT_TRUE(three.listed());
  EXPECT_EQ(three.rule.value, 3);
  EXPECT_FALSE(three.rule.source.empty());
  // Year edges: 31 Dec 2025 and 1 Jan 2027 are other years.
  UnexcusedYear edges = unexcused_in_year(
      {date("2025-12-31"), date("2026-01-01"), date("2026-02-01"), date("2027-01-01")}, 2026,
      date("2027-06-01"), rules());
  EXPECT_EQ(edges.months.size(), 2u);
  EXPECT_FALSE(edges.listed());
}

TEST(MeetingState, LockOnApprovalAndNoFutureHeld) {
  const Date today = date("2026-03-05");
  EXPECT_TRUE(check_record("scheduled", today, today));
  Status future = check_record("scheduled", date("2026-03-06"), today);
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().code, ErrorCode::kInvalid);
  Status locked = check_record("approved", today, today);
  ASSERT_FALSE(locked);
  EXPECT_EQ(locked.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(check_approve("scheduled"));
  EXPECT_TRUE(check_approve("held"));
  EXPECT_FALSE(check_approve("approved"));
  EXPECT_FALSE(check_amend("held"));
  EXPECT_TRUE(check_amend("approved"));
  EXPECT_TRUE(check_notice("scheduled", today, today));
  EXPECT_FALSE(check_notice("scheduled", date("2026-03-04"), today));
  EXPECT_FALSE(check_notice("held", today, today));
}

}  // namespace
}  // namespace chibo::domain::meetings
