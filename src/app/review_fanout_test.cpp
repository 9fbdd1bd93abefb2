// The background fan-out of a review campaign (issue 15) over a real store (SQLite, and
// PostgreSQL under unit.postgresql), driven by the fixed clock: above the inline maximum the
// opening writes no unit and schedules the job; the steps needing units are refused while it
// runs; the runner writes every unit once, one batch per transaction, with its done mark.
// Also the keys and payloads shared with the directives' fan-out (app/fanout_steps.h).
#include "app/review_fanout.h"

#include <gtest/gtest.h>

#include <memory>

#include "app/review.h"
#include "app/runner.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::app {
namespace {

using chibo::testing::date;
using chibo::testing::TempStore;

TEST(FanoutSteps, KeysNameTheKindTheFanoutAndTheBatch) {
  EXPECT_EQ(fanout_job_key("review_fanout", 7), "review_fanout:7");
  EXPECT_EQ(fanout_step_key("review_fanout", 7, 0), "review_fanout:7:0");
  EXPECT_EQ(fanout_step_key("fanout", 12, 3), "fanout:12:3");
}

TEST(FanoutSteps, PayloadIdIsReadFromItsFieldOnly) {
  EXPECT_EQ(fanout_payload_id(R"({"campaign":42})", "campaign"), std::optional<int64_t>(42));
  EXPECT_EQ(fanout_payload_id(R"({"fanout":42})", "campaign"), std::nullopt);
  EXPECT_EQ(fanout_payload_id(R"({"campaign":"42"})", "campaign"), std::nullopt);
  EXPECT_EQ(fanout_payload_id("not json", "campaign"), std::nullopt);
  EXPECT_EQ(fanout_payload_id("[1]", "campaign"), std::nullopt);
}

class ReviewFanout : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_ = temp_.make_tree();  // bloc, committee, base, cell_a, cell_b
    temp_.clock().set("2026-12-01T01:00:00.000Z");
    actor_ = Actor::system("cli:test");
  }

  Result<CampaignView> open_at(OrgId org) {
    CampaignRequest request;
    request.org_id = org;
    request.year = 2026;
    request.review_date = date("2026-12-15");
    request.title = "Kiểm điểm năm 2026";
    return run_write(temp_.services(), actor_, open_review_campaign, request);
  }

  ReviewCampaign campaign(int64_t id) {
    ReviewCampaign found;
    Status read = temp_.store().read([&](Transaction& tx) -> Status {
      found = *tx.review().find_campaign(id);
      return Ok();
    });
    EXPECT_TRUE(read);
    return found;
  }

  // A runner with only the review fan-out, `batch_rows` units per step.
  std::unique_ptr<JobRunner> runner(int batch_rows) {
    JobRunnerOptions options;
    options.owner = "test:1";
    options.lease_seconds = 60;
    options.batch_steps = 1;
    auto jobs = std::make_unique<JobRunner>(temp_.services(), options);
    jobs->add(make_review_fanout_kind({batch_rows, 0}));
    return jobs;
  }

  TempStore temp_;
  std::vector<OrgId> tree_;
  Actor actor_;
};

TEST_F(ReviewFanout, SmallSubtreeOpensInTheRequest) {
  temp_.services().fanout_inline_max = 5;
  auto view = open_at(tree_[0]);
  ASSERT_TRUE(view) << view.error().reason;
  EXPECT_EQ(view->campaign.fanout_state, "done");
  EXPECT_EQ(view->campaign.units, 5);
  EXPECT_EQ(view->campaign.fanout_total, 5);
  EXPECT_EQ(campaign(view->campaign.id).units, 5);
}

TEST_F(ReviewFanout, LargeSubtreeFansOutInBatchesWithTheStepsRefusedUntilDone) {
  temp_.services().fanout_inline_max = 4;
  auto view = open_at(tree_[0]);
  ASSERT_TRUE(view) << view.error().reason;
  const int64_t id = view->campaign.id;
  EXPECT_EQ(view->campaign.fanout_state, "running");
  EXPECT_EQ(view->campaign.units, 0);
  EXPECT_EQ(view->campaign.fanout_total, 5);
  EXPECT_FALSE(view->unit.has_value());

  // Closing (and every step needing the units) waits for the fan-out: 409 with the progress.
  CloseCampaignRequest close{id, view->campaign.version};
  auto refused = run_write(temp_.services(), actor_, close_review_campaign, close);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().reason, "review_fanning_out");

  std::unique_ptr<JobRunner> jobs = runner(2);
  auto report = jobs->run_due_jobs(date("2026-12-01"));
  ASSERT_TRUE(report) << report.error().reason;
  EXPECT_EQ(report->steps, 3);  // 2 + 2 + 1 units
  const ReviewCampaign done = campaign(id);
  EXPECT_EQ(done.fanout_state, "done");
  EXPECT_EQ(done.units, 5);
  EXPECT_EQ(done.fanout_total, 5);
  EXPECT_EQ(done.fanout_batches, 3);
  EXPECT_FALSE(done.fanout_finished_at.empty());
  Status read = temp_.store().read([&](Transaction& tx) -> Status {
    for (OrgId org : tree_) EXPECT_TRUE(tx.review().find_unit(id, org).has_value());
    for (int64_t batch = 0; batch < 3; ++batch)
      EXPECT_EQ(tx.jobs().done_steps({fanout_step_key(kJobReviewFanout, id, batch)}).size(), 1u);
    EXPECT_TRUE(tx.jobs().done_steps({fanout_step_key(kJobReviewFanout, id, 3)}).empty());
    return Ok();
  });
  EXPECT_TRUE(read);

  // Nothing left: running again writes nothing; the campaign now closes.
  auto again = jobs->run_due_jobs(date("2026-12-01"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->steps, 0);
  EXPECT_EQ(campaign(id).units, 5);
  auto closed = run_write(temp_.services(), actor_, close_review_campaign,
                          CloseCampaignRequest{id, done.version});
  EXPECT_TRUE(closed) << closed.error().reason;
}

}  // namespace
}  // namespace chibo::app
