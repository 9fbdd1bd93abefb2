// The organization tree through the use cases, on a real SQLite database.
#include "storage/sql/registry/org_repository.h"

#include <gtest/gtest.h>

#include "app/member_changes.h"
#include "app/org_changes.h"
#include "app/org_views.h"
#include "app/runner.h"
#include "storage/sql/tools/consistency.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using chibo::testing::TempStore;
using chibo::testing::valid_member_patch;

void add_member(TempStore& temp, OrgId org, const std::string& citizen_id,
                const char* status = "official") {
  auto patch = valid_member_patch(org.value, citizen_id);
  patch["status"] = status;
  if (std::string(status) == "probationary") {
    patch["official_date"] = std::nullopt;
    patch["admission_date"] = "2026-06-01";
  }
  auto created = app::run_write(temp.services(), temp.actor(), app::create_member, patch);
  ASSERT_TRUE(created) << created.error().reason << " "
                       << (created.error().fields.empty() ? "" : created.error().fields[0].code);
}

app::OrgView view(TempStore& temp, OrgId id) {
  return app::run_read(temp.services(), temp.actor(), app::get_org, id)->view;
}

void expect_consistent(TempStore& temp) {
  auto problems = check_consistency(temp.store());
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST(OrgTree, PathsAndChildrenInVietnameseOrder) {
  TempStore temp;
  const auto tree = temp.make_tree();
  const app::OrgView cell = view(temp, tree[3]);
  EXPECT_EQ(cell.org.path.ids(), (std::vector<OrgId>{tree[0], tree[1], tree[2], tree[3]}));
  auto children = app::run_read(temp.services(), temp.actor(), app::list_children, tree[2], false);
  ASSERT_TRUE(children);
  ASSERT_EQ(children->size(), 2u);
  // "Phòng Hai" sorts before "Phòng Một" (H < M).
  EXPECT_EQ((*children)[0].org.name, "Chi bộ Phòng Hai");
  EXPECT_EQ(app::run_read(temp.services(), temp.actor(), app::get_org, tree[3])->ancestors.size(),
            3u);
  EXPECT_EQ(view(temp, tree[2]).active_children, 2);
}

TEST(OrgTree, CountsRollUpTheSubtree) {
  TempStore temp;
  const auto tree = temp.make_tree();
  add_member(temp, tree[3], "001080000001");
  add_member(temp, tree[3], "001080000002", "probationary");
  add_member(temp, tree[4], "001080000003");
  EXPECT_EQ(view(temp, tree[3]).counts.official, 1);
  EXPECT_EQ(view(temp, tree[3]).counts.probationary, 1);
  EXPECT_EQ(view(temp, tree[2]).counts.on_roll, 3);
  EXPECT_EQ(view(temp, tree[0]).counts.official, 2);
  // Cells with fewer than 3 official members are flagged, with the rule's source.
  ASSERT_FALSE(view(temp, tree[3]).warnings.empty());
  EXPECT_EQ(view(temp, tree[3]).warnings[0].code, "few_official_members");
  expect_consistent(temp);
}

TEST(OrgTree, MovingASubtreeMovesPathsMembersAndCounts) {
  TempStore temp;
  const auto tree = temp.make_tree();
  add_member(temp, tree[3], "001080000001");
  add_member(temp, tree[4], "001080000002");
  domain::OrgDraft draft;
  draft.kind = "committee_above_base";
  draft.name = "Đảng bộ Bộ Tài chính";
  const OrgId other =
      app::run_write(temp.services(), temp.actor(), app::create_org, tree[0], draft)->org.id;
  auto moved =
      app::run_write(temp.services(), temp.actor(), app::move_org, tree[2], other, std::nullopt);
  ASSERT_TRUE(moved) << moved.error().reason;
  EXPECT_EQ(moved->org.parent_id, other);
  EXPECT_EQ(view(temp, tree[3]).org.path.ids(),
            (std::vector<OrgId>{tree[0], other, tree[2], tree[3]}));
  EXPECT_EQ(view(temp, other).counts.official, 2);
  EXPECT_EQ(view(temp, tree[1]).counts.official, 0);
  EXPECT_EQ(view(temp, tree[0]).counts.official, 2);
  app::MemberQuery query;
  query.org = other;
  EXPECT_EQ(app::run_read(temp.services(), temp.actor(), app::list_members, query)->total, 2);
  query.q = "nguyen";
  EXPECT_EQ(app::run_read(temp.services(), temp.actor(), app::list_members, query)->total, 2);
  expect_consistent(temp);
}

TEST(OrgTree, MovesThatWouldBreakTheTreeAreRefused) {
  TempStore temp;
  const auto tree = temp.make_tree();
  auto into_child =
      app::run_write(temp.services(), temp.actor(), app::move_org, tree[1], tree[3], std::nullopt);
  ASSERT_FALSE(into_child);
  EXPECT_EQ(into_child.error().fields[0].code, "move_into_own_subtree");
  auto wrong_kind =
      app::run_write(temp.services(), temp.actor(), app::move_org, tree[3], tree[0], std::nullopt);
  ASSERT_FALSE(wrong_kind);
  EXPECT_EQ(wrong_kind.error().fields[0].code, "kind_not_allowed_under");
  auto stale = app::run_write(temp.services(), temp.actor(), app::move_org, tree[3], tree[2], 99);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
}

TEST(OrgTree, DissolveIsRefusedWhileMembersRemain) {
  TempStore temp;
  const auto tree = temp.make_tree();
  add_member(temp, tree[3], "001080000001");
  auto refused = app::run_write(
      temp.services(), temp.actor(),
      [](app::Context& c, OrgId id, std::optional<Date> on) {
        return app::dissolve_org(c, id, on);
      },
      tree[2], std::nullopt);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().reason, "org_has_active_members");
  ASSERT_EQ(refused.error().items.size(), 1u);
  EXPECT_EQ(refused.error().items[0].label, "Nguyễn Văn An");
  EXPECT_TRUE(view(temp, tree[2]).org.active());
  // An empty cell dissolves; nobody can be placed in it afterwards.
  auto dissolved = app::run_write(
      temp.services(), temp.actor(),
      [](app::Context& c, OrgId id, std::optional<Date> on) {
        return app::dissolve_org(c, id, on);
      },
      tree[4], chibo::testing::date("2026-11-01"));
  ASSERT_TRUE(dissolved);
  EXPECT_EQ(dissolved->org.status, domain::OrgStatus::kDissolved);
  EXPECT_EQ(dissolved->org.dissolved_on->iso(), "2026-11-01");
  auto placed = app::run_write(temp.services(), temp.actor(), app::create_member,
                               valid_member_patch(tree[4].value, "001080000009"));
  ASSERT_FALSE(placed);
  EXPECT_EQ(placed.error().fields[0].field, "org_id");
  EXPECT_EQ(placed.error().fields[0].code, "org_not_active");
  EXPECT_EQ(
      app::run_read(temp.services(), temp.actor(), app::list_children, tree[2], false)->size(), 1u);
  EXPECT_EQ(app::run_read(temp.services(), temp.actor(), app::list_children, tree[2], true)->size(),
            2u);
}

