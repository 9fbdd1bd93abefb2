#include "domain/org/org_rules.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/org/structure_warnings.h"
#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::catalog;
using chibo::testing::date;
using chibo::testing::rules;

Organization org(long long id, const char* path, const char* kind) {
  Organization result;
  result.id = OrgId(id);
  result.path = *OrgPath::parse(path);
  result.kind = kind;
  result.name = std::string("Tổ chức ") + std::to_string(id);
  return result;
}

TEST(OrgFields, RequiresKindAndNameOnCreate) {
  const auto errors = check_org_fields(OrgDraft{}, true, catalog());
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "kind");
  EXPECT_EQ(errors[1].field, "name");
  EXPECT_TRUE(check_org_fields(OrgDraft{}, false, catalog()).empty());
}

TEST(OrgFields, ChecksKindLengthAndCode) {
  OrgDraft draft;
  draft.kind = "chi_bo_la";
  draft.name = std::string(256, 'a');
  draft.code = "DBK 01";
  const auto errors = check_org_fields(draft, true, catalog());
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].code, "unknown_code");
  EXPECT_EQ(errors[1].code, "too_long");
  EXPECT_EQ(errors[2].code, "code_charset");
}

TEST(Placement, FollowsTheKindsTable) {
  const Organization bloc = org(1, "/1/", "committee_central");
  const Organization base = org(2, "/1/2/", "base_committee");
  EXPECT_TRUE(check_placement("committee_central", nullptr, catalog()));
  EXPECT_FALSE(check_placement("cell", nullptr, catalog()));
  EXPECT_TRUE(check_placement("base_committee", &bloc, catalog()));
  EXPECT_TRUE(check_placement("cell", &base, catalog()));
  const Status wrong = check_placement("cell", &bloc, catalog());
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().fields.front().code, "kind_not_allowed_under");
  Organization dissolved = base;
  dissolved.status = OrgStatus::kDissolved;
  EXPECT_EQ(check_placement("cell", &dissolved, catalog()).error().fields.front().code,
            "org_not_active");
}

TEST(Move, RefusesCyclesAndNoOps) {
  Organization committee = org(2, "/1/2/", "committee_above_base");
  committee.parent_id = OrgId(1);
  const Organization below = org(5, "/1/2/5/", "committee_above_base");
  const Organization bloc = org(1, "/1/", "committee_central");
  EXPECT_EQ(check_move(committee, below, catalog()).error().fields.front().code,
            "move_into_own_subtree");
  EXPECT_EQ(check_move(committee, committee, catalog()).error().fields.front().code,
            "move_into_own_subtree");
  EXPECT_EQ(check_move(committee, bloc, catalog()).error().fields.front().code, "move_same_parent");
  const Organization other = org(3, "/1/3/", "committee_above_base");
  EXPECT_TRUE(check_move(committee, other, catalog()));
}

TEST(Merge, NeedsATargetThatCanTakeMembersAndChildren) {
  const Organization cell = org(10, "/1/2/10/", "cell");
  const Organization other_cell = org(11, "/1/2/11/", "cell");
  const Organization base = org(2, "/1/2/", "base_committee");
  EXPECT_TRUE(check_merge(cell, other_cell, {}, 5, catalog()));
  EXPECT_EQ(check_merge(cell, base, {}, 5, catalog()).error().fields.front().code,
            "target_cannot_hold_members");
  EXPECT_EQ(check_merge(base, cell, {}, 0, catalog()).error().fields.front().code,
            "merge_into_own_subtree");
  const Organization group = org(12, "/1/2/10/12/", "party_group");
  EXPECT_TRUE(check_merge(cell, other_cell, {group}, 0, catalog()));
  const Organization other_base = org(3, "/1/3/", "base_committee");
  EXPECT_EQ(check_merge(cell, other_base, {group}, 0, catalog()).error().fields.front().code,
            "target_cannot_take_children");
}

TEST(Dissolve, RefusedWhileMembersRemainAndListsThem) {
  const Organization cell = org(10, "/1/2/10/", "cell");
  const Status refused = check_dissolve(cell, date("2026-01-01"), {{7, "Nguyễn Văn An"}}, 1);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().reason, "org_has_active_members");
  ASSERT_EQ(refused.error().items.size(), 1u);
  EXPECT_EQ(refused.error().items[0].label, "Nguyễn Văn An");
  EXPECT_TRUE(check_dissolve(cell, date("2026-01-01"), {}, 0));
}

TEST(StructureWarnings, ComeFromTheRulesInForce) {
  const Organization cell = org(10, "/1/2/10/", "cell");
  MemberCounts counts;
  counts.official = 2;
  counts.on_roll = 4;
  auto warnings =
      structure_warnings(cell, catalog().org_kind("cell"), counts, rules(), date("2026-01-01"));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "few_official_members");
  EXPECT_EQ(warnings[0].threshold, 3);
  EXPECT_EQ(warnings[0].actual, 2);
  EXPECT_FALSE(warnings[0].source.empty());
  counts.official = 3;
  EXPECT_TRUE(
      structure_warnings(cell, catalog().org_kind("cell"), counts, rules(), date("2026-01-01"))
          .empty());
  // Before the rule took effect there is nothing to warn about.
  counts.official = 1;
  EXPECT_TRUE(
      structure_warnings(cell, catalog().org_kind("cell"), counts, rules(), date("2010-01-01"))
          .empty());
  // A tổ đảng is not held to the minimum.
  const Organization group = org(12, "/1/2/10/12/", "party_group");
  EXPECT_TRUE(structure_warnings(group, catalog().org_kind("party_group"), counts, rules(),
                                 date("2026-01-01"))
                  .empty());
}

