#include "domain/access/session_policy.h"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

constexpr int64_t kMinute = 60'000;

TEST(SessionPolicy, EndsAfterIdlenessAndAfterItsLifetime) {
  const SessionPolicy policy;
  SessionTimes session{0, 0, 8 * 60 * kMinute, false};
  EXPECT_EQ(session_state(session, 14 * kMinute, policy), SessionState::kActive);
  EXPECT_EQ(session_state(session, 15 * kMinute, policy), SessionState::kIdle);
  // Activity keeps it alive, but never past its absolute lifetime.
  session.last_seen = 8 * 60 * kMinute - kMinute;
  EXPECT_EQ(session_state(session, 8 * 60 * kMinute - 1, policy), SessionState::kActive);
  EXPECT_EQ(session_state(session, 8 * 60 * kMinute, policy), SessionState::kExpired);
  session.ended = true;
  EXPECT_EQ(session_state(session, 0, policy), SessionState::kEnded);
}

TEST(SessionPolicy, EndsWhenTheClockWentBackFurtherThanTheSkewAllowed) {
  const SessionPolicy policy;
  const int64_t day = 24 * 60 * kMinute;
  const SessionTimes session{day, day, day + 8 * 60 * kMinute, false};
  // A correction of a few minutes keeps it; a day back ends it instead of keeping it a day.
  EXPECT_EQ(session_state(session, day - 5 * kMinute, policy), SessionState::kActive);
  EXPECT_EQ(session_state(session, day - 5 * kMinute - 1, policy), SessionState::kExpired);
  EXPECT_EQ(session_state(session, 0, policy), SessionState::kExpired);
}

TEST(SessionPolicy, TouchesAtMostOncePerMinute) {
  const SessionPolicy policy;
  const SessionTimes session{0, 10 * kMinute, 60 * kMinute, false};
  EXPECT_FALSE(should_touch(session, 10 * kMinute + 59'999, policy));
  EXPECT_TRUE(should_touch(session, 11 * kMinute, policy));
}

TEST(SessionPolicy, ThrottlesTheSixthAttemptPerAccountAndAddress) {
  const SessionPolicy policy;
  EXPECT_FALSE(login_throttled({4, 4}, policy));
  EXPECT_TRUE(login_throttled({5, 5}, policy));
  // Many usernames from one address: throttled at 20, whichever username comes next.
  EXPECT_FALSE(login_throttled({0, 19}, policy));
  EXPECT_TRUE(login_throttled({0, 20}, policy));
}

TEST(SessionPolicy, FirstLoginStepsComeBeforeFullAccess) {
  EXPECT_EQ(session_stage(true, true, false), kStageChangePassword);
  EXPECT_EQ(session_stage(false, true, false), kStageEnrolTotp);
  EXPECT_EQ(session_stage(false, true, true), kStageFull);
  EXPECT_EQ(session_stage(false, false, false), kStageFull);
}

}  // namespace
}  // namespace chibo::domain
