// The retry and backoff rules (retry_policy.h), without a database.
#include "storage/sql/engine/retry_policy.h"

#include <gtest/gtest.h>

namespace chibo::storage {
namespace {

using std::chrono::milliseconds;

TEST(RetryPolicy, SqlstatesMapToFailures) {
  EXPECT_EQ(failure_of_sqlstate("08006", false), Failure::kConnection);
  EXPECT_EQ(failure_of_sqlstate("08001", false), Failure::kConnection);
  EXPECT_EQ(failure_of_sqlstate("57P01", false), Failure::kConnection);
  EXPECT_EQ(failure_of_sqlstate("57P03", false), Failure::kConnection);
  EXPECT_EQ(failure_of_sqlstate("25006", false), Failure::kReadOnly);
  EXPECT_EQ(failure_of_sqlstate("40001", false), Failure::kSerialization);
  EXPECT_EQ(failure_of_sqlstate("40P01", false), Failure::kSerialization);
  EXPECT_EQ(failure_of_sqlstate("23505", false), Failure::kUniqueRace);
  EXPECT_EQ(failure_of_sqlstate("53100", false), Failure::kDiskFull);
  EXPECT_EQ(failure_of_sqlstate("58030", false), Failure::kStorage);
  EXPECT_EQ(failure_of_sqlstate("42601", false), Failure::kOther);  // a syntax error is a bug
  EXPECT_EQ(failure_of_sqlstate("23503", false), Failure::kOther);  // so is a broken reference
  // A dead socket has no SQLSTATE; libpq's connection status tells.
  EXPECT_EQ(failure_of_sqlstate("     ", true), Failure::kConnection);
  EXPECT_EQ(failure_of_sqlstate("42601", true), Failure::kConnection);
}

TEST(RetryPolicy, ALostConnectionBeforeCommitRunsTheTransactionOnceMoreOnANewConnection) {
  const RetryDecision first = decide_retry(Failure::kConnection, Phase::kBody, true, 1);
  EXPECT_TRUE(first.retry);
  EXPECT_TRUE(first.drop_connection);
  EXPECT_FALSE(first.outcome_unknown);
  const RetryDecision second = decide_retry(Failure::kConnection, Phase::kBody, true, 2);
  EXPECT_FALSE(second.retry);  // the database is down, not just one stale connection
  EXPECT_TRUE(second.drop_connection);
  // A demoted primary (failover) is handled alike: another host now takes the writes.
  EXPECT_TRUE(decide_retry(Failure::kReadOnly, Phase::kBody, true, 1).retry);
}

TEST(RetryPolicy, ALostCommitIsNeverRetriedBlindly) {
  const RetryDecision lost = decide_retry(Failure::kConnection, Phase::kCommit, true, 1);
  EXPECT_FALSE(lost.retry);
  EXPECT_TRUE(lost.outcome_unknown);
  EXPECT_TRUE(lost.drop_connection);
  // A read has nothing to lose: it runs again.
  const RetryDecision read = decide_retry(Failure::kConnection, Phase::kCommit, false, 1);
  EXPECT_TRUE(read.retry);
  EXPECT_FALSE(read.outcome_unknown);
}

TEST(RetryPolicy, SerializationFailuresRetryAFewTimesWithAPause) {
  for (int attempt = 1; attempt < 5; ++attempt) {
    const RetryDecision decision =
        decide_retry(Failure::kSerialization, Phase::kBody, true, attempt);
    EXPECT_TRUE(decision.retry) << attempt;
    EXPECT_TRUE(decision.pause);
    EXPECT_FALSE(decision.drop_connection);
  }
  EXPECT_FALSE(decide_retry(Failure::kSerialization, Phase::kBody, true, 5).retry);
  // The server answered COMMIT with the failure: it rolled back, so running again is safe.
  EXPECT_TRUE(decide_retry(Failure::kSerialization, Phase::kCommit, true, 1).retry);
}

TEST(RetryPolicy, AUniqueRaceRunsOnceMoreSoTheChecksSeeTheOtherRow) {
  EXPECT_TRUE(decide_retry(Failure::kUniqueRace, Phase::kBody, true, 1).retry);
  EXPECT_FALSE(decide_retry(Failure::kUniqueRace, Phase::kBody, true, 2).retry);
}

TEST(RetryPolicy, OtherFailuresAreNotRetried) {
  for (Failure failure :
       {Failure::kOther, Failure::kStorage, Failure::kDiskFull, Failure::kBusy, Failure::kNone}) {
    const RetryDecision decision = decide_retry(failure, Phase::kBody, true, 1);
    EXPECT_FALSE(decision.retry);
    EXPECT_FALSE(decision.drop_connection);
  }
}

TEST(Backoff, GrowsExponentiallyUpToTheCapWithFullJitter) {
  const milliseconds base(100), cap(5000);
  EXPECT_EQ(backoff_delay(0, base, cap, 0.99).count(), 0);
  // The ceiling doubles per failure: 100, 200, 400 ... then stays at the cap.
  EXPECT_EQ(backoff_delay(1, base, cap, 0.999).count(), 99);
  EXPECT_EQ(backoff_delay(2, base, cap, 0.999).count(), 199);
  EXPECT_EQ(backoff_delay(3, base, cap, 0.5).count(), 200);
  EXPECT_EQ(backoff_delay(7, base, cap, 0.999).count(), 4995);
  EXPECT_EQ(backoff_delay(60, base, cap, 0.999).count(), 4995);  // no overflow
  // Full jitter: anywhere from nothing to the ceiling.
  EXPECT_EQ(backoff_delay(5, base, cap, 0.0).count(), 0);
  EXPECT_LE(backoff_delay(5, base, cap, 1.0).count(), 1600);
}

TEST(Backoff, RetryAfterIsWholeSecondsAndAtLeastOne) {
  EXPECT_EQ(retry_after_seconds(milliseconds(0)), 1);
  EXPECT_EQ(retry_after_seconds(milliseconds(999)), 1);
  EXPECT_EQ(retry_after_seconds(milliseconds(1001)), 2);
  EXPECT_EQ(retry_after_seconds(milliseconds(4995)), 5);
}

}  // namespace
}  // namespace chibo::storage
