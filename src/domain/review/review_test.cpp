#include <gtest/gtest.h>

#include "domain/review/eligibility.h"
#include "domain/review/grade.h"
#include "domain/review/order.h"
#include "domain/review/quota.h"
#include "domain/review/screening.h"
#include "domain/review/summary.h"
#include "testing/fixtures.h"

namespace chibo::domain::review {
namespace {

using chibo::testing::date;
using chibo::testing::rules;

const Date kReviewDay = date("2025-12-15");

GradeAnswer graded(GradeFacts facts) {
  std::optional<GradeAnswer> answer = grade_for(facts, kReviewDay, rules());
  EXPECT_TRUE(answer.has_value());
  return answer.value_or(GradeAnswer{});
}

Grade band_of(int score_tenths) { return graded({.score_tenths = score_tenths}).grade; }

TEST(ReviewGrade, CodesRoundTrip) {
  for (const char* code : {"not_completed", "completed", "good", "excellent"}) {
    ASSERT_TRUE(parse_grade(code));
    EXPECT_EQ(grade_code(*parse_grade(code)), code);
  }
  EXPECT_FALSE(parse_grade("Excellent"));
  EXPECT_FALSE(parse_grade(""));
  EXPECT_EQ(score_text(895), "89.5");
  EXPECT_EQ(score_text(900), "90");
}

TEST(ReviewGrade, BandsAtEveryBoundary) {
  EXPECT_EQ(band_of(1000), Grade::kExcellent);
  EXPECT_EQ(band_of(900), Grade::kExcellent);  // 90 is excellent
  EXPECT_EQ(band_of(899), Grade::kGood);
  EXPECT_EQ(band_of(895), Grade::kGood);  // 89.5 is good
  EXPECT_EQ(band_of(700), Grade::kGood);
  EXPECT_EQ(band_of(699), Grade::kCompleted);
  EXPECT_EQ(band_of(500), Grade::kCompleted);
  EXPECT_EQ(band_of(499), Grade::kNotCompleted);
  EXPECT_EQ(band_of(0), Grade::kNotCompleted);
}

TEST(ReviewGrade, NamesTheBandRuleAndItsSource) {
  const GradeAnswer answer = graded({.score_tenths = 895});
  ASSERT_FALSE(answer.rules.empty());
  EXPECT_EQ(answer.rules.front().key, "review.good_min_score_tenths");
  EXPECT_EQ(answer.rules.front().value, 700);
  EXPECT_NE(answer.rules.front().source.find("366-QĐ/TW"), std::string::npos);
  EXPECT_TRUE(answer.lowered_by.empty());
}

TEST(ReviewGrade, NoRuleBeforeTheScaleTookEffect) {
  EXPECT_FALSE(grade_for({.score_tenths = 950}, date("2025-08-29"), rules()));
  EXPECT_TRUE(grade_for({.score_tenths = 950}, date("2025-08-30"), rules()));
}

TEST(ReviewGrade, ExcellentNeedsItsExtraConditions) {
  // At least 30 % exceeded: 30 keeps excellent, 29 lowers to good.
  EXPECT_EQ(graded({.score_tenths = 950, .tasks_exceeded_pct = 30}).grade, Grade::kExcellent);
  const GradeAnswer short_of = graded({.score_tenths = 950, .tasks_exceeded_pct = 29});
  EXPECT_EQ(short_of.band, Grade::kExcellent);
  EXPECT_EQ(short_of.grade, Grade::kGood);
  ASSERT_EQ(short_of.lowered_by.size(), 1u);
  EXPECT_EQ(short_of.lowered_by[0], "excellent_needs_exceeded");
  EXPECT_EQ(short_of.rules.back().key, "review.excellent_min_exceeded_pct");
  // Every task on time: 99 % lowers excellent and good to completed.
  EXPECT_EQ(graded({.score_tenths = 950, .tasks_on_time_pct = 99}).grade, Grade::kCompleted);
  EXPECT_EQ(graded({.score_tenths = 800, .tasks_on_time_pct = 99}).grade, Grade::kCompleted);
  EXPECT_EQ(graded({.score_tenths = 800, .tasks_on_time_pct = 100}).grade, Grade::kGood);
  // Unknown figures do not lower.
  EXPECT_EQ(graded({.score_tenths = 950}).grade, Grade::kExcellent);
}

TEST(ReviewGrade, CollectivesLateTasksAndDisciplinedSubordinates) {
  GradeFacts unit{.score_tenths = 600, .collective = true, .tasks_late_pct = 20};
  EXPECT_EQ(graded(unit).grade, Grade::kCompleted);  // exactly 20 % late is still completed
  unit.tasks_late_pct = 21;
  EXPECT_EQ(graded(unit).grade, Grade::kNotCompleted);
  // The late share binds only collectives.
  EXPECT_EQ(graded({.score_tenths = 600, .tasks_late_pct = 50}).grade, Grade::kCompleted);
  GradeFacts top{.score_tenths = 950, .collective = true, .subordinate_disciplined = true};
  EXPECT_EQ(graded(top).grade, Grade::kGood);
  EXPECT_EQ(graded(top).lowered_by.front(), "subordinate_disciplined");
}

TEST(ReviewGrade, ADisciplineInTheYearMeansNotCompleted) {
  const GradeAnswer answer = graded({.score_tenths = 980, .disciplined_in_year = true});
  EXPECT_EQ(answer.band, Grade::kExcellent);
  EXPECT_EQ(answer.grade, Grade::kNotCompleted);
  EXPECT_EQ(answer.lowered_by.back(), "disciplined_in_year");
  EXPECT_EQ(answer.rules.back().key, "review.disciplined_max_grade");
}

TEST(ReviewEligibility, SixMonthsFromAdmissionToTheReviewDate) {
  EligibilityFacts facts{.status = "probationary", .admission_date = date("2025-06-15")};
  EXPECT_TRUE(eligibility(facts, kReviewDay, rules()).reviewed);  // exactly 6 months
  facts.admission_date = date("2025-06-14");                      // the day before
  EXPECT_TRUE(eligibility(facts, kReviewDay, rules()).reviewed);
  facts.admission_date = date("2025-06-16");  // the day after: 6 months less a day
  const Eligibility late = eligibility(facts, kReviewDay, rules());
  EXPECT_FALSE(late.reviewed);
  EXPECT_EQ(late.reason, "admitted_recently");
  EXPECT_EQ(late.reviewable_from, date("2025-12-16"));
  ASSERT_TRUE(late.rule);
  EXPECT_EQ(late.rule->key, "review.min_months_since_admission");
  EXPECT_NE(late.rule->source.find("124-QĐ/TW"), std::string::npos);
}

TEST(ReviewEligibility, ExemptedAndSuspendedAreNotReviewed) {
  EXPECT_EQ(
      eligibility({.status = "exempted", .admission_date = date("1990-01-01")}, kReviewDay, rules())
          .reason,
      "exempted");
  EXPECT_EQ(eligibility({.status = "official",
                         .admission_date = date("1990-01-01"),
                         .activities_suspended = true},
                        kReviewDay, rules())
                .reason,
            "activities_suspended");
  EXPECT_TRUE(eligibility({.status = "official"}, kReviewDay, rules()).reviewed);  // date unknown
}

TEST(ReviewQuota, ExactlyTwentyPercentOfThoseGradedGood) {
  EXPECT_TRUE(check_quota({.excellent = 2, .good_or_above = 10}, kReviewDay, rules()).within);
  const QuotaAnswer over = check_quota({.excellent = 3, .good_or_above = 10}, kReviewDay, rules());
  EXPECT_FALSE(over.within);
  EXPECT_EQ(over.allowed, 2);
  ASSERT_TRUE(over.rule);
  EXPECT_EQ(over.rule->key, "review.excellent_quota_pct");
  EXPECT_EQ(over.rule->value, 20);
  EXPECT_TRUE(check_quota({.excellent = 1, .good_or_above = 5}, kReviewDay, rules()).within);
  EXPECT_FALSE(check_quota({.excellent = 1, .good_or_above = 4}, kReviewDay, rules()).within);
  EXPECT_TRUE(check_quota({.excellent = 0, .good_or_above = 0}, kReviewDay, rules()).within);
  QuotaCount count;
  count_grade(count, Grade::kExcellent);
  count_grade(count, Grade::kGood);
  count_grade(count, Grade::kCompleted);
  EXPECT_EQ(count.excellent, 1);
  EXPECT_EQ(count.good_or_above, 2);
  count_grade(count, Grade::kExcellent, -1);
  EXPECT_EQ(count.excellent, 0);
  EXPECT_EQ(count.good_or_above, 1);
}

TEST(ReviewOrder, LowerBeforeUpperCollectivesFirstHeadsLast) {
  EXPECT_TRUE(check_org_order(0).empty());
  ASSERT_EQ(check_org_order(3).size(), 1u);
  EXPECT_EQ(check_org_order(3)[0].code, "lower_before_upper");
  EXPECT_EQ(check_org_order(3)[0].waiting, 3);
  EXPECT_TRUE(check_member_order(true, false, 5).empty());
  EXPECT_TRUE(check_member_order(true, true, 0).empty());
  EXPECT_EQ(check_member_order(true, true, 2)[0].code, "heads_last");
  EXPECT_EQ(check_member_order(false, false, 0)[0].code, "collectives_before_individuals");
}

TEST(ReviewScreening, TwoConsecutiveYearsNotCompleted) {
  const Date on = date("2026-12-15");
  std::map<int, Grade> grades = {
      {2024, Grade::kGood}, {2025, Grade::kNotCompleted}, {2026, Grade::kNotCompleted}};
  const ScreeningAnswer listed = screening(grades, 2026, on, rules());
  EXPECT_TRUE(listed.listed);
  EXPECT_EQ(listed.consecutive, 2);
  ASSERT_TRUE(listed.rule);
  EXPECT_NE(listed.rule->source.find("02-HD/BTCTW"), std::string::npos);
  EXPECT_FALSE(screening(grades, 2025, on, rules()).listed);  // one year only
  grades.erase(2025);  // a year without a grade breaks the run
  EXPECT_FALSE(screening(grades, 2026, on, rules()).listed);
}

}  // namespace
}  // namespace chibo::domain::review

namespace chibo::domain::review {
namespace {

TEST(ReviewSummary, SharesInTenthsRoundHalfUp) {
  EXPECT_EQ(share_tenths(1, 3), 333);
  EXPECT_EQ(share_tenths(2, 3), 667);
  EXPECT_EQ(share_tenths(1, 8), 125);  // 12.5 exactly
  EXPECT_EQ(share_tenths(1, 16), 63);  // 6.25 -> 6.3 (half up)
  EXPECT_EQ(share_tenths(5, 5), 1000);
  EXPECT_EQ(share_tenths(0, 5), 0);
  EXPECT_EQ(share_tenths(3, 0), 0);  // nothing graded
  EXPECT_EQ(share_text(333), "33,3");
  EXPECT_EQ(share_text(1000), "100");
  EXPECT_EQ(share_text(125, '.'), "12.5");
  EXPECT_EQ(share_text(0), "0");
}

}  // namespace
}  // namespace chibo::domain::review
