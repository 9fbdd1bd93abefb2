// The job runner, the follow-up kinds and the inbox over a real store (SQLite, and PostgreSQL
// under unit.postgresql), driven by the fixed clock: runs claimed with a lease, a run whose
// holder died taken over once its lease ends, no step done twice, the reminder ladder's steps
// notifying the responsible and then the superior organization's users once each.
#include "app/jobs.h"

#include <gtest/gtest.h>

#include "app/followup.h"
#include "app/inbox.h"
#include "app/runner.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::app {
namespace {

using chibo::testing::date;
using chibo::testing::TempStore;

class FakeAssignments : public AssignmentSource {
 public:
  Result<std::vector<OpenAssignment>> open_assignments(Context&, Date) override { return open; }
  Result<int64_t> mark_overdue(Context&, Date as_of) override {
    marked_as_of.push_back(as_of);
    return static_cast<int64_t>(open.size());
  }
  std::vector<OpenAssignment> open;
  std::vector<Date> marked_as_of;
};

class FailingKind : public JobKind {
 public:
  std::string kind() const override { return "failing"; }
  JobSchedule schedule() const override { return JobSchedule::kDaily; }
  Result<int> run_steps(Context&, const JobRow&, int) override {
    return Error::unavailable("source_down");
  }
};

class Jobs : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_ = temp_.make_tree();  // bloc, committee, base, cell_a, cell_b
    admin_user_ = add_user("quantri", "administrator", OrgId());  // the test kind notifies it
    cell_user_ = add_user("bithu_a", "cell_secretary", tree_[3]);
    base_user_ = add_user("vanphong_base", "office_staff", tree_[2]);
    other_user_ = add_user("bithu_b", "cell_secretary", tree_[4]);
    at("2026-03-01T01:00:00.000Z");
  }

  int64_t add_user(const std::string& name, const std::string& role, OrgId scope) {
    User user;
    user.username = name;
    user.display_name = name;
    user.password_hash = "x";
    user.created_at = user.updated_at = "2026-01-01T00:00:00.000Z";
    user.grants = {{role, scope}};
    Status added = temp_.store().write([&](Transaction& tx) -> Status {
      tx.users().insert(user);
      return Ok();
    });
    EXPECT_TRUE(added);
    return user.id;
  }

  void at(const std::string& instant) { temp_.clock().set(instant); }

  JobRunner runner(const std::string& owner, int batch = 2) {
    JobRunnerOptions options;
    options.owner = owner;
    options.lease_seconds = 60;
    options.batch_steps = batch;
    options.retry_seconds = 300;
    return JobRunner(temp_.services(), options);
  }

  Actor user_actor(int64_t id) {
    Actor actor;
    actor.principal.user_id = id;
    actor.principal.username = "u" + std::to_string(id);
    actor.name = actor.principal.username;
    return actor;
  }

  InboxPage inbox(int64_t user, InboxRequest request = {}) {
    auto page = run_read(temp_.services(), user_actor(user), list_inbox, request);
    EXPECT_TRUE(page) << page.error().reason;
    return page ? *page : InboxPage{};
  }

  int64_t audit_count(const std::string& action) {
    int64_t count = 0;
    Status read = temp_.store().read([&](Transaction& tx) -> Status {
      AuditFilter filter;
      filter.action = action;
      filter.limit = 1000;
      filter.everything = true;
      count = static_cast<int64_t>(tx.audit().list(filter).size());
      return Ok();
    });
    EXPECT_TRUE(read);
    return count;
  }

  TempStore temp_;
  std::vector<OrgId> tree_;
  int64_t admin_user_ = 0, cell_user_ = 0, base_user_ = 0, other_user_ = 0;
};

