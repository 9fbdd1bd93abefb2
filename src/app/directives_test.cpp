// The directives use cases over a real store (SQLite, and PostgreSQL under unit.postgresql),
// with the functions the reminder job calls: the due list as of a date, and overdue marking
// (idempotent, counted in the roll-up). A refused fan-out writes nothing.
#include "app/directives.h"

#include <gtest/gtest.h>

#include "app/runner.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::app {
namespace {

using chibo::testing::TempStore;

class Directives : public ::testing::Test {
 protected:
  void SetUp() override { tree_ = temp_.make_tree(); }  // bloc, committee, base, cell_a, cell_b

  Date today() { return temp_.clock().today(); }

  DirectiveView issue() {
    DirectiveRequest request;
    request.org = tree_[0];
    request.kind = "directive";
    request.title = "Chỉ thị về công tác kiểm tra";
    request.number_symbol = "07-CT/ĐUK";
    request.issued_on = today().add_days(-10);
    request.tasks = {{"Báo cáo nhanh", "", today().add_days(-2), std::nullopt, std::nullopt},
                     {"Báo cáo đầy đủ", "", today().add_days(5), std::nullopt, std::nullopt}};
    Result<DirectiveView> view =
        run_write(temp_.services(), temp_.actor(), issue_directive, request);
    EXPECT_TRUE(view) << (view ? "" : view.error().reason);
    return *view;
  }

  domain::RollupCounts at(int64_t directive, OrgId org) {
    Result<RollupView> view =
        run_read(temp_.services(), temp_.actor(), directive_rollup, directive, org);
    EXPECT_TRUE(view);
    return view ? view->org.counts : domain::RollupCounts{};
  }

  TempStore temp_;
  std::vector<OrgId> tree_;
};

TEST_F(Directives, TheReminderJobsDueListAndOverdueMarking) {
  const DirectiveView directive = issue();
  AssignRequest request;
  request.task_ids = {directive.tasks[0].id, directive.tasks[1].id};
  request.target.mode = domain::TargetMode::kKind;
  request.target.kind = "cell";
  Result<AssignmentBatch> batch =
      run_write(temp_.services(), temp_.actor(), assign_tasks, directive.directive.id, request);
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->created, 4);

  // Due within a week as of today: all four; due by today: the two late ones, 2 days over.
  const Date as_of = today();
  int within = 7;
  int limit = 100;
  Result<std::vector<DueAssignment>> due =
      run_read(temp_.services(), temp_.actor(), due_assignments, as_of, within, limit);
  ASSERT_TRUE(due);
  EXPECT_EQ(due->size(), 4u);
  within = 0;
  due = run_read(temp_.services(), temp_.actor(), due_assignments, as_of, within, limit);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].days_overdue, 2);
  EXPECT_TRUE((*due)[0].assignment.org_id == tree_[3] || (*due)[0].assignment.org_id == tree_[4]);
  EXPECT_FALSE((*due)[0].assignment.org_name.empty());

  Result<int64_t> marked = run_write(temp_.services(), temp_.actor(), mark_overdue, as_of);
  ASSERT_TRUE(marked);
  EXPECT_EQ(*marked, 2);
  marked = run_write(temp_.services(), temp_.actor(), mark_overdue, as_of);
  ASSERT_TRUE(marked);
  EXPECT_EQ(*marked, 0) << "marking is idempotent";
  const domain::RollupCounts root = at(directive.directive.id, tree_[0]);
  EXPECT_EQ(root.total, 4);
  EXPECT_EQ(root.assigned, 4);
  EXPECT_EQ(root.overdue, 2);
  EXPECT_EQ(at(directive.directive.id, tree_[3]).overdue, 1);
}

TEST_F(Directives, ARefusedFanOutWritesNothing) {
  const DirectiveView directive = issue();
  AssignRequest request;
  request.task_ids = {directive.tasks[1].id};
  request.target.mode = domain::TargetMode::kOrgs;
  request.target.orgs = {tree_[3], tree_[0]};  // the issuer itself is not below it
  Result<AssignmentBatch> batch =
      run_write(temp_.services(), temp_.actor(), assign_tasks, directive.directive.id, request);
  ASSERT_FALSE(batch);
  EXPECT_EQ(batch.error().code, ErrorCode::kInvalid);
  ASSERT_EQ(batch.error().fields.size(), 1u);
  EXPECT_EQ(batch.error().fields[0].field, "target.org_ids[1]");
  EXPECT_EQ(batch.error().fields[0].code, "target_outside_subtree");
  EXPECT_TRUE(at(directive.directive.id, tree_[0]).empty());
  AssignmentListQuery all;
  Result<AssignmentList> list = run_read(temp_.services(), temp_.actor(),
                                         list_directive_assignments, directive.directive.id, all);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->total, 0);
}

}  // namespace
}  // namespace chibo::app
