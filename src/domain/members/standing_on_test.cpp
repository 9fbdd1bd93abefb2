// A member's standing on a past date (standing_on.h), on the days around each dated fact.
#include "domain/members/standing_on.h"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

MemberFacts admitted(const char* on, int64_t org = 7) {
  MemberFacts facts;
  facts.org = org;
  facts.status = "probationary";
  facts.admission_date = d(on);
  return facts;
}

TEST(StandingOn, OnTheRollFromTheAdmissionDay) {
  const MemberFacts facts = admitted("2025-03-10");
  EXPECT_FALSE(standing_on(facts, d("2025-03-09")));
  ASSERT_TRUE(standing_on(facts, d("2025-03-10")));
  EXPECT_EQ(standing_on(facts, d("2025-03-10"))->status, "probationary");
  EXPECT_EQ(standing_on(facts, d("2026-01-01"))->org, 7);
  MemberFacts unknown = facts;
  unknown.admission_date.reset();
  EXPECT_FALSE(standing_on(unknown, d("2026-01-01")));
}

TEST(StandingOn, OfficialFromTheOfficialDate) {
  MemberFacts facts = admitted("2024-03-10");
  facts.status = "official";
  facts.official_date = d("2025-03-10");
  EXPECT_EQ(standing_on(facts, d("2025-03-09"))->status, "probationary");
  EXPECT_EQ(standing_on(facts, d("2025-03-10"))->status, "official");
}

TEST(StandingOn, OffTheRollFromTheExitDay) {
  MemberFacts facts = admitted("2020-01-01");
  facts.status = "removed";
  facts.official_date = d("2021-01-01");
  facts.exit_date = d("2026-05-01");
  EXPECT_EQ(standing_on(facts, d("2026-04-30"))->status, "official");
  EXPECT_FALSE(standing_on(facts, d("2026-05-01")));
  facts.exit_date.reset();  // an exit without its date cannot be placed: off the roll
  EXPECT_FALSE(standing_on(facts, d("2021-06-01")));
}

TEST(StandingOn, InternalTransfersUnwindNewestFirst) {
  MemberFacts facts = admitted("2020-01-01", 30);
  facts.status = "official";
  facts.official_date = d("2021-01-01");
  facts.moves.push_back({DatedMove::Direction::kInternal, d("2026-06-01"), 2, 20, "official"});
  facts.moves.push_back({DatedMove::Direction::kInternal, d("2025-06-01"), 1, 10, "official"});
  EXPECT_EQ(standing_on(facts, d("2025-05-31"))->org, 10);
  EXPECT_EQ(standing_on(facts, d("2025-06-01"))->org, 20);
  EXPECT_EQ(standing_on(facts, d("2026-05-31"))->org, 20);
  EXPECT_EQ(standing_on(facts, d("2026-06-01"))->org, 30);
  // Two moves on one day: their order decides.
  facts.moves.push_back({DatedMove::Direction::kInternal, d("2026-06-01"), 3, 25, "official"});
  EXPECT_EQ(standing_on(facts, d("2026-05-31"))->org, 20);
}

TEST(StandingOn, AnOutgoingTransferLeavesTheRollOnItsLetterDay) {
  MemberFacts facts = admitted("2020-01-01", 7);
  facts.status = "transferred_out";
  facts.exit_date = d("2026-04-01");
  facts.moves.push_back({DatedMove::Direction::kOutgoing, d("2026-04-01"), 1, 7, "probationary"});
  ASSERT_TRUE(standing_on(facts, d("2026-03-31")));
  EXPECT_EQ(standing_on(facts, d("2026-03-31"))->status, "probationary");
  EXPECT_FALSE(standing_on(facts, d("2026-04-01")));
}

TEST(StandingOn, AnArrivalFromOutsideCountsFromItsDay) {
  MemberFacts facts = admitted("2010-01-01", 7);
  facts.status = "official";
  facts.official_date = d("2011-01-01");
  facts.moves.push_back({DatedMove::Direction::kIncoming, d("2026-02-01"), 1, 0, ""});
  EXPECT_FALSE(standing_on(facts, d("2026-01-31")));
  EXPECT_EQ(standing_on(facts, d("2026-02-01"))->org, 7);
  // Out in 2024 and back in 2026: on the roll before 2024, not between.
  facts.moves.push_back({DatedMove::Direction::kOutgoing, d("2024-05-01"), 0, 5, "official"});
  EXPECT_EQ(standing_on(facts, d("2024-04-30"))->org, 5);
  EXPECT_FALSE(standing_on(facts, d("2024-05-01")));
  EXPECT_FALSE(standing_on(facts, d("2025-12-31")));
}

TEST(StandingOn, ExemptedOnlyWhenADatedFactSaysSo) {
  MemberFacts facts = admitted("2000-01-01");
  facts.status = "exempted";
  facts.official_date = d("2001-01-01");
  facts.exemptions.push_back({d("2025-09-01"), true});
  EXPECT_EQ(standing_on(facts, d("2025-08-31"))->status, "official");
  EXPECT_EQ(standing_on(facts, d("2025-09-01"))->status, "exempted");
  facts.status = "official";
  facts.exemptions.push_back({d("2026-03-01"), false});
  EXPECT_EQ(standing_on(facts, d("2026-02-28"))->status, "exempted");
  EXPECT_EQ(standing_on(facts, d("2026-03-01"))->status, "official");
  // Exempted today with no dated start: official on past days, and flagged.
  MemberFacts undated = admitted("2000-01-01");
  undated.status = "exempted";
  undated.official_date = d("2001-01-01");
  const std::optional<StandingOn> standing = standing_on(undated, d("2020-01-01"));
  EXPECT_EQ(standing->status, "official");
  EXPECT_TRUE(standing->undated_exemption);
}

}  // namespace
}  // namespace chibo::domain