TEST_F(Jobs, ADailyRunDoesEveryStepOnceInBatches) {
  JobRunner jobs = runner("p1", 2);
  jobs.add(make_test_count_kind(5, 0));
  auto first = jobs.run_due_jobs(date("2026-03-01"));
  ASSERT_TRUE(first) << first.error().reason;
  EXPECT_EQ(first->steps, 5);
  EXPECT_EQ(first->runs, 1);
  // The same day again: the run is done.
  auto again = jobs.run_due_jobs(date("2026-03-01"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->steps, 0);
  EXPECT_EQ(audit_count("job.step"), 5);
  EXPECT_EQ(audit_count("job.finish"), 1);
  EXPECT_EQ(inbox(admin_user_).total, 5);  // the administrators get the test kind's notes
  EXPECT_EQ(inbox(cell_user_).total, 0);
  // The next day is another run.
  auto next_day = jobs.run_due_jobs(date("2026-03-02"));
  ASSERT_TRUE(next_day);
  EXPECT_EQ(next_day->steps, 5);

  auto status = jobs.status(date("2026-03-02"));
  ASSERT_TRUE(status);
  ASSERT_EQ(status->size(), 1u);
  EXPECT_EQ(status->front().status, "idle");
  EXPECT_EQ(status->front().last_steps, 5);
  EXPECT_EQ(status->front().next_run_at, "2026-03-02T17:00:00.000Z");  // midnight in Vietnam
}

TEST_F(Jobs, ALeasedRunIsLeftAloneUntilItsLeaseEndsThenTakenOverWithoutRepeats) {
  // A process "dead" claimed today's run, did two steps, and died holding the lease.
  {
    JobRunner dead = runner("dead", 2);
    dead.add(make_test_count_kind(5, 0));
    Status scheduled = temp_.store().write([&](Transaction& tx) -> Status {
      tx.jobs().schedule(kJobTestCount, "2026-03-01", "{}", "2026-03-01T00:00:00.000Z",
                         "2026-03-01T00:00:00.000Z");
      auto job = tx.jobs().claim({kJobTestCount}, "2026-03-01T01:00:00.000Z", "dead",
                                 "2026-03-01T01:01:00.000Z");
      EXPECT_TRUE(job);
      EXPECT_TRUE(tx.jobs().mark_step("test_count:2026-03-01:0", job->id, "x"));
      EXPECT_TRUE(tx.jobs().mark_step("test_count:2026-03-01:1", job->id, "x"));
      EXPECT_FALSE(tx.jobs().mark_step("test_count:2026-03-01:1", job->id, "x"));
      return Ok();
    });
    ASSERT_TRUE(scheduled);
  }
  JobRunner alive = runner("alive", 2);
  alive.add(make_test_count_kind(5, 0));
  at("2026-03-01T01:00:30.000Z");  // the lease runs until 01:01
  auto early = alive.run_due_jobs(date("2026-03-01"));
  ASSERT_TRUE(early);
  EXPECT_EQ(early->steps, 0);
  auto status = alive.status(date("2026-03-01"));
  ASSERT_TRUE(status);
  EXPECT_EQ(status->front().status, "running");
  auto refused = alive.run_now(kJobTestCount, date("2026-03-01"), temp_.actor());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().reason, "job_running");

  at("2026-03-01T01:01:01.000Z");  // the lease has ended
  auto late = alive.run_due_jobs(date("2026-03-01"));
  ASSERT_TRUE(late);
  EXPECT_EQ(late->steps, 3);  // the three steps the dead process had not done
  EXPECT_EQ(audit_count("job.finish"), 1);
}

TEST_F(Jobs, AFailedRunIsRecordedAndTriedAgainLater) {
  JobRunner jobs = runner("p1");
  jobs.add(std::make_unique<FailingKind>());
  auto report = jobs.run_due_jobs(date("2026-03-01"));
  ASSERT_TRUE(report);
  EXPECT_EQ(report->failed, 1);
  auto status = jobs.status(date("2026-03-01"));
  ASSERT_TRUE(status);
  EXPECT_EQ(status->front().status, "failed");
  EXPECT_EQ(status->front().attempts, 1);
  EXPECT_NE(status->front().last_error.find("source_down"), std::string::npos);
  EXPECT_EQ(status->front().next_run_at, "2026-03-01T01:05:00.000Z");
  // Not before the retry time.
  at("2026-03-01T01:04:59.000Z");
  EXPECT_EQ(jobs.run_due_jobs(date("2026-03-01"))->failed, 0);
  at("2026-03-01T01:05:00.000Z");
  EXPECT_EQ(jobs.run_due_jobs(date("2026-03-01"))->failed, 1);
  EXPECT_EQ(jobs.status(date("2026-03-01"))->front().attempts, 2);
  EXPECT_EQ(audit_count("job.fail"), 2);
}

