#include <gtest/gtest.h>

#include "domain/inspection/programme.h"
#include "domain/inspection/stage.h"
#include "testing/fixtures.h"

namespace chibo::domain::inspection {
namespace {

using chibo::testing::date;
using chibo::testing::rules;

bool has(const std::vector<FieldError>& errors, const std::string& field, const std::string& code) {
  for (const FieldError& error : errors)
    if (error.field == field && error.code == code) return true;
  return false;
}

TEST(InspectionStage, CodesRoundTripInOrder) {
  std::optional<Stage> stage;
  std::vector<std::string> codes;
  while ((stage = next_stage(stage))) {
    codes.emplace_back(stage_code(*stage));
    EXPECT_EQ(parse_stage(stage_code(*stage)), stage);
    if (*stage == Stage::kConclusion) break;
  }
  EXPECT_EQ(codes, (std::vector<std::string>{"decision", "plan", "work", "report", "conclusion"}));
  EXPECT_FALSE(next_stage(Stage::kConclusion));
  EXPECT_FALSE(parse_stage("Decision"));
}

TEST(InspectionStage, OnlyTheNextStageOnOrAfterThePrevious) {
  EXPECT_EQ(check_stage({}, Stage::kDecision, date("2026-02-01")), "");
  EXPECT_EQ(check_stage({}, Stage::kPlan, date("2026-02-01")), "inspection_out_of_order");
  const StageFacts planned{Stage::kPlan, date("2026-03-01")};
  EXPECT_EQ(check_stage(planned, Stage::kWork, date("2026-03-01")), "");
  EXPECT_EQ(check_stage(planned, Stage::kWork, date("2026-02-28")), "inspection_before_previous");
  EXPECT_EQ(check_stage(planned, Stage::kConclusion, date("2026-04-01")),
            "inspection_out_of_order");
  EXPECT_EQ(check_stage(planned, Stage::kPlan, date("2026-04-01")), "inspection_out_of_order");
  const StageFacts concluded{Stage::kConclusion, date("2026-05-01")};
  EXPECT_EQ(check_stage(concluded, Stage::kDecision, date("2026-06-01")), "inspection_finished");
}

TEST(InspectionStage, IssuerDecidesAndConcludesTheTeamWorks) {
  const Standing issuer{true, true};
  const Standing team{false, true};
  const Standing none{};
  for (Stage stage :
       {Stage::kDecision, Stage::kPlan, Stage::kWork, Stage::kReport, Stage::kConclusion}) {
    EXPECT_TRUE(may_record(stage, issuer));
    EXPECT_FALSE(may_record(stage, none));
  }
  EXPECT_FALSE(may_record(Stage::kDecision, team));
  EXPECT_TRUE(may_record(Stage::kPlan, team));
  EXPECT_TRUE(may_record(Stage::kWork, team));
  EXPECT_TRUE(may_record(Stage::kReport, team));
  EXPECT_FALSE(may_record(Stage::kConclusion, team));
}

TEST(InspectionStage, KindsOfRulesReferenceSection8) {
  for (const char* kind : {"violation_signs", "task_performance", "lower_inspection_committee",
                           "party_finance", "supervision_regular", "supervision_thematic"})
    EXPECT_TRUE(is_kind(kind)) << kind;
  EXPECT_FALSE(is_kind("discipline"));
}

TEST(InspectionProgramme, ChecksYearIssuerTitle) {
  EXPECT_TRUE(check_programme({2026, "inspection_committee", "Chương trình 2026"}).empty());
  EXPECT_TRUE(check_programme({2026, "committee", "x"}).empty());
  const auto errors = check_programme({1800, "office", ""});
  EXPECT_TRUE(has(errors, "year", "out_of_range"));
  EXPECT_TRUE(has(errors, "issuer", "not_allowed"));
  EXPECT_TRUE(has(errors, "title", "required"));
}

InspectionFacts good_inspection() {
  return {2026,
          "task_performance",
          "Thực hiện Nghị quyết",
          date("2026-03-01"),
          date("2026-04-30"),
          {"Nguyễn Văn An", "Trần Thị Bình"},
          true};
}

TEST(InspectionProgramme, AValidInspection) {
  EXPECT_TRUE(check_inspection(good_inspection(), rules()).empty());
}

TEST(InspectionProgramme, TimeWindowInsideTheYear) {
  InspectionFacts facts = good_inspection();
  facts.starts_on = date("2025-12-31");
  EXPECT_TRUE(has(check_inspection(facts, rules(), "inspections[0]."), "inspections[0].starts_on",
                  "inspection_outside_year"));
  facts = good_inspection();
  facts.ends_on = date("2027-01-01");
  EXPECT_TRUE(has(check_inspection(facts, rules()), "ends_on", "inspection_outside_year"));
  facts = good_inspection();
  facts.ends_on = date("2026-02-28");
  EXPECT_TRUE(has(check_inspection(facts, rules()), "ends_on", "inspection_before_start"));
  facts.ends_on = date("2026-03-01");  // one day is a window
  EXPECT_TRUE(check_inspection(facts, rules()).empty());
}

TEST(InspectionProgramme, SubjectKindContentTeam) {
  InspectionFacts facts = good_inspection();
  facts.subject_in_subtree = false;
  facts.kind = "audit";
  facts.content = "";
  facts.team = {"Nguyễn Văn An"};
  const auto errors = check_inspection(facts, rules());
  EXPECT_TRUE(has(errors, "subject", "inspection_outside_subtree"));
  EXPECT_TRUE(has(errors, "kind", "not_allowed"));
  EXPECT_TRUE(has(errors, "content", "required"));
  ASSERT_TRUE(has(errors, "team", "inspection_team_too_small"));
  facts = good_inspection();
  facts.team = {"An", "An"};
  EXPECT_TRUE(has(check_inspection(facts, rules()), "team", "inspection_team_duplicate"));
}

TEST(InspectionProgramme, TeamMinimumNamesItsRule) {
  InspectionFacts facts = good_inspection();
  facts.team = {"An"};
  for (const FieldError& error : check_inspection(facts, rules())) {
    if (error.code != "inspection_team_too_small") continue;
    bool named = false;
    for (const auto& [key, value] : error.params)
      if (key == "rule" && value == "inspection.min_team_members") named = true;
    EXPECT_TRUE(named);
  }
}

}  // namespace
}  // namespace chibo::domain::inspection
