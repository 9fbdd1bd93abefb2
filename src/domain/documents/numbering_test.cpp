#include "domain/documents/numbering.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::catalog;
using chibo::testing::date;
using chibo::testing::rules;

const DocumentCatalog& document_catalog() { return catalog().documents; }

Term numbering_term() {
  Term term = term_after_congress(date("2025-09-24"));
  term.id = 7;
  term.congress_opened_on = date("2025-09-23");
  term.next_congress_closed_on = date("2030-09-20");
  return term;
}

const Issuer kCommittee{12, "committee", "ĐU"};
const Issuer kCongress{12, "congress", "ĐH"};

TEST(DocumentNumbering, StartsAtOneAndFollowsTheHighestGiven) {
  EXPECT_EQ(next_number({}), 1);
  EXPECT_EQ(next_number({1}), 2);
  EXPECT_EQ(next_number({3, 1, 2}), 4);
  EXPECT_EQ(next_number({1, 5}), 6);  // 2-4 withdrawn or skipped: never reused
}

TEST(DocumentNumbering, FirstPlanOfTheTermIsZeroOne) {
  Result<AssignedNumber> first = assign_number(kCommittee, *document_catalog().type("ke_hoach"),
                                               numbering_term(), date("2025-09-25"), {}, rules());
  ASSERT_TRUE(first) << first.error().fields.at(0).code;
  EXPECT_EQ(first->text, "01-KH/ĐU");
  Result<AssignedNumber> ninth =
      assign_number(kCommittee, *document_catalog().type("ke_hoach"), numbering_term(),
                    date("2026-02-05"), {1, 2, 3, 4, 5, 6, 7, 8}, rules());
  ASSERT_TRUE(ninth);
  EXPECT_EQ(ninth->text, "09-KH/ĐU");
  Result<AssignedNumber> tenth = assign_number(kCommittee, *document_catalog().type("ke_hoach"),
                                               numbering_term(), date("2026-02-05"), {9}, rules());
  EXPECT_EQ(tenth->text, "10-KH/ĐU");
}

TEST(DocumentNumbering, SeriesArePerTypeButShareASymbol) {
  const Term term = numbering_term();
  const DocumentType& plan = *document_catalog().type("ke_hoach");
  const DocumentType& resolution = *document_catalog().type("nghi_quyet");
  const DocumentType& regulation = *document_catalog().type("quy_dinh");
  const DocumentType& decision = *document_catalog().type("quyet_dinh");
  EXPECT_NE(numbering_series(kCommittee, plan, term),
            numbering_series(kCommittee, resolution, term));
  // Quy định and quyết định both print QĐ: one series, or two documents would share a symbol.
  EXPECT_EQ(numbering_series(kCommittee, regulation, term),
            numbering_series(kCommittee, decision, term));
  // A new term opens new series.
  Term next = term_after_congress(date("2030-09-20"));
  next.id = 8;
  EXPECT_NE(numbering_series(kCommittee, plan, term), numbering_series(kCommittee, plan, next));
  // Another body of the same organization (its inspection committee) numbers apart.
  const Issuer inspection{12, "inspection_committee", "UBKTĐU"};
  EXPECT_NE(numbering_series(kCommittee, plan, term), numbering_series(inspection, plan, term));
}

TEST(DocumentNumbering, CongressNumbersAcrossAllTypes) {
  const Term term = numbering_term();
  const auto resolution = numbering_series(kCongress, *document_catalog().type("nghi_quyet"), term);
  const auto report = numbering_series(kCongress, *document_catalog().type("bao_cao"), term);
  ASSERT_TRUE(resolution);
  EXPECT_EQ(resolution, report);
  EXPECT_EQ(resolution->series, "*");
  Result<AssignedNumber> third = assign_number(kCongress, *document_catalog().type("bien_ban"),
                                               term, date("2025-09-24"), {1, 2}, rules());
  ASSERT_TRUE(third);
  EXPECT_EQ(third->text, "03-BB/ĐH");
}

