#include "domain/lifecycle/party_age.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

TEST(PartyAge, CountsFromTheAdmissionDecision) {
  // rules-reference §9: admitted 26/7/2015, official 26/7/2016 -> counted from 26/7/2015.
  const PartyAge age = party_age_on(date("2015-07-26"), {}, date("2026-12-02"));
  EXPECT_EQ(age.years, 11);
  EXPECT_EQ(age.months, 4);
  EXPECT_EQ(age.days, 6);
  EXPECT_EQ(party_age_on(date("2015-07-26"), {}, date("2025-07-25")).years, 9);
  EXPECT_EQ(party_age_on(date("2015-07-26"), {}, date("2025-07-26")).years, 10);
  EXPECT_EQ(party_age_on(date("2015-07-26"), {}, date("2015-07-01")).total_days, 0);
}

TEST(PartyAge, SubtractsGapsOnlyBeforeTheDay) {
  // Removed 2000-01-01, readmitted 2004-01-01: four years (1461 days) do not count.
  const std::vector<Gap> gaps = {{date("2000-01-01"), date("2004-01-01")}};
  EXPECT_EQ(gap_days_before(gaps, date("1999-06-01")), 0);
  EXPECT_EQ(gap_days_before(gaps, date("2002-01-01")), 731);
  EXPECT_EQ(gap_days_before(gaps, date("2010-01-01")), 1461);
  EXPECT_EQ(party_age_on(date("1990-01-01"), gaps, date("1999-12-31")).years, 9);
  // During the gap the age stands still.
  EXPECT_EQ(party_age_on(date("1990-01-01"), gaps, date("2003-06-01")).years, 10);
  EXPECT_EQ(party_age_on(date("1990-01-01"), gaps, date("2003-06-01")).total_days,
            party_age_on(date("1990-01-01"), gaps, date("2000-01-01")).total_days);
  EXPECT_EQ(party_age_on(date("1990-01-01"), gaps, date("2026-01-01")).years, 32);
}

TEST(PartyAge, MilestonesMoveByTheGapsBeforeThem) {
  EXPECT_EQ(milestone_date(date("1996-03-10"), {}, 30), date("2026-03-10"));
  const std::vector<Gap> gaps = {{date("2000-01-01"), date("2003-01-01")}};  // 1096 days
  const Date thirty = milestone_date(date("1990-05-01"), gaps, 30);
  EXPECT_EQ(thirty, date("1990-05-01").add_days(1096).add_years(30));
  EXPECT_EQ(party_age_on(date("1990-05-01"), gaps, thirty).years, 30);
  EXPECT_EQ(party_age_on(date("1990-05-01"), gaps, thirty.add_days(-1)).years, 29);
  // A gap after the milestone leaves it where it was.
  EXPECT_EQ(milestone_date(date("1980-01-01"), {{date("2015-01-01"), date("2016-01-01")}}, 30),
            date("2010-01-01"));
  // A gap that begins just before the milestone pushes it past the whole gap.
  const std::vector<Gap> late = {{date("2009-12-01"), date("2010-06-01")}};
  EXPECT_EQ(milestone_date(date("1980-01-01"), late, 30),
            date("1980-01-01").add_days(182).add_years(30));
}

TEST(PartyAge, AdmittedOn29February) {
  EXPECT_EQ(milestone_date(date("1996-02-29"), {}, 30), date("2026-02-28"));
  EXPECT_EQ(party_age_on(date("1996-02-29"), {}, date("2026-02-28")).years, 30);
  EXPECT_EQ(party_age_on(date("1996-02-29"), {}, date("2026-02-27")).years, 29);
}

}  // namespace
}  // namespace chibo::domain