TEST(OrgTree, MergeMovesMembersAndClosesTheSource) {
  TempStore temp;
  const auto tree = temp.make_tree();
  add_member(temp, tree[3], "001080000001");
  add_member(temp, tree[3], "001080000002");
  add_member(temp, tree[4], "001080000003");
  auto merged = app::run_write(
      temp.services(), temp.actor(),
      [](app::Context& c, OrgId s, OrgId t, std::optional<Date> on) {
        return app::merge_org(c, s, t, on);
      },
      tree[3], tree[4], std::nullopt);
  ASSERT_TRUE(merged) << merged.error().reason;
  EXPECT_EQ(merged->org.status, domain::OrgStatus::kMerged);
  EXPECT_EQ(merged->org.merged_into, tree[4]);
  EXPECT_EQ(view(temp, tree[4]).counts.official, 3);
  EXPECT_EQ(view(temp, tree[3]).counts.official, 0);
  EXPECT_EQ(view(temp, tree[2]).counts.official, 3);
  auto page = app::run_read(temp.services(), temp.actor(), app::list_members, app::MemberQuery{});
  for (const auto& member : page->items) EXPECT_EQ(member->org_id, tree[4]);
  // Each moved member's history says so.
  auto detail = app::run_read(
      temp.services(), temp.actor(),
      [](app::Context& c, MemberId id) { return app::get_member(c, id); }, page->items[0]->id);
  EXPECT_EQ(detail->history.front().action, "merge");
  expect_consistent(temp);
}

TEST(OrgTree, RenameWithOptimisticConcurrency) {
  TempStore temp;
  const auto tree = temp.make_tree();
  domain::OrgDraft rename;
  rename.name = "Chi bộ Phòng Ba";
  const int64_t version = view(temp, tree[3]).org.version;
  auto renamed =
      app::run_write(temp.services(), temp.actor(), app::update_org, tree[3], version, rename);
  ASSERT_TRUE(renamed);
  EXPECT_EQ(renamed->org.name, "Chi bộ Phòng Ba");
  EXPECT_EQ(renamed->org.version, version + 1);
  rename.name = "Chi bộ Phòng Bốn";
  auto stale =
      app::run_write(temp.services(), temp.actor(), app::update_org, tree[3], version, rename);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
  EXPECT_EQ(view(temp, tree[3]).org.name, "Chi bộ Phòng Ba");
  domain::OrgDraft duplicate;
  duplicate.code = "B.1";  // the committee's code
  auto taken = app::run_write(temp.services(), temp.actor(), app::update_org, tree[3], version + 1,
                              duplicate);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().reason, "duplicate_org_code");
}

TEST(OrgTree, SearchIgnoresDiacriticsAndFiltersKinds) {
  TempStore temp;
  const auto tree = temp.make_tree();
  auto search = [&](const char* q, std::optional<bool> holds_members = std::nullopt) {
    app::OrgSearch query;
    query.query = q;
    query.holds_members = holds_members;
    auto found = app::run_read(temp.services(), temp.actor(), app::search_orgs, query);
    EXPECT_TRUE(found);
    return found ? *found : std::vector<app::OrgDetail>{};
  };
  const auto found = search("vu phap che");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].view.org.id, tree[2]);
  // Each result names its ancestors, root first.
  ASSERT_EQ(found[0].ancestors.size(), 2u);
  EXPECT_EQ(found[0].ancestors[0].id, tree[0]);
  EXPECT_EQ(found[0].ancestors[1].id, tree[1]);
  EXPECT_EQ(search("phong").size(), 2u);
  EXPECT_EQ(search("dang bo").size(), 3u);
  EXPECT_EQ(search("bo", true).size(), 2u);  // only cells hold members
  EXPECT_EQ(search("hap").size(), 0u);       // words match from their start ("Pháp" is not "hap")
  EXPECT_TRUE(search("").empty());
  app::OrgSearch bad;
  bad.query = "x";
  bad.kinds = {"no_such_kind"};
  EXPECT_FALSE(app::run_read(temp.services(), temp.actor(), app::search_orgs, bad));
}

}  // namespace
}  // namespace chibo::storage
