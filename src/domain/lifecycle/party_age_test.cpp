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
  // Removed 2000-01-01, readmitted 2004-01-01: four years do not count.
  const std::vector<Gap> gaps = {{date("2000-01-01"), date("2004-01-01")}};
  EXPECT_EQ(party_age_anchor(date("1990-01-01"), gaps, date("1999-06-01")), date("1990-01-01"));
  EXPECT_EQ(party_age_anchor(date("1990-01-01"), gaps, date("2002-01-01")), date("1990-01-01"));
  EXPECT_EQ(party_age_anchor(date("1990-01-01"), gaps, date("2010-01-01")), date("1994-01-01"));
  EXPECT_EQ(party_age_anchor(date("1990-01-01"), gaps), date("1994-01-01"));
  EXPECT_EQ(total_gap_days(gaps), 1461);
  EXPECT_EQ(party_age_on(date("1990-01-01"), gaps, date("1999-12-31")).years, 9);
  // During the gap the age stands still.
  EXPECT_EQ(party_age_on(date("1990-01-01"), gaps, date("2003-06-01")).years, 10);
  EXPECT_EQ(party_age_on(date("1990-01-01"), gaps, date("2003-06-01")).total_days,
            party_age_on(date("1990-01-01"), gaps, date("2000-01-01")).total_days);
  EXPECT_EQ(party_age_on(date("1990-01-01"), gaps, date("2026-01-01")).years, 32);
}

TEST(PartyAge, MilestonesMoveByTheGapsBeforeThem) {
  EXPECT_EQ(milestone_date(date("1996-03-10"), {}, 30), date("2026-03-10"));
  const std::vector<Gap> gaps = {{date("2000-01-01"), date("2003-01-01")}};  // 3 years
  const Date thirty = milestone_date(date("1990-05-01"), gaps, 30);
  EXPECT_EQ(thirty, date("2023-05-01"));
  EXPECT_EQ(party_age_on(date("1990-05-01"), gaps, thirty).years, 30);
  EXPECT_EQ(party_age_on(date("1990-05-01"), gaps, thirty.add_days(-1)).years, 29);
  // A gap after the milestone leaves it where it was.
  EXPECT_EQ(milestone_date(date("1980-01-01"),
                           std::vector<Gap>{{date("2015-01-01"), date("2016-01-01")}}, 30),
            date("2010-01-01"));
  // A gap that begins just before the milestone pushes it past the whole gap.
  const std::vector<Gap> late = {{date("2009-12-01"), date("2010-06-01")}};
  EXPECT_EQ(milestone_date(date("1980-01-01"), late, 30), date("2010-07-01"));
}

TEST(PartyAge, AdmittedOn29February) {
  EXPECT_EQ(milestone_date(date("1996-02-29"), {}, 30), date("2026-02-28"));
  EXPECT_EQ(party_age_on(date("1996-02-29"), {}, date("2026-02-28")).years, 30);
  EXPECT_EQ(party_age_on(date("1996-02-29"), {}, date("2026-02-27")).years, 29);
}

TEST(PartyAge, PeriodsAreWholeMonthsThenDays) {
  EXPECT_EQ(period_between(date("2000-01-01"), date("2002-01-01")).months, 24);
  EXPECT_EQ(period_between(date("2000-01-01"), date("2002-01-01")).days, 0);
  EXPECT_EQ(period_between(date("2023-01-31"), date("2023-03-02")).months, 1);  // to 28/2
  EXPECT_EQ(period_between(date("2023-01-31"), date("2023-03-02")).days, 2);
  EXPECT_EQ(period_between(date("2024-02-29"), date("2025-02-28")).months, 12);
  EXPECT_EQ(period_between(date("2024-03-01"), date("2024-02-01")).months, 0);
  EXPECT_EQ(shift(date("2001-03-31"), {1, 2}), date("2001-05-02"));  // 30/4, then 2 days
}

// The milestone is exactly the first day the age reaches it, whatever the gaps: checked day by
// day over admissions and gaps at month ends and around 29 February.
TEST(PartyAge, MilestoneIsTheFirstDayTheAgeReachesIt) {
  const char* admissions[] = {"1960-02-29", "1961-01-31", "1962-03-31", "1963-08-15"};
  const std::vector<std::vector<Gap>> cases = {
      {},
      {{date("1980-01-31"), date("1980-02-29")}},
      {{date("1984-02-29"), date("1986-03-01")}, {date("1990-12-31"), date("1991-02-28")}},
      {{date("1991-05-20"), date("1991-05-21")}, {date("1992-01-30"), date("1996-02-29")}},
      {{date("1990-02-27"), date("1990-03-31")}},
  };
  for (const char* admitted : admissions) {
    for (const std::vector<Gap>& gaps : cases) {
      const Date admission = date(admitted);
      for (int years : {30, 40}) {
        const Date reached = milestone_date(admission, gaps, years);
        EXPECT_EQ(party_age_on(admission, gaps, reached).years, years) << admitted << " " << years;
        EXPECT_LT(party_age_on(admission, gaps, reached.add_days(-1)).years, years)
            << admitted << " " << years;
      }
    }
  }
}

