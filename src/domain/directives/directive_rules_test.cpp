#include "domain/directives/directive_rules.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

#include "domain/directives/targets.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

WorkingCalendar calendar() {
  auto built = WorkingCalendar::build({{date("2026-04-30"), false, "Giải phóng miền Nam", "s"},
                                       {date("2026-05-01"), false, "Quốc tế lao động", "s"}},
                                      {}, {2026});
  EXPECT_TRUE(built);
  return *built;
}

TEST(DirectiveRules, DueDateGivenOrCountedInWorkingDays) {
  const WorkingCalendar cal = calendar();
  std::vector<FieldError> errors;
  EXPECT_EQ(task_due_date({date("2026-05-15"), std::nullopt}, date("2026-04-28"), cal, "tasks[0]",
                          errors),
            date("2026-05-15"));
  // Tuesday 28 April + 3 working days: 29 April, (30 April and 1 May off, weekend), 4, 5 May.
  EXPECT_EQ(task_due_date({std::nullopt, 3}, date("2026-04-28"), cal, "tasks[0]", errors),
            date("2026-05-05"));
  EXPECT_TRUE(errors.empty());
}

TEST(DirectiveRules, RefusesADueDateBeforeTheDirectiveAndNamesTheField) {
  const WorkingCalendar cal = calendar();
  std::vector<FieldError> errors;
  EXPECT_FALSE(task_due_date({date("2026-04-01"), std::nullopt}, date("2026-04-28"), cal,
                             "tasks[1]", errors));
  EXPECT_FALSE(task_due_date({}, date("2026-04-28"), cal, "tasks[2]", errors));
  EXPECT_FALSE(task_due_date({date("2026-05-01"), 3}, date("2026-04-28"), cal, "tasks[3]", errors));
  EXPECT_FALSE(task_due_date({std::nullopt, 400}, date("2026-04-28"), cal, "tasks[4]", errors));
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].field, "tasks[1].due_on");
  EXPECT_EQ(errors[0].code, "before_issued_on");
  EXPECT_EQ(errors[1].field, "tasks[2]");
  EXPECT_EQ(errors[1].code, "one_of");
  EXPECT_EQ(errors[2].field, "tasks[3]");
  EXPECT_EQ(errors[3].field, "tasks[4].due_working_days");
  EXPECT_EQ(errors[3].code, "calendar_year_missing");
}

TEST(DirectiveRules, AnAssignmentIsDueWithinWhatItWasGivenFrom) {
  std::vector<FieldError> errors;
  check_assignment_due(date("2026-05-10"), date("2026-04-28"), date("2026-05-15"), "due_on",
                       errors);
  EXPECT_TRUE(errors.empty());
  check_assignment_due(date("2026-05-16"), date("2026-04-28"), date("2026-05-15"), "due_on",
                       errors);
  check_assignment_due(date("2026-04-01"), date("2026-04-28"), date("2026-05-15"), "due_on",
                       errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].code, "due_after_parent");
  EXPECT_EQ(errors[1].code, "before_issued_on");
  EXPECT_TRUE(known_directive_kind("resolution"));
  EXPECT_FALSE(known_directive_kind("memo"));
}

TEST(Targets, OnlyActiveOrganizationsStrictlyBelow) {
  const OrgPath bloc = *OrgPath::parse("/1/");
  const OrgPath base = *OrgPath::parse("/1/2/");
  const OrgPath cell = *OrgPath::parse("/1/2/3/");
  const OrgPath other = *OrgPath::parse("/9/");
  AssignmentTarget chosen{
      TargetMode::kOrgs, "", {OrgId(2), OrgId(3), OrgId(9), OrgId(1), OrgId(7), OrgId(3)}, {}};
  std::vector<TargetOrg> orgs = {{OrgId(2), base},
                                 {OrgId(3), cell},
                                 {OrgId(9), other},
                                 {OrgId(1), bloc},
                                 {OrgId(7), {}, true, false},
                                 {OrgId(3), cell}};
  std::vector<FieldError> errors = check_target_orgs(chosen, bloc, orgs);
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].field, "target.org_ids[2]");
  EXPECT_EQ(errors[0].code, "target_outside_subtree");
  EXPECT_EQ(errors[1].field, "target.org_ids[3]");  // the assigning organization itself
  EXPECT_EQ(errors[1].code, "target_outside_subtree");
  EXPECT_EQ(errors[2].code, "org_not_found");
  EXPECT_EQ(errors[3].code, "repeated");
  EXPECT_TRUE(check_target_orgs(chosen, bloc, {{OrgId(2), base}}).empty());
  std::vector<TargetOrg> inactive = {{OrgId(3), cell, false}};
  EXPECT_EQ(check_target_orgs({}, base, inactive)[0].code, "org_not_active");
  AssignmentTarget of_kind{TargetMode::kKind, "cell", {}, {}};
  const auto none = check_target_orgs(of_kind, cell, {});
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].field, "target.kind");
  EXPECT_EQ(none[0].code, "no_targets");
}

TEST(DirectiveRules, SearchTextIsFoldedTitleAndNumber) {
  EXPECT_EQ(directive_search_text("Nghị quyết về Đảng", "12-NQ/TW"), "nghi quyet ve dang 12 nq tw");
  EXPECT_EQ(directive_search_text("Chỉ thị", ""), "chi thi");
}

}  // namespace
}  // namespace chibo::domain
