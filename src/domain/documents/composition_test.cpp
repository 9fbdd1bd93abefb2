#include "domain/documents/composition.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

std::vector<std::string> composition_codes(
    const char* kind, int64_t official, const std::vector<CommitteeSeat>& seats,
    Term term = term_after_congress(*Date::parse("2025-05-10"))) {
  std::vector<std::string> codes;
  for (const CompositionWarning& warning :
       composition_warnings(*chibo::testing::catalog().org_kind(kind), official, term, seats,
                            chibo::testing::catalog().documents, chibo::testing::rules(),
                            *Date::parse("2026-01-05"))) {
    codes.push_back(warning.code);
  }
  return codes;
}

using Codes = std::vector<std::string>;

TEST(CommitteeComposition, CellWithoutASecretary) {
  EXPECT_EQ(composition_codes("cell", 5, {}), Codes{"no_secretary"});
  EXPECT_EQ(composition_codes("cell", 5, {{1, "deputy_secretary"}}), Codes{"no_secretary"});
  EXPECT_TRUE(composition_codes("cell", 5, {{1, "secretary"}}).empty());
  EXPECT_TRUE(composition_codes("cell", 5, {{1, "secretary"}, {2, "deputy_secretary"}}).empty());
  // A tổ đảng elects no committee.
  EXPECT_TRUE(composition_codes("party_group", 5, {}).empty());
}

TEST(CommitteeComposition, BelowNineOfficialMembersACellElectsNoCommittee) {
  const std::vector<CommitteeSeat> seats = {{1, "secretary"}, {2, "cell_committee_member"}};
  EXPECT_EQ(composition_codes("cell", 8, seats), Codes{"cell_committee_below_threshold"});
  EXPECT_TRUE(composition_codes("cell", 9, seats).empty());
}

TEST(CommitteeComposition, ACellCommitteeHasAtMostSeven) {
  std::vector<CommitteeSeat> seats = {{1, "secretary"}, {2, "deputy_secretary"}};
  for (int64_t member = 3; member <= 7; ++member)
    seats.push_back({member, "cell_committee_member"});
  EXPECT_TRUE(composition_codes("cell", 30, seats).empty());  // 7
  seats.push_back({8, "cell_committee_member"});
  EXPECT_EQ(composition_codes("cell", 30, seats), Codes{"cell_committee_too_large"});
  // One member holding two seats counts once.
  seats.back().member_id = 1;
  EXPECT_TRUE(composition_codes("cell", 30, seats).empty());
}

TEST(CommitteeComposition, OneDeputyInACell) {
  EXPECT_EQ(composition_codes("cell", 12,
                              {{1, "secretary"}, {2, "deputy_secretary"}, {3, "deputy_secretary"}}),
            Codes{"too_many_deputies"});
}

TEST(CommitteeComposition, MoreMembersThanApprovedForTheTerm) {
  Term term = term_after_congress(*Date::parse("2025-05-10"));
  term.approved_committee_size = 3;
  term.approved_standing_size = 1;
  std::vector<CommitteeSeat> seats = {
      {1, "secretary"}, {2, "committee_member"}, {3, "committee_member"}};
  EXPECT_TRUE(composition_codes("base_committee", 40, seats, term).empty());
  seats.push_back({4, "committee_member"});
  EXPECT_EQ(composition_codes("base_committee", 40, seats, term), Codes{"committee_over_approved"});
  seats.push_back({2, "standing_member"});
  EXPECT_EQ(composition_codes("base_committee", 40, seats, term),
            (Codes{"committee_over_approved", "standing_over_approved"}));
}

TEST(CommitteeComposition, InspectionCommitteesAreNotElectedInCells) {
  EXPECT_EQ(composition_codes("base_cell", 20, {{1, "secretary"}, {2, "inspection_chair"}}),
            Codes{"inspection_in_cell"});
  EXPECT_TRUE(
      composition_codes("base_committee", 60, {{1, "secretary"}, {2, "inspection_chair"}}).empty());
  EXPECT_EQ(composition_codes("cell", 5, {{1, "secretary"}, {2, "mayor"}}),
            Codes{"unknown_position"});
}

TEST(CommitteeComposition, WarningsCarryTheRuleAndItsSource) {
  const std::vector<CompositionWarning> warnings = composition_warnings(
      *chibo::testing::catalog().org_kind("cell"), 8,
      term_after_congress(*Date::parse("2025-05-10")),
      {{1, "secretary"}, {2, "cell_committee_member"}}, chibo::testing::catalog().documents,
      chibo::testing::rules(), *Date::parse("2026-01-05"));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].rule, "committee.cell_committee_min_official");
  EXPECT_EQ(warnings[0].threshold, 9);
  EXPECT_EQ(warnings[0].actual, 8);
  EXPECT_NE(warnings[0].source.find("294-QĐ/TW"), std::string::npos);
}

// Which seats an organization of each kind has (positions per body and kind).
bool fits(const char* position, const char* kind) {
  const auto& catalog = chibo::testing::catalog();
  return position_fits_kind(*catalog.documents.position(position), *catalog.org_kind(kind));
}

TEST(CommitteePositions, EachKindHasItsOwnSeats) {
  for (const char* cell : {"cell", "base_cell"}) {
    EXPECT_TRUE(fits("secretary", cell));
    EXPECT_TRUE(fits("deputy_secretary", cell));
    EXPECT_TRUE(fits("cell_committee_member", cell));
    EXPECT_FALSE(fits("committee_member", cell)) << cell;
    EXPECT_FALSE(fits("standing_member", cell)) << cell;
    EXPECT_FALSE(fits("inspection_chair", cell)) << cell;
    EXPECT_FALSE(fits("group_leader", cell)) << cell;
  }
  EXPECT_TRUE(fits("committee_member", "sub_committee"));
  EXPECT_FALSE(fits("standing_member", "sub_committee"));
  EXPECT_FALSE(fits("inspection_member", "sub_committee"));
  for (const char* committee : {"base_committee", "committee_above_base", "committee_central"}) {
    EXPECT_TRUE(fits("secretary", committee));
    EXPECT_TRUE(fits("standing_member", committee));
    EXPECT_TRUE(fits("inspection_chair", committee));
    EXPECT_FALSE(fits("cell_committee_member", committee)) << committee;
    EXPECT_FALSE(fits("group_leader", committee)) << committee;
  }
  EXPECT_TRUE(fits("group_leader", "party_group"));
  EXPECT_FALSE(fits("secretary", "party_group"));
}

}  // namespace
}  // namespace chibo::domain
