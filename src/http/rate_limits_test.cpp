#include "http/rate_limits.h"

#include <gtest/gtest.h>

namespace chibo::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
const auto t0 = std::chrono::steady_clock::time_point{} + std::chrono::hours(24);

TEST(TokenBucket, StartsFullThenRefillsAtTheRateUpToTheCapacity) {
  TokenBucket bucket;
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(take_token(bucket, t0, 3, 0.5)) << i;
  // Empty: the next token is two seconds away at half a token a second.
  EXPECT_EQ(take_token(bucket, t0, 3, 0.5), 2);
  EXPECT_EQ(take_token(bucket, t0 + seconds(1), 3, 0.5), 1);
  EXPECT_FALSE(take_token(bucket, t0 + seconds(2), 3, 0.5));
  // A long pause refills to the capacity, no more.
  const auto later = t0 + minutes(10);
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(take_token(bucket, later, 3, 0.5)) << i;
  EXPECT_TRUE(take_token(bucket, later, 3, 0.5));
  // Time going backwards (never on a steady clock) neither refills nor breaks it.
  EXPECT_TRUE(take_token(bucket, t0, 3, 0.5));
}

TEST(RateLimits, EachUserHasTheirOwnBurstThenTheRate) {
  RateLimits limits({.per_minute = 60, .burst = 5, .exports_per_hour = 0});
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(limits.admit(7, false, t0)) << i;
  const std::optional<Error> refused = limits.admit(7, false, t0);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, ErrorCode::kThrottled);
  EXPECT_EQ(refused->reason, "rate_limited");
  EXPECT_EQ(refused->param("retry_after"), "1");
  EXPECT_FALSE(limits.admit(8, false, t0)) << "another user";
  EXPECT_FALSE(limits.admit(7, false, t0 + seconds(1))) << "one a second";
  EXPECT_TRUE(limits.admit(7, false, t0 + milliseconds(1500)));
}

TEST(RateLimits, ExportsHaveAnHourlyQuotaAndARefusedOneCostsNoRequest) {
  RateLimits limits({.per_minute = 60, .burst = 3, .exports_per_hour = 2});
  EXPECT_FALSE(limits.admit(1, true, t0));
  EXPECT_FALSE(limits.admit(1, true, t0));
  const std::optional<Error> quota = limits.admit(1, true, t0);
  ASSERT_TRUE(quota);
  EXPECT_EQ(quota->reason, "export_quota");
  EXPECT_EQ(quota->param("retry_after"), "1800") << "two an hour: one every half hour";
  EXPECT_FALSE(limits.admit(1, false, t0)) << "the refused export left the third request";
  EXPECT_TRUE(limits.admit(1, false, t0));
  EXPECT_FALSE(limits.admit(1, true, t0 + minutes(30)));
}

TEST(RateLimits, ZeroMeansNoLimit) {
  RateLimits limits({.per_minute = 0, .burst = 1, .exports_per_hour = 0});
  for (int i = 0; i < 1000; ++i) ASSERT_FALSE(limits.admit(1, i % 2 == 0, t0)) << i;
  RateLimits exports_only({.per_minute = 0, .burst = 1, .exports_per_hour = 1});
  EXPECT_FALSE(exports_only.admit(1, false, t0));
  EXPECT_FALSE(exports_only.admit(1, false, t0));
  EXPECT_FALSE(exports_only.admit(1, true, t0));
  EXPECT_TRUE(exports_only.admit(1, true, t0));
}

TEST(RateLimits, ExportsAreTheCsvAndXlsxReadsAndTheMemberImports) {
  EXPECT_TRUE(is_export("GET", "/api/v1/members.csv"));
  EXPECT_TRUE(is_export("GET", "/api/v1/orgs/4/reports/members.xlsx"));
  EXPECT_TRUE(is_export("POST", "/api/v1/members/imports"));
  EXPECT_FALSE(is_export("GET", "/api/v1/members/imports"));
  EXPECT_FALSE(is_export("GET", "/api/v1/members"));
  EXPECT_FALSE(is_export("POST", "/api/v1/members.csv"));
  EXPECT_FALSE(is_export("GET", "/api/v1/documents/3/content"));
}

}  // namespace
}  // namespace chibo::http
