// The directives tables on a real store (SQLite, or PostgreSQL under unit.postgresql): round
// trips, the batched fan-out (ids matched back across several multi-row statements), filters,
// optimistic versions, overdue marking once, roll-up upserts, reports and studies.
#include "storage/sql/directives/directive_repository.h"

#include <gtest/gtest.h>

#include <set>

#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using chibo::testing::date;
using chibo::testing::TempStore;
using domain::AssignmentState;

struct Seeded {
  app::Directive directive;
  std::vector<app::DirectiveTask> tasks;
  std::vector<app::Organization> orgs;  // bloc, committee, base, cell_a, cell_b
};

Seeded seed(TempStore& temp, int task_count) {
  Seeded s;
  const auto tree = temp.make_tree();
  EXPECT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    s.orgs = tx.orgs().find_many(tree);
    std::sort(s.orgs.begin(), s.orgs.end(), [](const auto& a, const auto& b) {
      return a.path.depth() < b.path.depth() || (a.path.depth() == b.path.depth() && a.id < b.id);
    });
    s.directive.org_id = s.orgs[0].id;
    s.directive.org_path = s.orgs[0].path;
    s.directive.kind = "resolution";
    s.directive.title = "Nghị quyết về công tác xây dựng Đảng";
    s.directive.number_symbol = "05-NQ/ĐUK";
    s.directive.issued_on = date("2026-01-05");
    s.directive.created_at = s.directive.updated_at = "2026-01-05T00:00:00Z";
    tx.directives().insert(s.directive);
    for (int i = 0; i < task_count; ++i) {
      app::DirectiveTask task;
      task.directive_id = s.directive.id;
      task.position = i + 1;
      task.title = "Nhiệm vụ " + std::to_string(i + 1);
      task.due_on = date("2026-03-31");
      if (i == 0) task.due_working_days = 10;
      task.created_at = s.directive.created_at;
      s.tasks.push_back(task);
    }
    tx.directives().insert_tasks(s.tasks);
    return Ok();
  }));
  return s;
}

app::Assignment assignment(const Seeded& s, const app::DirectiveTask& task,
                           const app::Organization& to, Date due) {
  app::Assignment a;
  a.directive_id = s.directive.id;
  a.task_id = task.id;
  a.assigner_org_id = s.orgs[0].id;
  a.assigner_path = s.orgs[0].path;
  a.org_id = to.id;
  a.org_path = to.path;
  a.due_on = due;
  a.note = "Triển khai";
  a.created_at = a.updated_at = "2026-01-06T00:00:00Z";
  return a;
}

TEST(DirectiveRepository, FansOutInBatchesAndMatchesEveryIdBack) {
  TempStore temp;
  Seeded s = seed(temp, 90);  // 90 tasks x 5 organizations: 450 rows, three statements
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    std::vector<app::Assignment> rows;
    for (const auto& task : s.tasks) {
      for (const auto& org : s.orgs) rows.push_back(assignment(s, task, org, date("2026-03-31")));
    }
    tx.directives().insert_assignments(rows);
    std::set<int64_t> ids;
    for (const auto& row : rows) {
      EXPECT_GT(row.id, 0);
      EXPECT_EQ(row.version, 1);
      ids.insert(row.id);
    }
    EXPECT_EQ(ids.size(), rows.size());
    for (size_t i : {size_t{0}, size_t{199}, size_t{200}, size_t{449}}) {
      const auto read = tx.directives().find_assignment(rows[i].id);
      EXPECT_TRUE(read);
      if (!read) continue;
      EXPECT_EQ(read->task_id, rows[i].task_id);
      EXPECT_EQ(read->org_id, rows[i].org_id);
      EXPECT_EQ(read->org_path, rows[i].org_path);
      EXPECT_EQ(read->state, AssignmentState::kAssigned);
      EXPECT_EQ(read->note, "Triển khai");
      EXPECT_EQ(read->directive_title, s.directive.title);
      EXPECT_EQ(read->number_symbol, "05-NQ/ĐUK");
      EXPECT_FALSE(read->member_id.valid());
      EXPECT_EQ(read->parent_id, 0);
    }
    EXPECT_EQ(tx.directives().existing_targets({s.tasks[0].id, s.tasks[1].id}).size(), 10u);
    // Filters: a subtree (base and its cells), one organization, paging.
    app::AssignmentQuery query;
    query.directive_id = s.directive.id;
    query.subtree = s.orgs[2].path;
    query.limit = 7;
    app::AssignmentPage page = tx.directives().assignments(query);
    EXPECT_EQ(page.total, 270);
    EXPECT_EQ(page.items.size(), 7u);
    query.subtree.reset();
    query.org_id = s.orgs[4].id;
    EXPECT_EQ(tx.directives().assignments(query).total, 90);
    return Ok();
  }));
  const auto tasks = [&] {
    std::vector<app::DirectiveTask> read;
    EXPECT_TRUE(temp.store().read([&](app::Transaction& tx) -> Status {
      read = tx.directives().tasks_of(s.directive.id);
      return Ok();
    }));
    return read;
  }();
  ASSERT_EQ(tasks.size(), 90u);
  EXPECT_EQ(tasks[0].due_working_days, 10);
  EXPECT_FALSE(tasks[1].due_working_days);
}

