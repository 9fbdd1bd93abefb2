#include "domain/directives/assignment_state.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

#include "domain/directives/rollup.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

using S = AssignmentState;
using A = AssignmentAction;

S after(S from, A action) {
  Result<S> next = next_state(from, action);
  EXPECT_TRUE(next) << state_code(from) << " " << action_code(action);
  return next ? *next : from;
}

TEST(AssignmentState, TheWholePathAndAReturn) {
  S s = S::kAssigned;
  s = after(s, A::kAcknowledge);
  EXPECT_EQ(s, S::kAcknowledged);
  s = after(s, A::kStart);
  EXPECT_EQ(s, S::kInProgress);
  s = after(s, A::kReport);
  EXPECT_EQ(s, S::kReported);
  s = after(s, A::kReturn);
  EXPECT_EQ(s, S::kReturned);
  s = after(s, A::kReport);  // reported again straight from returned
  EXPECT_EQ(s, S::kReported);
  s = after(s, A::kAccept);
  EXPECT_EQ(s, S::kAccepted);
}

TEST(AssignmentState, RefusesOutOfOrderActionsWithTheStateAndAction) {
  const std::pair<S, A> refused[] = {
      {S::kAssigned, A::kReport},     {S::kAssigned, A::kStart},
      {S::kAssigned, A::kAccept},     {S::kAcknowledged, A::kAcknowledge},
      {S::kInProgress, A::kAccept},   {S::kAccepted, A::kAccept},
      {S::kAccepted, A::kReturn},     {S::kAccepted, A::kReport},
      {S::kReturned, A::kAccept},     {S::kReported, A::kReport},
      {S::kAccepted, A::kAssignDown},
  };
  for (const auto& [from, action] : refused) {
    Result<S> next = next_state(from, action);
    ASSERT_FALSE(next) << state_code(from) << " " << action_code(action);
    EXPECT_EQ(next.error().code, ErrorCode::kConflict);
    EXPECT_EQ(next.error().reason, "assignment_state");
    EXPECT_EQ(next.error().param("state"), state_code(from));
    EXPECT_EQ(next.error().param("action"), action_code(action));
  }
}

TEST(AssignmentState, PassingDownAcknowledgesAndOtherwiseKeepsTheState) {
  EXPECT_EQ(after(S::kAssigned, A::kAssignDown), S::kAcknowledged);
  EXPECT_EQ(after(S::kInProgress, A::kAssignDown), S::kInProgress);
  EXPECT_EQ(after(S::kReturned, A::kAssignDown), S::kReturned);
}

TEST(AssignmentState, SidesAndCodesRoundTrip) {
  EXPECT_EQ(side_of(A::kAccept), AssignmentSide::kAssigner);
  EXPECT_EQ(side_of(A::kReturn), AssignmentSide::kAssigner);
  EXPECT_EQ(side_of(A::kReport), AssignmentSide::kReceiver);
  EXPECT_EQ(side_of(A::kAssignDown), AssignmentSide::kReceiver);
  for (S s :
       {S::kAssigned, S::kAcknowledged, S::kInProgress, S::kReported, S::kAccepted, S::kReturned}) {
    EXPECT_EQ(parse_state(state_code(s)), s);
  }
  EXPECT_FALSE(parse_state("done"));
}

TEST(AssignmentState, OverdueIsTheDayAfterTheDueDateUntilAccepted) {
  EXPECT_FALSE(is_overdue(S::kInProgress, date("2026-03-31"), date("2026-03-31")));
  EXPECT_TRUE(is_overdue(S::kInProgress, date("2026-03-31"), date("2026-04-01")));
  EXPECT_TRUE(is_overdue(S::kReported, date("2026-03-31"), date("2026-04-01")));
  EXPECT_FALSE(is_overdue(S::kAccepted, date("2026-03-31"), date("2026-04-01")));
}

TEST(Rollup, DeltasKeepTotalAndStatesInStep) {
  RollupCounts counts;
  counts += created_delta(S::kAssigned);
  counts += created_delta(S::kAssigned);
  counts += transition_delta(S::kAssigned, S::kAcknowledged, false);
  EXPECT_EQ(counts.total, 2);
  EXPECT_EQ(counts.assigned, 1);
  EXPECT_EQ(counts.acknowledged, 1);
  counts.overdue = 1;
  counts += transition_delta(S::kAcknowledged, S::kAccepted, true);
  EXPECT_EQ(counts.accepted, 1);
  EXPECT_EQ(counts.acknowledged, 0);
  EXPECT_EQ(counts.overdue, 0);
  EXPECT_TRUE(transition_delta(S::kReturned, S::kReturned, false).empty());
}

TEST(Rollup, PercentsAndStatus) {
  RollupCounts c;
  c.total = 3;
  c.assigned = 1;
  c.reported = 1;
  c.accepted = 1;
  c.studied = 30;
  const RollupPercents p = percents_of(c, 40);
  EXPECT_DOUBLE_EQ(p.acknowledged, 66.7);
  EXPECT_DOUBLE_EQ(p.reported, 66.7);
  EXPECT_DOUBLE_EQ(p.accepted, 33.3);
  EXPECT_DOUBLE_EQ(p.overdue, 0);
  EXPECT_DOUBLE_EQ(p.studied, 75);
  EXPECT_EQ(rollup_status(c), "lagging");
  c.overdue = 1;
  EXPECT_EQ(rollup_status(c), "overdue");
  EXPECT_EQ(rollup_status(RollupCounts{}), "none");
  RollupCounts done;
  done.total = done.accepted = 2;
  EXPECT_EQ(rollup_status(done), "done");
  EXPECT_DOUBLE_EQ(percents_of(RollupCounts{}, 0).accepted, 0);
  // The overdue subtree sorts before a merely slow one; an empty one last.
  EXPECT_TRUE(lags_behind(c, done));
  EXPECT_FALSE(lags_behind(done, c));
  EXPECT_TRUE(lags_behind(done, RollupCounts{}));
  EXPECT_FALSE(lags_behind(RollupCounts{}, done));
}

}  // namespace
}  // namespace chibo::domain
