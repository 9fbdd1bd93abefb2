// The lifecycle use cases over a real SQLite store: what each procedure writes, in one
// transaction, and what a failing one leaves (nothing).
#include <gtest/gtest.h>

#include "app/badges.h"
#include "app/candidates.h"
#include "app/exits.h"
#include "app/member_changes.h"
#include "app/member_lifecycle.h"
#include "app/org_changes.h"
#include "app/org_views.h"
#include "app/probation.h"
#include "app/runner.h"
#include "app/transfers.h"
#include "storage/sql/tools/consistency.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using chibo::testing::date;
using chibo::testing::TempStore;
using domain::AdmissionStep;
using domain::StepRecord;

class Lifecycle : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_ = temp_.make_tree();  // bloc, committee, base, cell_a, cell_b
    for (const char* cccd : {"001080000101", "001080000102"}) {
      auto member = app::run_write(temp_.services(), temp_.actor(), app::create_member,
                                   chibo::testing::valid_member_patch(tree_[3].value, cccd));
      ASSERT_TRUE(member) << member.error().reason;
      introducers_.push_back(member->member.id);
    }
  }

  app::CandidateDetail candidate(const char* cccd = "001198000201") {
    app::CandidateInput input;
    input.person = {{"full_name", "Trần Thị Hoa"},
                    {"sex", "female"},
                    {"birth_date", "1998-04-10"},
                    {"ethnicity", "01"},
                    {"religion", "none"},
                    {"citizen_id", cccd},
                    {"org_id", std::to_string(tree_[4].value)}};
    auto created = app::run_write(temp_.services(), temp_.actor(), app::create_candidate, input);
    EXPECT_TRUE(created) << (created ? "" : created.error().reason);
    return *created;
  }

  Result<app::CandidateDetail> record(CandidateId id, AdmissionStep kind, const char* on) {
    StepRecord step;
    step.step = kind;
    step.on = date(on);
    step.document = {"12/GCN", "Trung tâm Chính trị"};
    step.vote = {9, 0, 10};
    if (kind == AdmissionStep::kIntroduction)
      step.introducers = {{introducers_[0], date("2024-01-01")},
                          {introducers_[1], date("2024-01-01")}};
    return app::run_write(temp_.services(), temp_.actor(), app::record_admission_step, id, step);
  }

  void prepare(CandidateId id) {
    for (AdmissionStep kind : {AdmissionStep::kCourse, AdmissionStep::kApplication,
                               AdmissionStep::kPersonalHistory, AdmissionStep::kVerification,
                               AdmissionStep::kIntroduction, AdmissionStep::kEndorsement}) {
      auto done = record(id, kind, "2026-08-03");
      ASSERT_TRUE(done) << domain::step_code(kind) << " " << done.error().reason;
    }
  }

  TempStore temp_;
  std::vector<OrgId> tree_;
  std::vector<MemberId> introducers_;
};

TEST_F(Lifecycle, TheCeremonyWritesTheMemberTheFileAndTheirHistories) {
  const app::CandidateDetail file = candidate();
  const CandidateId id = file.view.candidate.id;
  prepare(id);
  ASSERT_TRUE(record(id, AdmissionStep::kCellResolution, "2026-09-01"));
  ASSERT_TRUE(record(id, AdmissionStep::kBaseResolution, "2026-09-10"));
  ASSERT_TRUE(record(id, AdmissionStep::kDecision, "2026-10-01"));
  auto admitted = record(id, AdmissionStep::kCeremony, "2026-10-20");
  ASSERT_TRUE(admitted) << admitted.error().reason;
  EXPECT_EQ(admitted->view.candidate.status, "admitted");
  const MemberId member = admitted->view.candidate.member_id;
  ASSERT_TRUE(member.valid());
  auto detail = app::run_read(
      temp_.services(), temp_.actor(),
      [](app::Context& c, MemberId id, bool r) { return app::get_member(c, id, r); }, member,
      false);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->member.status, "probationary");
  EXPECT_EQ(detail->member.admission_date, date("2026-10-01"));
  EXPECT_EQ(detail->member.probation_ends_on, date("2027-10-20"));
  EXPECT_EQ(detail->history.front().action, "admission");
  EXPECT_EQ(app::run_read(temp_.services(), temp_.actor(), app::get_org, tree_[4])
                ->view.counts.probationary,
            1);
  auto problems = check_consistency(temp_.store());
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST_F(Lifecycle, ARefusedStepWritesNothing) {
  const CandidateId id = candidate().view.candidate.id;
  auto refused = record(id, AdmissionStep::kCellResolution, "2026-09-01");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().code, "step_requires");
  auto detail = app::run_read(temp_.services(), temp_.actor(), app::get_candidate, id);
  EXPECT_TRUE(detail->view.steps.empty());
  EXPECT_EQ(detail->history.size(), 1u);  // the creation only
}