std::string numbering_problem(const Issuer& issuer, const char* type, const char* on) {
  Result<AssignedNumber> assigned = assign_number(issuer, *document_catalog().type(type),
                                                  numbering_term(), date(on), {}, rules());
  if (assigned) return "ok";
  return assigned.error().fields.at(0).field + ":" + assigned.error().fields.at(0).code;
}

TEST(DocumentNumbering, RefusesDatesOutsideTheTermAtItsBoundaries) {
  // The term runs from the day after the congress closed (2025-09-24) to the close of the next.
  EXPECT_EQ(numbering_problem(kCommittee, "ke_hoach", "2025-09-24"), "issued_on:date_outside_term");
  EXPECT_EQ(numbering_problem(kCommittee, "ke_hoach", "2025-09-25"), "ok");
  EXPECT_EQ(numbering_problem(kCommittee, "ke_hoach", "2030-09-20"), "ok");
  EXPECT_EQ(numbering_problem(kCommittee, "ke_hoach", "2030-09-21"), "issued_on:date_outside_term");
  // Congress documents fall within the congress, which closes the day before the term opens.
  EXPECT_EQ(numbering_problem(kCongress, "nghi_quyet", "2025-09-22"),
            "issued_on:date_outside_congress");
  EXPECT_EQ(numbering_problem(kCongress, "nghi_quyet", "2025-09-23"), "ok");
  EXPECT_EQ(numbering_problem(kCongress, "nghi_quyet", "2025-09-24"), "ok");
  EXPECT_EQ(numbering_problem(kCongress, "nghi_quyet", "2025-09-25"),
            "issued_on:date_outside_congress");
}

TEST(DocumentNumbering, RefusesUnnumberedTypesAndTypesACongressDoesNotIssue) {
  EXPECT_EQ(numbering_problem(kCommittee, "dieu_le", "2026-01-05"), "type:type_not_numbered");
  EXPECT_EQ(numbering_problem(kCongress, "ke_hoach", "2025-09-24"), "type:type_not_for_issuer");
}

TEST(DocumentNumbering, NoFormattingRuleBeforeTheGuidance) {
  // document.number_min_digits takes effect with Hướng dẫn 11-HD/VPTW (28/5/2004).
  Term old_term = term_after_congress(date("2000-06-01"));
  Result<AssignedNumber> assigned = assign_number(kCommittee, *document_catalog().type("ke_hoach"),
                                                  old_term, date("2004-05-27"), {}, rules());
  ASSERT_FALSE(assigned);
  EXPECT_EQ(assigned.error().fields.at(0).code, "rule_not_in_force");
}

TEST(IssuerAbbreviations, DefaultsPerKindAndOverridesPerOrganization) {
  EXPECT_EQ(issuer_abbreviation(document_catalog(), "party_central", "committee"), "TW");
  EXPECT_EQ(issuer_abbreviation(document_catalog(), "party_central", "office"), "VPTW");
  EXPECT_EQ(issuer_abbreviation(document_catalog(), "committee_central", "committee"), "TU");
  EXPECT_EQ(issuer_abbreviation(document_catalog(), "committee_central", "committee",
                                {{"committee", "ĐUK"}}),
            "ĐUK");
  EXPECT_EQ(issuer_abbreviation(document_catalog(), "base_committee", "committee"), "ĐU");
  EXPECT_EQ(issuer_abbreviation(document_catalog(), "sub_committee", "committee"), "ĐUBP");
  EXPECT_EQ(issuer_abbreviation(document_catalog(), "cell", "committee"), "CB");
  EXPECT_EQ(issuer_abbreviation(document_catalog(), "base_committee", "office"), std::nullopt);
  EXPECT_EQ(issuer_abbreviation(document_catalog(), "party_group", "committee"), std::nullopt);
}

}  // namespace
}  // namespace chibo::domain
