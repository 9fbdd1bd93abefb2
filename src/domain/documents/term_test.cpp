#include "domain/documents/term.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

TEST(Terms, RunFromTheDayAfterTheCongressToTheCloseOfTheNext) {
  Term term = term_after_congress(date("2020-10-15"));
  EXPECT_EQ(term.starts_on(), date("2020-10-16"));
  EXPECT_FALSE(term.contains(date("2020-10-15")));
  EXPECT_TRUE(term.contains(date("2020-10-16")));
  EXPECT_TRUE(term.contains(date("2099-01-01")));  // runs until the next congress closes
  term.next_congress_closed_on = date("2025-09-24");
  EXPECT_TRUE(term.contains(date("2025-09-24")));
  EXPECT_FALSE(term.contains(date("2025-09-25")));
}

TEST(Terms, FindsTheTermOfADate) {
  std::vector<Term> terms = {term_after_congress(date("2015-10-10")),
                             term_after_congress(date("2020-10-15")),
                             term_after_congress(date("2025-09-24"))};
  terms[0].id = 1;
  terms[0].next_congress_closed_on = date("2020-10-15");
  terms[1].id = 2;
  terms[1].next_congress_closed_on = date("2025-09-24");
  terms[2].id = 3;
  EXPECT_EQ(term_on(terms, date("2015-10-10")), nullptr);
  EXPECT_EQ(term_on(terms, date("2015-10-11"))->id, 1);
  EXPECT_EQ(term_on(terms, date("2020-10-15"))->id, 1);
  EXPECT_EQ(term_on(terms, date("2020-10-16"))->id, 2);
  EXPECT_EQ(term_on(terms, date("2025-09-25"))->id, 3);
  EXPECT_TRUE(check_terms(terms).empty());
}

TEST(Terms, ChecksThatTermsFollowEachOther) {
  std::vector<Term> terms = {term_after_congress(date("2015-10-10")),
                             term_after_congress(date("2020-10-15"))};
  std::vector<FieldError> errors = check_terms(terms);
  EXPECT_TRUE(
      chibo::testing::has_error(errors, "terms[0].next_congress_closed_on", "term_open_not_last"));
  terms[0].next_congress_closed_on = date("2020-10-14");
  EXPECT_TRUE(chibo::testing::has_error(check_terms(terms), "terms[0].next_congress_closed_on",
                                        "term_gap"));
  terms[0].next_congress_closed_on = date("2015-10-10");
  EXPECT_TRUE(chibo::testing::has_error(check_terms(terms), "terms[0].next_congress_closed_on",
                                        "term_order"));
  terms[1].congress_opened_on = date("2020-10-16");
  EXPECT_TRUE(chibo::testing::has_error(check_terms(terms), "terms[1].congress_opened_on",
                                        "congress_dates"));
}

std::string standing_code(const char* kind_code, const char* closed_on, const char* today) {
  const OrgKind* kind = chibo::testing::catalog().org_kind(kind_code);
  std::optional<TermStanding> standing = term_standing(term_after_congress(date(closed_on)), *kind,
                                                       date(today), chibo::testing::rules());
  if (!standing) return "none";
  return standing->code.empty() ? "in_time" : standing->code;
}

TEST(TermStandings, BaseOrganizationsHoldCongressesEveryFiveYears) {
  // Closed 2020-10-15: due 2025-10-15, with consent up to 12 months later [R].
  EXPECT_EQ(standing_code("base_committee", "2020-10-15", "2025-10-15"), "in_time");
  EXPECT_EQ(standing_code("base_committee", "2020-10-15", "2025-10-16"), "term_due_passed");
  EXPECT_EQ(standing_code("base_committee", "2020-10-15", "2026-10-15"), "term_due_passed");
  EXPECT_EQ(standing_code("base_committee", "2020-10-15", "2026-10-16"), "term_overdue");
  EXPECT_EQ(standing_code("committee_central", "2020-10-15", "2026-10-16"), "term_overdue");
}

TEST(TermStandings, CellsUnderABaseCommitteeHoldThemTwicePerFiveYears) {
  // Closed 2023-03-10: due 2025-09-10 (30 months), at most 6 months late with consent.
  EXPECT_EQ(standing_code("cell", "2023-03-10", "2025-09-10"), "in_time");
  EXPECT_EQ(standing_code("cell", "2023-03-10", "2025-09-11"), "term_due_passed");
  EXPECT_EQ(standing_code("cell", "2023-03-10", "2026-03-10"), "term_due_passed");
  EXPECT_EQ(standing_code("cell", "2023-03-10", "2026-03-11"), "term_overdue");
  const OrgKind* cell = chibo::testing::catalog().org_kind("cell");
  std::optional<TermStanding> standing = term_standing(
      term_after_congress(date("2023-03-10")), *cell, date("2024-01-01"), chibo::testing::rules());
  ASSERT_TRUE(standing);
  EXPECT_EQ(standing->earliest_on, date("2025-03-10"));
  EXPECT_EQ(standing->length->key, "term.cell_months");
  EXPECT_FALSE(standing->length->source.empty());
}

TEST(TermStandings, NoneForEndedTermsOrGroups) {
  EXPECT_EQ(standing_code("party_group", "2023-03-10", "2030-01-01"), "none");
  Term ended = term_after_congress(date("2015-10-10"));
  ended.next_congress_closed_on = date("2020-10-15");
  EXPECT_FALSE(term_standing(ended, *chibo::testing::catalog().org_kind("base_committee"),
                             date("2030-01-01"), chibo::testing::rules()));
}

}  // namespace
}  // namespace chibo::domain
