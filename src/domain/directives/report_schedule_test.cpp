#include "domain/directives/report_schedule.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

WorkingCalendar schedule_calendar() {
  auto built = WorkingCalendar::build({{date("2027-04-30"), false, "Giải phóng miền Nam", "s"},
                                       {date("2027-05-03"), false, "Quốc tế lao động (bù)", "s"}},
                                      {}, {2026, 2027, 2028});
  EXPECT_TRUE(built);
  return *built;
}

std::vector<std::string> period_keys(const std::vector<ReportPeriod>& periods) {
  std::vector<std::string> out;
  for (const ReportPeriod& p : periods) out.push_back(p.key);
  return out;
}

TEST(ReportSchedule, QuarterlyPeriodsFromTheDirectiveToTheDueDateThenTheFinalReport) {
  auto periods = report_periods({ReportCadence::kQuarterly, std::nullopt}, date("2026-11-20"),
                                date("2027-12-31"), {15, false}, schedule_calendar());
  ASSERT_TRUE(periods);
  EXPECT_EQ(period_keys(*periods),
            (std::vector<std::string>{"2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3", "final"}));
  // The first period starts on the directive's date; each report is due 15 days after the end.
  EXPECT_EQ((*periods)[0].starts_on, date("2026-11-20"));
  EXPECT_EQ((*periods)[0].ends_on, date("2026-12-31"));
  EXPECT_EQ((*periods)[0].due_on, date("2027-01-15"));
  EXPECT_EQ((*periods)[1].starts_on, date("2027-01-01"));
  EXPECT_EQ((*periods)[1].ends_on, date("2027-03-31"));
  EXPECT_EQ((*periods)[1].due_on, date("2027-04-15"));
  // 2027-Q4 ends on the task's due date: the final report (tổng kết) covers it.
  EXPECT_EQ(periods->back().due_on, date("2027-12-31"));
}

TEST(ReportSchedule, APeriodEndingTheDayBeforeTheDueDateIsKeptAndItsDueDateClipped) {
  auto periods = report_periods({ReportCadence::kHalfYearly, std::nullopt}, date("2027-01-01"),
                                date("2027-07-01"), {15, false}, schedule_calendar());
  ASSERT_TRUE(periods);
  EXPECT_EQ(period_keys(*periods), (std::vector<std::string>{"2027-H1", "final"}));
  EXPECT_EQ((*periods)[0].due_on, date("2027-07-01"));  // not after the final report
  auto none = report_periods({ReportCadence::kHalfYearly, std::nullopt}, date("2027-01-01"),
                             date("2027-06-30"), {15, false}, schedule_calendar());
  ASSERT_TRUE(none);
  EXPECT_EQ(period_keys(*none), (std::vector<std::string>{"final"}));
}

TEST(ReportSchedule, YearlyAndAnEarlierFinalReport) {
  auto periods = report_periods({ReportCadence::kYearly, date("2028-11-30")}, date("2026-03-02"),
                                date("2028-12-31"), {15, false}, schedule_calendar());
  ASSERT_TRUE(periods);
  EXPECT_EQ(period_keys(*periods), (std::vector<std::string>{"2026", "2027", "final"}));
  EXPECT_EQ(periods->back().due_on, date("2028-11-30"));
}

TEST(ReportSchedule, TheAssignmentIsDueWhenTheFinalReportIs) {
  const Date task_due = date("2028-12-31");
  EXPECT_EQ(final_report_due(std::nullopt, task_due), task_due);
  EXPECT_EQ(final_report_due(ReportSchedule{ReportCadence::kYearly, std::nullopt}, task_due),
            task_due);
  EXPECT_EQ(final_report_due(ReportSchedule{ReportCadence::kYearly, date("2028-11-30")}, task_due),
            date("2028-11-30"));
  // A final date after the task's (refused on input) never extends the task.
  EXPECT_EQ(final_report_due(ReportSchedule{ReportCadence::kYearly, date("2029-01-15")}, task_due),
            task_due);
}