TEST_F(Jobs, TheLadderRemindsTheCellThenEscalatesToItsParentOnceEach) {
  auto source = std::make_shared<FakeAssignments>();
  source->open.push_back({41, "Báo cáo sơ kết 6 tháng", date("2026-03-10"), tree_[3], "/x/41", ""});
  JobRunner jobs = runner("p1");
  jobs.add(make_reminders_kind(source, {}));

  EXPECT_EQ(jobs.run_due_jobs(date("2026-03-02"))->steps, 0);  // 8 days before: nothing
  EXPECT_EQ(jobs.run_due_jobs(date("2026-03-03"))->steps, 1);  // 7 days before
  InboxPage page = inbox(cell_user_);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].kind, "reminder");
  EXPECT_EQ(page.items[0].title, "Sắp đến hạn: Báo cáo sơ kết 6 tháng");
  EXPECT_EQ(page.items[0].link, "/x/41");
  EXPECT_EQ(page.unread, 1);
  EXPECT_EQ(inbox(other_user_).total, 0);  // another cell's secretary
  EXPECT_EQ(inbox(base_user_).total, 0);   // the parent: only at the escalation

  // Run now on the same day: nothing twice.
  auto now = jobs.run_now(kJobReminders, date("2026-03-03"), temp_.actor());
  ASSERT_TRUE(now) << now.error().reason;
  EXPECT_EQ(now->steps, 0);
  EXPECT_EQ(inbox(cell_user_).total, 1);

  EXPECT_EQ(jobs.run_due_jobs(date("2026-03-10"))->steps, 1);  // the due day
  // The server was down from 11/3 to 16/3: on 17/3 only the escalation (d+7) is sent, not the
  // superseded d+3.
  EXPECT_EQ(jobs.run_due_jobs(date("2026-03-17"))->steps, 1);
  EXPECT_EQ(inbox(cell_user_).total, 2);
  page = inbox(base_user_);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].kind, "escalation");
  EXPECT_EQ(jobs.run_due_jobs(date("2026-03-18"))->steps, 0);
}

TEST_F(Jobs, ManyAssignmentsGoInBatchesEachNotifiedOnce) {
  auto source = std::make_shared<FakeAssignments>();
  for (int64_t id = 1; id <= 5; ++id) {
    source->open.push_back(
        {id, "Việc " + std::to_string(id), date("2026-03-10"), tree_[3], "", ""});
  }
  JobRunner jobs = runner("p1", 2);  // three batches
  jobs.add(make_reminders_kind(source, {}));
  auto report = jobs.run_due_jobs(date("2026-03-10"));
  ASSERT_TRUE(report);
  EXPECT_EQ(report->steps, 5);
  EXPECT_EQ(inbox(cell_user_).total, 5);
  EXPECT_EQ(audit_count("job.steps"), 3);
  // A sixth appears the same day: a run now does only it.
  source->open.push_back({6, "Việc 6", date("2026-03-10"), tree_[3], "", ""});
  auto now = jobs.run_now(kJobReminders, date("2026-03-10"), temp_.actor());
  ASSERT_TRUE(now);
  EXPECT_EQ(now->steps, 1);
  EXPECT_EQ(inbox(cell_user_).total, 6);
}