TEST(StructureWarnings, BaseOrganizationSizeAgainstItsForm) {
  const Organization base_cell = org(4, "/1/4/", "base_cell");
  const Organization base_committee = org(5, "/1/5/", "base_committee");
  MemberCounts counts;
  counts.official = 30;
  counts.on_roll = 30;
  auto warnings = structure_warnings(base_cell, catalog().org_kind("base_cell"), counts, rules(),
                                     date("2026-01-01"));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "base_cell_too_large");
  counts.on_roll = counts.official = 29;
  EXPECT_TRUE(structure_warnings(base_cell, catalog().org_kind("base_cell"), counts, rules(),
                                 date("2026-01-01"))
                  .empty());
  warnings = structure_warnings(base_committee, catalog().org_kind("base_committee"), counts,
                                rules(), date("2026-01-01"));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "base_committee_too_small");
  counts.on_roll = 30;
  EXPECT_TRUE(structure_warnings(base_committee, catalog().org_kind("base_committee"), counts,
                                 rules(), date("2026-01-01"))
                  .empty());
  Organization dissolved = base_committee;
  dissolved.status = OrgStatus::kDissolved;
  counts.on_roll = counts.official = 0;
  EXPECT_TRUE(structure_warnings(dissolved, catalog().org_kind("base_committee"), counts, rules(),
                                 date("2026-01-01"))
                  .empty());
}

// The compliance board asks each warning of the whole tree: the same kinds, statuses and rule as
// structure_warnings, and the same verdict at the thresholds' boundaries.
TEST(StructureWarnings, ChecksForTheBoardAgreeWithThePerOrganizationWarnings) {
  const Date on = date("2026-01-01");
  const auto few = structure_check("few_official_members", catalog(), rules(), on);
  ASSERT_TRUE(few);
  EXPECT_EQ(few->rule, "org.min_official_members");
  EXPECT_EQ(few->threshold, 3);
  EXPECT_FALSE(few->at_least);
  EXPECT_EQ(few->statuses, std::vector<std::string>{"official"});
  for (const OrgKind& kind : catalog().org_kinds) {
    const bool listed =
        std::find(few->kinds.begin(), few->kinds.end(), kind.code) != few->kinds.end();
    EXPECT_EQ(listed, kind.min_official_applies) << kind.code;
  }
  EXPECT_FALSE(few->source.empty());

  const auto large = structure_check("base_cell_too_large", catalog(), rules(), on);
  ASSERT_TRUE(large);
  EXPECT_EQ(large->kinds, std::vector<std::string>{"base_cell"});
  EXPECT_EQ(large->statuses, catalog().on_roll_statuses());
  EXPECT_TRUE(large->at_least);
  const auto small = structure_check("base_committee_too_small", catalog(), rules(), on);
  ASSERT_TRUE(small);
  EXPECT_EQ(small->kinds, std::vector<std::string>{"base_committee"});
  EXPECT_FALSE(small->at_least);

  // At the boundary: the check's comparison gives structure_warnings' verdict.
  const auto warns = [](const StructureCheck& check, int64_t n) {
    return check.at_least ? n >= check.threshold : n < check.threshold;
  };
  for (int64_t n : {large->threshold - 1, large->threshold}) {
    MemberCounts counts;
    counts.official = counts.on_roll = n;
    const Organization base_cell = org(4, "/1/4/", "base_cell");
    const Organization base_committee = org(5, "/1/5/", "base_committee");
    const auto has = [](const std::vector<StructureWarning>& list, const char* code) {
      return std::any_of(list.begin(), list.end(),
                         [&](const StructureWarning& w) { return w.code == code; });
    };
    EXPECT_EQ(warns(*large, n), has(structure_warnings(base_cell, catalog().org_kind("base_cell"),
                                                       counts, rules(), on),
                                    "base_cell_too_large"));
    EXPECT_EQ(warns(*small, n),
              has(structure_warnings(base_committee, catalog().org_kind("base_committee"), counts,
                                     rules(), on),
                  "base_committee_too_small"));
  }
  EXPECT_TRUE(warns(*few, 2));
  EXPECT_FALSE(warns(*few, 3));

  // The rule's effective date: the day before it nothing is asked; unknown codes are not asked.
  EXPECT_FALSE(structure_check("few_official_members", catalog(), rules(), date("2011-01-18")));
  EXPECT_TRUE(structure_check("few_official_members", catalog(), rules(), date("2011-01-19")));
  EXPECT_FALSE(structure_check("too_many_cells", catalog(), rules(), on));
}

}  // namespace
}  // namespace chibo::domain