TEST(ReportSchedule, WorkingDaysSkipWeekendsAndHolidays) {
  // Q1 2027 ends Wednesday 31 March; 20 working days: April has 30/4 off, and weekends.
  auto periods = report_periods({ReportCadence::kQuarterly, std::nullopt}, date("2027-01-04"),
                                date("2027-12-31"), {20, true}, schedule_calendar());
  ASSERT_TRUE(periods);
  EXPECT_EQ((*periods)[0].due_on, date("2027-04-28"));
  auto missing = report_periods({ReportCadence::kQuarterly, std::nullopt}, date("2028-10-01"),
                                date("2029-06-30"), {20, true}, schedule_calendar());
  EXPECT_FALSE(missing);  // 2029 is not in the calendar
}

TEST(ReportSchedule, RefusesAFinalReportAfterTheTaskOrBeforeTheDirective) {
  std::vector<FieldError> errors;
  check_report_schedule({ReportCadence::kQuarterly, date("2027-12-31")}, date("2027-01-01"),
                        date("2027-12-31"), "tasks[0].report_schedule", errors);
  EXPECT_TRUE(errors.empty());
  check_report_schedule({ReportCadence::kQuarterly, date("2028-01-01")}, date("2027-01-01"),
                        date("2027-12-31"), "tasks[0].report_schedule", errors);
  check_report_schedule({ReportCadence::kQuarterly, date("2026-12-31")}, date("2027-01-01"),
                        date("2027-12-31"), "tasks[1].report_schedule", errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "tasks[0].report_schedule.final_due_on");
  EXPECT_EQ(errors[0].code, "directive_final_after_due");
  EXPECT_EQ(errors[1].field, "tasks[1].report_schedule.final_due_on");
  EXPECT_EQ(errors[1].code, "before_issued_on");
}

TEST(ReportSchedule, CadenceCodes) {
  EXPECT_EQ(parse_report_cadence("half_yearly"), ReportCadence::kHalfYearly);
  EXPECT_FALSE(parse_report_cadence("monthly"));
  EXPECT_EQ(cadence_code(ReportCadence::kYearly), "yearly");
}

TEST(ReportSchedule, PeriodStates) {
  const ReportPeriod q1{"2027-Q1", date("2027-01-01"), date("2027-03-31"), date("2027-04-15")};
  EXPECT_EQ(period_state(q1, {}, date("2027-04-15")), PeriodState::kDue);
  EXPECT_EQ(period_state(q1, {}, date("2027-04-16")), PeriodState::kOverdue);
  EXPECT_EQ(period_state(q1, {{"2027-Q2", "accepted"}}, date("2027-04-16")), PeriodState::kOverdue);
  EXPECT_EQ(period_state(q1, {{"2027-Q1", "pending"}}, date("2027-05-01")), PeriodState::kReported);
  EXPECT_EQ(period_state(q1, {{"2027-Q1", "returned"}}, date("2027-04-01")),
            PeriodState::kReturned);
  EXPECT_EQ(period_state(q1, {{"2027-Q1", "returned"}}, date("2027-04-16")), PeriodState::kOverdue);
  EXPECT_EQ(period_state(q1, {{"2027-Q1", "pending"}, {"2027-Q1", "accepted"}}, date("2027-06-01")),
            PeriodState::kAccepted);
  EXPECT_EQ(period_state_code(PeriodState::kReturned), "returned");
}

TEST(ReportSchedule, DueRuleComesFromTheRules) {
  const RuleSet& rules = chibo::testing::rules();
  auto due = period_report_due(rules, date("2027-01-01"));
  ASSERT_TRUE(due);
  EXPECT_EQ(due->days, 15);
  EXPECT_FALSE(due->working_days);
}

}  // namespace
}  // namespace chibo::domain
