#include "domain/followup/reminder_ladder.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

ReminderLadder calendar_ladder() {
  ReminderLadder ladder;
  ladder.steps = {{-7, false}, {0, false}, {3, false}, {7, true}};
  return ladder;
}

std::vector<std::string> codes(const Result<std::vector<ReminderStep>>& steps) {
  std::vector<std::string> out;
  if (!steps) return {"error:" + steps.error().reason};
  for (const ReminderStep& step : *steps) out.push_back(step.code());
  return out;
}

using Codes = std::vector<std::string>;

TEST(ReminderLadder, ComesFromTheShippedRules) {
  auto ladder = reminder_ladder(chibo::testing::rules(), date("2026-12-06"));
  ASSERT_TRUE(ladder) << ladder.error().reason;
  ASSERT_EQ(ladder->steps.size(), 4u);
  EXPECT_EQ(ladder->steps[0].code(), "d-7");
  EXPECT_EQ(ladder->steps[1].code(), "d0");
  EXPECT_EQ(ladder->steps[2].code(), "d+3");
  EXPECT_EQ(ladder->steps[3].code(), "escalate+7");
  EXPECT_TRUE(ladder->steps[3].escalate);
  EXPECT_FALSE(ladder->working_days);
  EXPECT_EQ(ladder->steps[0].kind(), "reminder");
  EXPECT_EQ(ladder->steps[1].kind(), "due_today");
  EXPECT_EQ(ladder->steps[2].kind(), "overdue");
  EXPECT_EQ(ladder->steps[3].kind(), "escalation");
}

TEST(ReminderLadder, RefusesOffsetsThatDoNotIncrease) {
  std::vector<RuleParameter> parameters = {
      {"followup.reminder_days", 0, date("2020-01-01"), "s", "", {0, -7}},
      {"followup.escalation_days", 7, date("2020-01-01"), "s", "", {}},
      {"followup.working_days", 0, date("2020-01-01"), "s", "", {}}};
  auto rules = RuleSet::build(parameters, {});
  ASSERT_TRUE(rules);
  EXPECT_FALSE(reminder_ladder(*rules, date("2026-01-01")));
  EXPECT_FALSE(reminder_ladder(*rules, date("2019-12-31")));  // nothing in force yet
}

TEST(ReminderLadder, NothingBeforeTheFirstStep) {
  const auto& cal = chibo::testing::calendar();
  EXPECT_EQ(codes(steps_due(calendar_ladder(), date("2026-03-20"), date("2026-03-12"), {}, cal)),
            Codes{});
  EXPECT_EQ(codes(steps_due(calendar_ladder(), date("2026-03-20"), date("2026-03-13"), {}, cal)),
            Codes{"d-7"});
}

TEST(ReminderLadder, EachStepOnItsDayAcrossAMonthEnd) {
  const auto& cal = chibo::testing::calendar();
  const ReminderLadder ladder = calendar_ladder();
  const Date due = date("2026-03-02");  // 7 days before: 23/2 (2026 is not a leap year)
  EXPECT_EQ(codes(steps_due(ladder, due, date("2026-02-22"), {}, cal)), Codes{});
  EXPECT_EQ(codes(steps_due(ladder, due, date("2026-02-23"), {}, cal)), Codes{"d-7"});
  EXPECT_EQ(codes(steps_due(ladder, due, date("2026-02-28"), {"d-7"}, cal)), Codes{});
  EXPECT_EQ(codes(steps_due(ladder, due, date("2026-03-02"), {"d-7"}, cal)), Codes{"d0"});
  EXPECT_EQ(codes(steps_due(ladder, due, date("2026-03-05"), {"d-7", "d0"}, cal)), Codes{"d+3"});
  EXPECT_EQ(codes(steps_due(ladder, due, date("2026-03-08"), {"d-7", "d0", "d+3"}, cal)), Codes{});
  EXPECT_EQ(codes(steps_due(ladder, due, date("2026-03-09"), {"d-7", "d0", "d+3"}, cal)),
            Codes{"escalate+7"});
  EXPECT_EQ(
      codes(steps_due(ladder, due, date("2026-04-30"), {"d-7", "d0", "d+3", "escalate+7"}, cal)),
      Codes{});
  // A leap year: 7 days before 2024-03-02 is 2024-02-24.
  EXPECT_EQ(codes(steps_due(ladder, date("2024-03-02"), date("2024-02-24"), {}, cal)),
            Codes{"d-7"});
  EXPECT_EQ(codes(steps_due(ladder, date("2024-03-02"), date("2024-02-23"), {}, cal)), Codes{});
  // Across a year end: due 3/1, three days after is 6/1; 7 days before is 27/12.
  EXPECT_EQ(codes(steps_due(ladder, date("2027-01-03"), date("2026-12-27"), {}, cal)),
            Codes{"d-7"});
  EXPECT_EQ(codes(steps_due(ladder, date("2026-12-29"), date("2027-01-01"), {"d-7", "d0"}, cal)),
            Codes{"d+3"});
}

