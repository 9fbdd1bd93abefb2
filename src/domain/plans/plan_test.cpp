#include <gtest/gtest.h>

#include "domain/plans/plan.h"
#include "testing/fixtures.h"

namespace chibo::domain::plans {
namespace {

using chibo::testing::date;
using chibo::testing::rules;

PlanDraft draft_of(int year, size_t items = 2) {
  PlanDraft draft;
  draft.year = year;
  draft.kind = "commitment";
  for (size_t i = 0; i < items; ++i) {
    PlanItem item;
    item.content = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh";
    item.measure = "Tham gia đủ các buổi học tập chuyên đề";
    draft.items.push_back(item);
  }
  return draft;
}

Plan plan_of(int year) {
  Plan plan;
  plan.id = 1;
  plan.year = year;
  plan.kind = "plan";
  plan.items = {{11, "Nội dung 1", "Chỉ tiêu 1", std::nullopt},
                {12, "Nội dung 2", "Chỉ tiêu 2", std::nullopt}};
  return plan;
}

std::vector<ItemAssessment> all_done() { return {{11, "done", ""}, {12, "partly", "Còn chậm"}}; }

bool has(const std::vector<FieldError>& errors, const std::string& field, const std::string& code) {
  for (const auto& e : errors) {
    if (e.field == field && e.code == code) return true;
  }
  return false;
}

TEST(PlanCheck, AcceptsAPlanOfThisYearTheYearBeforeAndTheNext) {
  EXPECT_TRUE(check_plan(draft_of(2026), date("2026-11-16")).empty());
  EXPECT_TRUE(check_plan(draft_of(2025), date("2026-01-01")).empty());
  EXPECT_TRUE(check_plan(draft_of(2027), date("2026-12-31")).empty());
}

TEST(PlanCheck, RefusesAYearOutOfRangeOnTheBoundaries) {
  EXPECT_TRUE(has(check_plan(draft_of(2024), date("2026-01-01")), "year", "out_of_range"));
  EXPECT_TRUE(has(check_plan(draft_of(2028), date("2026-12-31")), "year", "out_of_range"));
  EXPECT_TRUE(has(check_plan(draft_of(0), date("2026-12-31")), "year", "out_of_range"));
}

TEST(PlanCheck, NamesEveryBadField) {
  PlanDraft draft = draft_of(2026, 3);
  draft.kind = "wish";
  draft.items[0].content = "";
  draft.items[1].measure = "";
  draft.items[2].due_on = date("2027-01-01");
  const auto errors = check_plan(draft, date("2026-11-16"));
  EXPECT_TRUE(has(errors, "kind", "unknown_code"));
  EXPECT_TRUE(has(errors, "items[0].content", "required"));
  EXPECT_TRUE(has(errors, "items[1].measure", "required"));
  EXPECT_TRUE(has(errors, "items[2].due_on", "outside_year"));
  EXPECT_EQ(errors.size(), 4u);
}

TEST(PlanCheck, ItemsAreRequiredAndLimited) {
  EXPECT_TRUE(has(check_plan(draft_of(2026, 0), date("2026-11-16")), "items", "required"));
  EXPECT_TRUE(
      has(check_plan(draft_of(2026, kMaxItems + 1), date("2026-11-16")), "items", "too_many"));
  EXPECT_TRUE(check_plan(draft_of(2026, kMaxItems), date("2026-11-16")).empty());
  PlanDraft draft = draft_of(2026, 1);
  draft.items[0].due_on = date("2026-12-31");
  EXPECT_TRUE(check_plan(draft, date("2026-11-16")).empty());
  draft.items[0].due_on = date("2026-01-01");
  EXPECT_TRUE(check_plan(draft, date("2026-11-16")).empty());
  draft.items[0].due_on = date("2025-12-31");
  EXPECT_TRUE(has(check_plan(draft, date("2026-11-16")), "items[0].due_on", "outside_year"));
}

TEST(PlanRules, HeadsAreDueBeforeTheOthers) {
  const auto heads = due_date(rules(), 2026, true);
  const auto others = due_date(rules(), 2026, false);
  ASSERT_TRUE(heads && others);
  EXPECT_EQ(heads->on, date("2026-01-31"));
  EXPECT_EQ(others->on, date("2026-02-28"));
  EXPECT_LT(heads->on, others->on);
  EXPECT_EQ(heads->key, "plans.heads_due");
  EXPECT_NE(heads->source.find("08-QĐi/TW"), std::string::npos);
  EXPECT_FALSE(heads_first_refuses(rules(), 2026));
}

TEST(PlanRules, ReviewWindowsComeFromTheRules) {
  const auto mid = review_window(rules(), 2026, Stage::kMidYear);
  const auto end = review_window(rules(), 2026, Stage::kYearEnd);
  ASSERT_TRUE(mid && end);
  EXPECT_EQ(mid->opens.on, date("2026-06-01"));
  EXPECT_EQ(mid->closes.on, date("2026-12-31"));
  EXPECT_EQ(end->opens.on, date("2026-11-01"));
  EXPECT_EQ(end->closes.on, date("2027-01-31")) << "the year-end review runs into the next year";
}

TEST(PlanReviewCheck, TheWindowIsInclusiveOnBothEnds) {
  const Plan plan = plan_of(2026);
  const auto at = [&](const char* day, Stage stage) {
    return check_review(plan, stage, all_done(), "", date(day), rules());
  };
  EXPECT_TRUE(has(at("2026-05-31", Stage::kMidYear).errors, "stage", "outside_window"));
  EXPECT_TRUE(at("2026-06-01", Stage::kMidYear).errors.empty());
  EXPECT_TRUE(at("2026-12-31", Stage::kMidYear).errors.empty());
  EXPECT_TRUE(has(at("2027-01-01", Stage::kMidYear).errors, "stage", "outside_window"));
  EXPECT_TRUE(has(at("2026-10-31", Stage::kYearEnd).errors, "stage", "outside_window"));
  EXPECT_TRUE(at("2026-11-01", Stage::kYearEnd).errors.empty());
  EXPECT_TRUE(at("2027-01-31", Stage::kYearEnd).errors.empty());
  EXPECT_TRUE(has(at("2027-02-01", Stage::kYearEnd).errors, "stage", "outside_window"));
}

TEST(PlanReviewCheck, EveryItemIsAssessedOnceWithAKnownAssessment) {
  const Plan plan = plan_of(2026);
  const Date day = date("2026-07-01");
  auto check = check_review(plan, Stage::kMidYear, {{11, "done", ""}}, "", day, rules());
  EXPECT_TRUE(has(check.errors, "items", "assessment_missing"));
  check = check_review(plan, Stage::kMidYear, {{11, "done", ""}, {11, "done", ""}, {12, "ok", ""}},
                       "", day, rules());
  EXPECT_TRUE(has(check.errors, "items[1].item_id", "duplicate_item"));
  EXPECT_TRUE(has(check.errors, "items[2].assessment", "unknown_code"));
  check = check_review(plan, Stage::kMidYear, {{99, "done", ""}, {11, "", ""}, {12, "done", ""}},
                       "", day, rules());
  EXPECT_TRUE(has(check.errors, "items[0].item_id", "unknown_item"));
  EXPECT_TRUE(has(check.errors, "items[1].assessment", "required"));
}

TEST(PlanReviewCheck, StagesAreReviewedOnceAndInOrder) {
  Plan plan = plan_of(2026);
  PlanReview mid;
  mid.stage = "mid_year";
  plan.reviews.push_back(mid);
  EXPECT_EQ(plan.status(), "mid_year_reviewed");
  auto check = check_review(plan, Stage::kMidYear, all_done(), "", date("2026-07-01"), rules());
  EXPECT_EQ(check.conflict, "already_reviewed");
  PlanReview end;
  end.stage = "year_end";
  plan.reviews = {end};
  EXPECT_EQ(plan.status(), "year_end_reviewed");
  check = check_review(plan, Stage::kMidYear, all_done(), "", date("2026-12-01"), rules());
  EXPECT_EQ(check.conflict, "year_end_reviewed");
  plan.reviews.clear();
  EXPECT_EQ(plan.status(), "recorded");
  check = check_review(plan, Stage::kYearEnd, all_done(), "", date("2026-12-01"), rules());
  EXPECT_TRUE(check.conflict.empty());
  EXPECT_TRUE(check.errors.empty());
}

TEST(PlanHeads, ListsTheHeadsWhoHaveNotRecordedInOrder) {
  const std::vector<MemberId> heads = {MemberId(3), MemberId(1), MemberId(2)};
  EXPECT_EQ(heads_missing(heads, {MemberId(1)}), (std::vector<MemberId>{MemberId(3), MemberId(2)}));
  EXPECT_TRUE(heads_missing(heads, {MemberId(1), MemberId(2), MemberId(3), MemberId(9)}).empty());
  EXPECT_TRUE(heads_missing({}, {}).empty());
}

TEST(PlanStage, ParsesItsCodes) {
  EXPECT_EQ(parse_stage("mid_year"), Stage::kMidYear);
  EXPECT_EQ(parse_stage("year_end"), Stage::kYearEnd);
  EXPECT_FALSE(parse_stage("quarter"));
  EXPECT_EQ(stage_code(Stage::kYearEnd), "year_end");
}

}  // namespace
}  // namespace chibo::domain::plans
