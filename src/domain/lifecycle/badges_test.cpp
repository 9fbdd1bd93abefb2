#include "domain/lifecycle/badges.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

const std::vector<int64_t>& milestones() {
  return chibo::testing::rules().in_force("badge.milestone_years", date("2026-12-02"))->values;
}

TEST(Badges, OccasionsComeFromTheRules) {
  const RuleSet& rules = chibo::testing::rules();
  EXPECT_EQ(next_occasion(rules, date("2026-12-02")), date("2027-02-03"));
  EXPECT_EQ(next_occasion(rules, date("2026-11-07")), date("2026-11-07"));
  EXPECT_EQ(next_occasion(rules, date("2026-05-20")), date("2026-09-02"));
  EXPECT_EQ(previous_occasion(rules, date("2027-02-03")), date("2026-11-07"));
  EXPECT_EQ(previous_occasion(rules, date("2026-05-19")), date("2026-02-03"));
  EXPECT_EQ(milestones().front(), 30);
  EXPECT_EQ(milestones().back(), 90);
}

TEST(Badges, TheHighestMilestoneReachedAndNotAwarded) {
  const Date occasion = date("2027-02-03");
  const Date previous = date("2026-11-07");
  // Admitted 1996-12-20: 30 years on 2026-12-20, after the previous occasion.
  auto due = badge_due({MemberId(1), date("1996-12-20"), 0, {}}, occasion, previous, milestones());
  ASSERT_TRUE(due);
  EXPECT_EQ(due->milestone, 30);
  EXPECT_EQ(due->reached_on, date("2026-12-20"));
  EXPECT_TRUE(due->since_last);
  // Exactly on the occasion counts; the day after does not.
  EXPECT_TRUE(
      badge_due({MemberId(2), date("1997-02-03"), 0, {}}, occasion, previous, milestones()));
  EXPECT_FALSE(
      badge_due({MemberId(3), date("1997-02-04"), 0, {}}, occasion, previous, milestones()));
  // 44 years: the 40-year badge; due only if not awarded already.
  auto forty =
      badge_due({MemberId(4), date("1982-06-01"), 30, {}}, occasion, previous, milestones());
  ASSERT_TRUE(forty);
  EXPECT_EQ(forty->milestone, 40);
  EXPECT_FALSE(forty->since_last);  // reached in 2022: missed at earlier occasions
  EXPECT_FALSE(
      badge_due({MemberId(5), date("1982-06-01"), 40, {}}, occasion, previous, milestones()));
  // Under 30 years: nothing.
  EXPECT_FALSE(
      badge_due({MemberId(6), date("2000-01-01"), 0, {}}, occasion, previous, milestones()));
}

TEST(Badges, AGapDelaysTheBadge) {
  // Admitted 1996-10-01 with a year's gap: 30 years on 2027-10-01.
  const std::vector<Gap> gap = {{date("2005-03-01"), date("2006-03-01")}};
  EXPECT_FALSE(badge_due({MemberId(7), date("1996-10-01"), 0, gap}, date("2027-02-03"),
                         date("2026-11-07"), milestones()));
  auto due = badge_due({MemberId(7), date("1996-10-01"), 0, gap}, date("2027-11-07"),
                       date("2027-09-02"), milestones());
  ASSERT_TRUE(due);
  EXPECT_EQ(due->reached_on, date("2027-10-01"));
}

// Issue 11: a gap of two calendar years over 29 February delays the badge by two years, not
// by 731 days: admitted 3/2/1992, the 30-year badge is due at the occasion of 3/2/2024.
TEST(Badges, AGapIsACalendarPeriod) {
  const std::vector<Gap> gap = {{date("2000-01-01"), date("2002-01-01")}};
  auto due = badge_due({MemberId(8), date("1992-02-03"), 0, gap}, date("2024-02-03"),
                       date("2023-11-07"), milestones());
  ASSERT_TRUE(due);
  EXPECT_EQ(due->milestone, 30);
  EXPECT_EQ(due->reached_on, date("2024-02-03"));
}

// A milestone reached before a later gap keeps its date; the later ones move.
TEST(Badges, MilestonesBeforeAGapKeepTheirDate) {
  const std::vector<Gap> gap = {{date("1995-01-01"), date("1997-01-01")}};
  auto due = badge_due({MemberId(9), date("1960-05-19"), 0, gap}, date("2026-05-19"),
                       date("2026-02-03"), milestones());
  ASSERT_TRUE(due);
  EXPECT_EQ(due->milestone, 60);
  EXPECT_EQ(due->reached_on, date("2022-05-19"));
  EXPECT_EQ(milestone_date(date("1960-05-19"), gap, 30), date("1990-05-19"));
}

TEST(Badges, ListsEveryMemberInOrder) {
  const std::vector<BadgeFacts> facts = {{MemberId(1), date("1996-12-20"), 0, {}},
                                         {MemberId(2), date("2010-01-01"), 0, {}},
                                         {MemberId(3), date("1950-01-01"), 70, {}}};
  auto due = badges_due(facts, date("2027-02-03"), date("2026-11-07"), milestones());
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].id, MemberId(1));
  EXPECT_EQ(due[1].id, MemberId(3));
  EXPECT_EQ(due[1].milestone, 75);
}

}  // namespace
}  // namespace chibo::domain