TEST(DirectiveRepository, StatesVersionsOverdueAndTheRollup) {
  TempStore temp;
  Seeded s = seed(temp, 2);
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    std::vector<app::Assignment> rows = {assignment(s, s.tasks[0], s.orgs[3], date("2026-02-01")),
                                         assignment(s, s.tasks[0], s.orgs[4], date("2026-04-01"))};
    tx.directives().insert_assignments(rows);
    // A child passed down from the first.
    app::Assignment child = assignment(s, s.tasks[1], s.orgs[3], date("2026-01-20"));
    child.parent_id = rows[0].id;
    std::vector<app::Assignment> children = {child};
    tx.directives().insert_assignments(children);

    app::Assignment moved = rows[0];
    moved.state = AssignmentState::kReported;
    EXPECT_TRUE(tx.directives().update_assignment(moved, rows[0]));
    EXPECT_EQ(moved.version, 2);
    app::Assignment stale = rows[0];
    stale.state = AssignmentState::kAccepted;
    EXPECT_FALSE(tx.directives().update_assignment(stale, rows[0]));
    EXPECT_EQ(tx.directives().child_counts(rows[0].id).total, 1);
    EXPECT_EQ(tx.directives().child_counts(rows[0].id).assigned, 1);

    // Overdue on 2026-02-02: the first (due 02-01) and the child (due 01-20); once.
    const auto marked = tx.directives().mark_overdue(date("2026-02-02"), std::nullopt, 100);
    EXPECT_EQ(marked.size(), 2u);
    EXPECT_TRUE(tx.directives().mark_overdue(date("2026-02-02"), std::nullopt, 100).empty());
    EXPECT_TRUE(tx.directives().find_assignment(rows[0].id)->overdue);
    EXPECT_FALSE(tx.directives().find_assignment(rows[1].id)->overdue);
    app::AssignmentQuery due;
    due.due_until = date("2026-04-01");
    EXPECT_EQ(tx.directives().assignments(due).total, 3);
    due.due_until.reset();
    due.overdue_on = date("2026-02-02");
    EXPECT_EQ(tx.directives().assignments(due).total, 2);

    // The roll-up: upserts add up; rows are read per organization.
    domain::RollupCounts one = domain::created_delta(AssignmentState::kAssigned);
    std::map<OrgId, domain::RollupCounts> deltas;
    for (const OrgId& org : s.orgs[3].path.ids()) deltas[org] += one;
    tx.directives().adjust_rollup(s.directive.id, deltas);
    tx.directives().adjust_rollup(s.directive.id, deltas);
    std::map<OrgId, domain::RollupCounts> back;
    back[s.orgs[3].id] =
        domain::transition_delta(AssignmentState::kAssigned, AssignmentState::kAccepted, false);
    tx.directives().adjust_rollup(s.directive.id, back);
    const auto rollup =
        tx.directives().rollup(s.directive.id, {s.orgs[0].id, s.orgs[3].id, s.orgs[4].id});
    EXPECT_EQ(rollup.at(s.orgs[0].id).total, 2);
    EXPECT_EQ(rollup.at(s.orgs[0].id).assigned, 2);
    EXPECT_EQ(rollup.at(s.orgs[3].id).assigned, 1);
    EXPECT_EQ(rollup.at(s.orgs[3].id).accepted, 1);
    EXPECT_EQ(rollup.count(s.orgs[4].id), 0u);

    // Reports newest first, with their review.
    app::AssignmentReport report;
    report.assignment_id = rows[0].id;
    report.body = "Đã triển khai";
    report.figures = R"([{"label":"Buổi","value":3,"unit":""}])";
    report.submitted_at = "2026-01-10T00:00:00Z";
    tx.directives().insert_report(report);
    report.review = "returned";
    report.review_comment = "Bổ sung";
    report.reviewed_at = "2026-01-11T00:00:00Z";
    tx.directives().update_review(report);
    app::AssignmentReport second = report;
    second.body = "Đã bổ sung";
    second.review = "pending";
    tx.directives().insert_report(second);
    const auto reports = tx.directives().reports_of(rows[0].id);
    EXPECT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[0].body, "Đã bổ sung");
    EXPECT_EQ(reports[1].review, "returned");
    EXPECT_EQ(reports[1].review_comment, "Bổ sung");
    EXPECT_EQ(reports[1].figures, R"([{"label":"Buổi","value":3,"unit":""}])");

    // Studies: one per organization, versioned.
    app::DirectiveStudy study;
    study.directive_id = s.directive.id;
    study.org_id = s.orgs[3].id;
    study.org_path = s.orgs[3].path;
    study.held_on = date("2026-01-15");
    study.attendees = 12;
    study.members = 15;
    study.created_at = study.updated_at = "2026-01-15T00:00:00Z";
    tx.directives().insert_study(study);
    app::DirectiveStudy again = study;
    again.attendees = 14;
    EXPECT_TRUE(tx.directives().update_study(again, study));
    EXPECT_FALSE(tx.directives().update_study(again, study));
    EXPECT_EQ(tx.directives().find_study(s.directive.id, s.orgs[3].id)->attendees, 14);
    EXPECT_EQ(tx.directives().studies_in(s.directive.id, s.orgs[2].path).size(), 1u);
    EXPECT_TRUE(tx.directives().studies_in(s.directive.id, s.orgs[4].path).empty());

    // Directives visible by subtree: issued there, or assigned into it.
    app::DirectiveQuery visible;
    visible.within = {s.orgs[4].path};
    EXPECT_EQ(tx.directives().page(visible).total, 1);
    EXPECT_TRUE(tx.directives().assigned_within(s.directive.id, {s.orgs[4].path}));
    EXPECT_EQ(tx.directives().orgs_of_kind(s.orgs[0].path, "cell").size(), 2u);
    return Ok();
  }));
}

}  // namespace
}  // namespace chibo::storage