TEST_F(Jobs, OverdueMarkingRunsOncePerDayAndAgainWhenRunNow) {
  auto source = std::make_shared<FakeAssignments>();
  JobRunner jobs = runner("p1");
  jobs.add(make_overdue_kind(source));
  EXPECT_EQ(jobs.run_due_jobs(date("2026-03-01"))->steps, 1);
  EXPECT_EQ(jobs.run_due_jobs(date("2026-03-01"))->steps, 0);
  // Run now: the day's run is done, so another one marks again (marking is idempotent).
  EXPECT_EQ(jobs.run_now(kJobOverdue, date("2026-03-01"), temp_.actor())->steps, 1);
  EXPECT_EQ(jobs.run_due_jobs(date("2026-03-02"))->steps, 1);
  ASSERT_EQ(source->marked_as_of.size(), 3u);
  EXPECT_EQ(source->marked_as_of[2], date("2026-03-02"));
  EXPECT_EQ(audit_count("job.run"), 1);
}

TEST_F(Jobs, TheInboxIsTheUsersOwn) {
  JobRunner jobs = runner("p1", 10);
  jobs.add(make_test_count_kind(3, 0));
  ASSERT_TRUE(jobs.run_due_jobs(date("2026-03-01")));
  InboxPage page = inbox(admin_user_);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.unread, 3);
  const int64_t first = page.items[0].id;

  // Another user cannot see or mark it.
  auto foreign =
      run_write(temp_.services(), user_actor(other_user_), mark_notification_read, first);
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kNotFound);

  at("2026-03-01T02:00:00.000Z");
  auto read = run_write(temp_.services(), user_actor(admin_user_), mark_notification_read, first);
  ASSERT_TRUE(read) << read.error().reason;
  EXPECT_EQ(read->read_at, "2026-03-01T02:00:00.000Z");
  auto count = run_read(temp_.services(), user_actor(admin_user_), inbox_unread_count);
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 2);
  // Unread first: the read one goes last.
  page = inbox(admin_user_);
  EXPECT_EQ(page.items.back().id, first);
  InboxRequest unread_only;
  unread_only.unread_only = true;
  EXPECT_EQ(inbox(admin_user_, unread_only).total, 2);

  auto all = run_write(temp_.services(), user_actor(admin_user_), mark_inbox_read);
  ASSERT_TRUE(all);
  EXPECT_EQ(*all, 2);
  EXPECT_EQ(*run_read(temp_.services(), user_actor(admin_user_), inbox_unread_count), 0);
  EXPECT_EQ(audit_count("notification.read"), 1);
  EXPECT_EQ(audit_count("notification.read_all"), 1);
}

TEST_F(Jobs, WithoutUsersTheNearestAncestorsAreRemindedNotTheAdministrators) {
  auto ids_of = [&](OrgId org) {
    auto users = run_read(
        temp_.services(), temp_.actor(),
        [&](Context& ctx) -> Result<std::vector<User>> { return responsible_users(ctx, org); });
    EXPECT_TRUE(users);
    std::vector<int64_t> ids;
    for (const User& u : *users) ids.push_back(u.id);
    return ids;
  };
  // The committee (tree_[1]) and the bloc above it have no one who acts on directives (a
  // leader only reads): nobody on the path, so the administrators, there being nobody else.
  const int64_t leader = add_user("lanhdao_committee", "leader", tree_[1]);
  EXPECT_EQ(ids_of(tree_[1]), std::vector<int64_t>{admin_user_});
  // With the committee office (granted everything), it is them, not the administrators.
  const int64_t office = add_user("vanphong", "office_staff", OrgId());
  add_user("lanhdao", "leader", OrgId());
  EXPECT_EQ(ids_of(tree_[1]), std::vector<int64_t>{office});
  // An organization with users: its own; the base: its office.
  EXPECT_EQ(ids_of(tree_[3]), std::vector<int64_t>{cell_user_});
  EXPECT_EQ(ids_of(tree_[2]), std::vector<int64_t>{base_user_});
  (void)leader;
}

}  // namespace
}  // namespace chibo::app
