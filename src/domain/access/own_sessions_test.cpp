#include "domain/access/own_sessions.h"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

constexpr int64_t kMinuteMs = 60'000;

TEST(OwnSessions, ListsOnlySessionsThatStillAdmitRequests) {
  const SessionPolicy policy;
  const SessionTimes open{0, 10 * kMinuteMs, 8 * 60 * kMinuteMs, false};
  EXPECT_TRUE(session_listed(open, 20 * kMinuteMs, policy));
  EXPECT_FALSE(session_listed(open, 25 * kMinuteMs, policy));  // idle for 15 minutes
  SessionTimes ended = open;
  ended.ended = true;
  EXPECT_FALSE(session_listed(ended, 20 * kMinuteMs, policy));
  const SessionTimes old{0, 8 * 60 * kMinuteMs - kMinuteMs, 8 * 60 * kMinuteMs, false};
  EXPECT_FALSE(session_listed(old, 8 * 60 * kMinuteMs, policy));  // past its lifetime
}

TEST(OwnSessions, TheMostRecentActivityComesFirstThenTheLatestSignIn) {
  const SessionTimes early{0, 30 * kMinuteMs, 480 * kMinuteMs, false};
  const SessionTimes busy{10 * kMinuteMs, 40 * kMinuteMs, 490 * kMinuteMs, false};
  const SessionTimes twin{20 * kMinuteMs, 40 * kMinuteMs, 500 * kMinuteMs, false};
  EXPECT_TRUE(listed_before(busy, early));
  EXPECT_FALSE(listed_before(early, busy));
  EXPECT_TRUE(listed_before(twin, busy));  // the same activity: the later sign-in first
  EXPECT_FALSE(listed_before(twin, twin));
}

TEST(OwnSessions, ARequestNamesOneSessionOrTheOthersNeverBothOrNeither) {
  EXPECT_TRUE(names_one_target("a1", false));
  EXPECT_TRUE(names_one_target("", true));
  EXPECT_FALSE(names_one_target("", false));
  EXPECT_FALSE(names_one_target("a1", true));
  const std::vector<std::string> open = {"here", "there"};
  EXPECT_EQ(sessions_to_end("", false, open, "here").outcome, EndOutcome::kNeedsOneTarget);
  const SessionsToEnd both = sessions_to_end("there", true, open, "here");
  EXPECT_EQ(both.outcome, EndOutcome::kNeedsOneTarget);
  EXPECT_TRUE(both.ids.empty());
}

TEST(OwnSessions, OneSessionByIdButNeitherTheCurrentOneNorAnUnknownOne) {
  const std::vector<std::string> open = {"here", "there", "elsewhere"};
  const SessionsToEnd one = sessions_to_end("there", false, open, "here");
  EXPECT_EQ(one.outcome, EndOutcome::kEnd);
  EXPECT_EQ(one.ids, std::vector<std::string>{"there"});
  EXPECT_EQ(sessions_to_end("here", false, open, "here").outcome, EndOutcome::kCurrent);
  // Another user's session is not among this user's: the same answer as a made-up id.
  EXPECT_EQ(sessions_to_end("someone-elses", false, open, "here").outcome, EndOutcome::kUnknown);
  EXPECT_EQ(sessions_to_end("THERE", false, open, "here").outcome, EndOutcome::kUnknown);
}

TEST(OwnSessions, TheOthersAreEveryOpenSessionButTheCurrentOne) {
  const SessionsToEnd others = sessions_to_end("", true, {"a", "here", "b"}, "here");
  EXPECT_EQ(others.outcome, EndOutcome::kEnd);
  EXPECT_EQ(others.ids, (std::vector<std::string>{"a", "b"}));
  const SessionsToEnd alone = sessions_to_end("", true, {"here"}, "here");
  EXPECT_EQ(alone.outcome, EndOutcome::kEnd);
  EXPECT_TRUE(alone.ids.empty());
}

}  // namespace
}  // namespace chibo::domain