TEST(ReminderLadder, ALateStartSendsOnlyTheLatestStep) {
  const auto& cal = chibo::testing::calendar();
  // Assigned after its due day had passed: no "due in 7 days", only the overdue reminder.
  EXPECT_EQ(codes(steps_due(calendar_ladder(), date("2026-03-02"), date("2026-03-06"), {}, cal)),
            Codes{"d+3"});
  // A step sent later than the latest due one (rules changed): nothing more.
  EXPECT_EQ(codes(steps_due(calendar_ladder(), date("2026-03-02"), date("2026-03-06"),
                            {"escalate+7"}, cal)),
            Codes{});
}

TEST(ReminderLadder, WorkingDaysSkipWeekendsAndHolidays) {
  const auto& cal = chibo::testing::calendar();
  ReminderLadder ladder = calendar_ladder();
  ladder.working_days = true;
  // Due Monday 2026-03-02. Counting seven working days back skips the weekends and the Tết
  // holiday of February 2026, so the step falls before 23/2 (seven calendar days).
  auto before = step_date(ladder, ladder.steps[0], date("2026-03-02"), cal);
  ASSERT_TRUE(before) << before.error().reason;
  EXPECT_FALSE(cal.is_working_day(date("2026-02-17")));  // Tết 2026 (the premise)
  Date expected = date("2026-03-02");
  for (int left = 7; left > 0;) {
    expected = expected.add_days(-1);
    if (cal.is_working_day(expected)) --left;
  }
  EXPECT_EQ(*before, expected);
  EXPECT_LT(*before, date("2026-02-23"));  // further back than 7 calendar days
  // Three working days after Friday 2026-05-01 (a holiday itself): Mon 4, Tue 5, Wed 6/5.
  auto after = step_date(ladder, ladder.steps[2], date("2026-04-30"), cal);
  ASSERT_TRUE(after);
  EXPECT_EQ(*after, *cal.add_working_days(date("2026-04-30"), 3));
  EXPECT_GT(*after, date("2026-05-03"));
  // The due day stays the due day, even on a Sunday.
  EXPECT_EQ(*step_date(ladder, ladder.steps[1], date("2026-03-01"), cal), date("2026-03-01"));
  // Saturday and Sunday 7/8 March are no working days: the d+3 of Thursday 5/3 is Tuesday 10/3.
  EXPECT_EQ(codes(steps_due(ladder, date("2026-03-05"), date("2026-03-09"), {"d-7", "d0"}, cal)),
            Codes{});
  EXPECT_EQ(codes(steps_due(ladder, date("2026-03-05"), date("2026-03-10"), {"d-7", "d0"}, cal)),
            Codes{"d+3"});
}

}  // namespace
}  // namespace chibo::domain