// Issue 11: gaps are calendar periods, not day counts. 30 years of membership with a two-year
// gap containing 29 February is 28 years, not 27 years 11 months and some days.
TEST(PartyAge, AGapIsSubtractedAsACalendarPeriod) {
  const std::vector<Gap> two_years = {{date("2000-01-01"), date("2002-01-01")}};  // 731 days
  const PartyAge age = party_age_on(date("1990-01-01"), two_years, date("2020-01-01"));
  EXPECT_EQ(age.years, 28);
  EXPECT_EQ(age.months, 0);
  EXPECT_EQ(age.days, 0);
  EXPECT_EQ(milestone_date(date("1990-01-01"), two_years, 30), date("2022-01-01"));
  EXPECT_EQ(party_age_on(date("1990-01-01"), two_years, date("2021-12-31")).years, 29);
}

TEST(PartyAge, AGapEndingOnAMonthEndIsWholeMonths) {
  // 31 January to 28 February 2023 is one calendar month (28 days).
  const std::vector<Gap> gaps = {{date("2023-01-31"), date("2023-02-28")}};
  const PartyAge age = party_age_on(date("2000-03-31"), gaps, date("2024-04-30"));
  EXPECT_EQ(age.years, 24);
  EXPECT_EQ(age.months, 0);
  EXPECT_EQ(age.days, 0);
}

TEST(PartyAge, AGapStartingOn29FebruaryIsOneYear) {
  // 29 February 2020 to 28 February 2021: twelve calendar months (the day clamps to the end
  // of the shorter February), one year of party age whatever its 365 days.
  const std::vector<Gap> gaps = {{date("2020-02-29"), date("2021-02-28")}};
  const PartyAge age = party_age_on(date("2011-05-15"), gaps, date("2026-05-15"));
  EXPECT_EQ(age.years, 14);
  EXPECT_EQ(age.months, 0);
  EXPECT_EQ(age.days, 0);
}

TEST(PartyAge, SeveralGapsAreSubtractedInOrder) {
  const std::vector<Gap> gaps = {
      {date("2003-07-01"), date("2004-03-01")},  // 8 months over 29/2/2004 (244 days)
      {date("1988-02-01"), date("1990-02-01")},  // 2 years over 29/2/1988 (731 days)
  };
  const PartyAge age = party_age_on(date("1980-01-15"), gaps, date("2025-01-15"));
  EXPECT_EQ(age.years, 42);
  EXPECT_EQ(age.months, 4);
  EXPECT_EQ(age.days, 0);
  // Between the gaps only the first counts.
  const PartyAge between = party_age_on(date("1980-01-15"), gaps, date("2000-01-15"));
  EXPECT_EQ(between.years, 18);
  EXPECT_EQ(between.months, 0);
  EXPECT_EQ(between.days, 0);
}

TEST(PartyAge, AGapEndingTodayCountsWhole) {
  const std::vector<Gap> gaps = {{date("2022-03-01"), date("2024-03-01")}};  // over 29/2/2024
  const PartyAge today = party_age_on(date("2001-01-01"), gaps, date("2024-03-01"));
  EXPECT_EQ(today.years, 21);
  EXPECT_EQ(today.months, 2);
  EXPECT_EQ(today.days, 0);
  // The day before, still in the gap, the age is what it was when the gap began.
  const PartyAge inside = party_age_on(date("2001-01-01"), gaps, date("2024-02-29"));
  EXPECT_EQ(inside.years, 21);
  EXPECT_EQ(inside.months, 2);
  EXPECT_EQ(inside.days, 0);
}

TEST(PartyAge, MilestonesOfA29FebruaryAdmissionMoveByWholeYears) {
  // A gap of one calendar year (366 days over 29/2/2004) moves the 30-year milestone by a year.
  const std::vector<Gap> gaps = {{date("2003-03-01"), date("2004-03-01")}};
  EXPECT_EQ(milestone_date(date("1996-02-29"), gaps, 30), date("2027-02-28"));
  EXPECT_EQ(party_age_on(date("1996-02-29"), gaps, date("2027-02-28")).years, 30);
  EXPECT_EQ(party_age_on(date("1996-02-29"), gaps, date("2027-02-27")).years, 29);
}

}  // namespace
}  // namespace chibo::domain