TEST_F(Lifecycle, DissolvingRefusesOpenFilesAndMergingCarriesThem) {
  const CandidateId id = candidate().view.candidate.id;
  auto dissolved = app::run_write(temp_.services(), temp_.actor(), app::dissolve_org, tree_[4],
                                  std::nullopt, std::nullopt);
  ASSERT_FALSE(dissolved);
  EXPECT_EQ(dissolved.error().reason, "org_has_open_candidates");
  ASSERT_TRUE(app::run_write(temp_.services(), temp_.actor(), app::merge_org, tree_[4], tree_[3],
                             std::nullopt, std::nullopt));
  auto moved = app::run_read(temp_.services(), temp_.actor(), app::get_candidate, id);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->view.candidate.person.org_id, tree_[3]);
  auto problems = check_consistency(temp_.store());
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST_F(Lifecycle, TransfersExitsAndBadgesKeepCountsAndHistory) {
  auto member = app::run_read(
      temp_.services(), temp_.actor(),
      [](app::Context& c, MemberId id, bool r) { return app::get_member(c, id, r); },
      introducers_[0], false);
  ASSERT_TRUE(member);
  app::TransferRequest request;
  request.transfer.kind = domain::TransferKind::kOfficial;
  request.transfer.direction = domain::TransferDirection::kInternal;
  request.transfer.member_id = introducers_[0];
  request.transfer.to_org = tree_[4];
  request.transfer.letter_date = date("2026-11-20");
  request.on = date("2026-11-20");
  auto moved = app::run_write(temp_.services(), temp_.actor(), app::start_transfer, request);
  ASSERT_TRUE(moved) << moved.error().reason;
  EXPECT_EQ(moved->transfer.state, domain::TransferState::kCompleted);
  EXPECT_EQ(
      app::run_read(temp_.services(), temp_.actor(), app::get_org, tree_[4])->view.counts.official,
      1);

  auto current = app::run_read(
      temp_.services(), temp_.actor(),
      [](app::Context& c, MemberId id, bool r) { return app::get_member(c, id, r); },
      introducers_[1], false);
  auto removed = app::run_write(
      temp_.services(), temp_.actor(), app::record_exit, introducers_[1], current->member.version,
      domain::ExitRequest{
          "removed", date("2026-11-25"), "no_progress_after_help", {"3-QĐ/ĐU", "Đảng ủy"}, ""});
  ASSERT_TRUE(removed) << removed.error().reason;
  EXPECT_EQ(
      app::run_read(temp_.services(), temp_.actor(), app::get_org, tree_[3])->view.counts.on_roll,
      0);
  // A stale version changes nothing.
  EXPECT_EQ(
      app::run_write(temp_.services(), temp_.actor(), app::record_exemption, introducers_[0], 1,
                     domain::ExemptionRequest{true, date("2026-11-26"), {"1-QĐ/CB", ""}, ""})
          .error()
          .code,
      ErrorCode::kStaleVersion);

  // Admitted 2005-03-02 (the fixture): 20 years, no badge yet; the lifecycle view says so.
  auto lifecycle =
      app::run_read(temp_.services(), temp_.actor(), app::member_lifecycle, introducers_[0]);
  ASSERT_TRUE(lifecycle);
  EXPECT_EQ(lifecycle->party_age.years, 21);
  EXPECT_EQ(lifecycle->next_badge, 30);
  EXPECT_EQ(lifecycle->transfers.size(), 1u);
  app::BadgeAwardRequest award{
      date("2027-02-03"), date("2026-11-28"), {"1-QĐ/ĐUK", "BTV"}, {{introducers_[0], 30}}};
  auto refused = app::run_write(temp_.services(), temp_.actor(), app::award_badges, award);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().code, "badge_not_reached");
  auto problems = check_consistency(temp_.store());
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST_F(Lifecycle, OverdueTransfersAreFoundBeyondTheNewestCut) {
  // One letter sent 60 days ago (past its 30 working days), two sent today; a list of one.
  auto third = app::run_write(temp_.services(), temp_.actor(), app::create_member,
                              chibo::testing::valid_member_patch(tree_[3].value, "001080000103"));
  ASSERT_TRUE(third) << third.error().reason;
  const Date today = temp_.services().clock.today();
  const MemberId movers[] = {introducers_[0], introducers_[1], third->member.id};
  std::vector<TransferId> started;
  for (int index = 0; index < 3; ++index) {
    app::TransferRequest request;
    request.transfer.kind = domain::TransferKind::kOfficial;
    request.transfer.direction = domain::TransferDirection::kOutgoing;
    request.transfer.member_id = movers[index];
    request.transfer.external_org = "Đảng bộ tỉnh Nghệ An";
    request.transfer.letter = {"12-GGT/ĐU", "Đảng ủy"};
    request.transfer.letter_date = today.add_days(index == 0 ? -60 : 0);
    request.on = request.transfer.letter_date;
    auto moved = app::run_write(temp_.services(), temp_.actor(), app::start_transfer, request);
    ASSERT_TRUE(moved) << moved.error().reason;
    started.push_back(moved->transfer.id);
  }
  app::TransferQuery query;
  query.limit = 1;
  auto newest = app::run_read(temp_.services(), temp_.actor(), app::list_transfers, query);
  ASSERT_TRUE(newest);
  ASSERT_EQ(newest->size(), 1u);
  EXPECT_NE(newest->front().transfer.id, started[0]);  // newest first: a letter of today
  query.overdue_only = true;
  auto overdue = app::run_read(temp_.services(), temp_.actor(), app::list_transfers, query);
  ASSERT_TRUE(overdue);
  ASSERT_EQ(overdue->size(), 1u);
  EXPECT_EQ(overdue->front().transfer.id, started[0]);
  EXPECT_TRUE(overdue->front().overdue);
}

}  // namespace
}  // namespace chibo::storage
