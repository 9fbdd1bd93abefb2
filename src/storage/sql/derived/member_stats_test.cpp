// Breakdowns kept for large subtrees (member_stats.h) against counting the members directly,
// through inserts, updates of status, birth date and organization, and subtree moves; on
// SQLite and (CHIBO_TEST_POSTGRES) PostgreSQL. The threshold is three members, so that the
// small test tree has tracked and untracked organizations.
#include "storage/sql/derived/member_stats.h"
#include "app/runner.h"

#include <gtest/gtest.h>

#include "app/exits.h"
#include "app/member_changes.h"
#include "app/member_views.h"
#include "app/org_changes.h"
#include "storage/sql/registry/member_repository.h"
#include "storage/sql/tools/consistency.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using chibo::testing::TempStore;

class Stats : public ::testing::Test {
 protected:
  Stats() : temp_(false, 3) {}
  void SetUp() override { tree_ = temp_.make_tree(); }

  MemberId add(OrgId org, const std::string& birth, const std::string& sex = "male") {
    const int year = std::stoi(birth.substr(0, 4));
    const int century = (year - 1900) / 100 * 2 + (sex == "female" ? 1 : 0);
    char cccd[48];
    std::snprintf(cccd, sizeof cccd, "001%d%02d%06d", century, year % 100, ++serial_);
    auto patch = chibo::testing::valid_member_patch(org.value, cccd);
    patch["birth_date"] = birth;
    patch["sex"] = sex;
    patch["admission_date"] = "2020-03-02";
    patch["official_date"] = "2021-03-02";
    auto created = app::run_write(temp_.services(), temp_.actor(), app::create_member, patch);
    EXPECT_TRUE(created) << created.error().reason << " " << birth;
    return created ? created->member.id : MemberId();
  }

  void change(MemberId id, const domain::MemberPatch& patch) {
    auto stored = app::run_read(
        temp_.services(), temp_.actor(),
        [](app::Context& c, MemberId id, bool r) { return app::get_member(c, id, r); }, id, false);
    ASSERT_TRUE(stored);
    auto updated = app::run_write(temp_.services(), temp_.actor(), app::update_member, id,
                                  stored->member.version, patch);
    ASSERT_TRUE(updated) << updated.error().reason;
  }

  // Every organization's breakdowns, as served, then again with nothing tracked (counted
  // from the members): they must be equal, and at least one organization must be tracked.
  void expect_kept_equals_counted() {
    const Date today = temp_.clock().today();
    const auto on_roll = chibo::testing::catalog().on_roll_statuses();
    long long tracked = 0;
    ASSERT_FALSE(temp_.store().write_session([&](soci::session& sql) -> Status {
      sql << "SELECT COUNT(*) FROM org_stats_tracked", soci::into(tracked);
      std::vector<std::pair<std::string, std::vector<app::Breakdown>>> kept;
      std::vector<OrgPath> paths;
      for (const OrgId& id : tree_) {
        std::string path;
        sql << "SELECT path FROM organizations WHERE id = " + std::to_string(id.value),
            soci::into(path);
        paths.push_back(*OrgPath::parse(path));
      }
      SqlMemberRepository members(sql, on_roll);
      for (const OrgPath& path : paths)
        kept.push_back({path.str(), members.breakdowns(path, today)});
      sql << "DELETE FROM org_stats_tracked";
      for (size_t index = 0; index < paths.size(); ++index) {
        const auto counted = members.breakdowns(paths[index], today);
        EXPECT_EQ(kept[index].second.size(), counted.size());
        for (size_t dimension = 0; dimension < counted.size(); ++dimension) {
          EXPECT_EQ(kept[index].second[dimension].values, counted[dimension].values)
              << kept[index].first << " " << counted[dimension].dimension;
        }
      }
      return Error::conflict("roll_back");
    }));
    EXPECT_GT(tracked, 0);
    auto problems = check_consistency(temp_.store());
    ASSERT_TRUE(problems);
    EXPECT_TRUE(problems->empty()) << problems->front();
  }

  TempStore temp_;
  std::vector<OrgId> tree_;  // bloc, committee, base, cell_a, cell_b
  int serial_ = 0;
};

TEST_F(Stats, KeptBreakdownsEqualCountedOnesThroughEveryKindOfChange) {
  // Today is 2026-11-29: these birthdays sit on the band boundaries (31, 36, 71).
  add(tree_[3], "1995-11-29");
  add(tree_[3], "1995-11-30");
  const MemberId c = add(tree_[3], "1990-11-28", "female");
  add(tree_[4], "1990-12-01");
  const MemberId e = add(tree_[4], "1955-11-29", "female");
  add(tree_[4], "1955-11-30");
  const MemberId g = add(tree_[4], "1980-05-17");
  expect_kept_equals_counted();
  {  // leaves the roll, through its procedure
    auto stored = app::run_read(
        temp_.services(), temp_.actor(),
        [](app::Context& c, MemberId id, bool r) { return app::get_member(c, id, r); }, c, false);
    ASSERT_TRUE(stored);
    auto deceased = app::run_write(
        temp_.services(), temp_.actor(), app::record_exit, c, stored->member.version,
        domain::ExitRequest{"deceased", *Date::parse("2026-01-10"), "deceased", {}, ""});
    ASSERT_TRUE(deceased) << deceased.error().reason;
  }
  change(e, {{"birth_date", "1955-11-28"}, {"citizen_id", "001155999999"}});
  change(g, {{"org_id", std::to_string(tree_[3].value)}});  // another cell
  change(g, {{"ethnicity", "02"}});
  expect_kept_equals_counted();
}

TEST_F(Stats, ASubtreeMoveCarriesItsCountsAndStartsTracking) {
  for (const char* birth : {"1970-01-01", "1971-02-02", "1972-03-03", "1973-04-04"})
    add(tree_[3], birth);
  // A second committee, small and untracked, receives the base organization (4 members).
  domain::OrgDraft draft;
  draft.kind = "committee_above_base";
  draft.name = "Đảng bộ Bộ Khác";
  auto other = app::run_write(temp_.services(), temp_.actor(), app::create_org, tree_[0], draft);
  ASSERT_TRUE(other);
  tree_.push_back(other->org.id);
  auto base = app::run_read(temp_.services(), temp_.actor(), app::get_org, tree_[2]);
  ASSERT_TRUE(base);
  ASSERT_TRUE(app::run_write(temp_.services(), temp_.actor(), app::move_org, tree_[2],
                             other->org.id, base->view.org.version));
  expect_kept_equals_counted();
  long long tracked = 0;
  ASSERT_TRUE(temp_.store().write_session([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM org_stats_tracked WHERE org_id = " +
               std::to_string(other->org.id.value),
        soci::into(tracked);
    return Ok();
  }));
  EXPECT_EQ(tracked, 1);  // it holds 4 members now, over the threshold
}

TEST(StatValues, MatchTheStoredText) {
  domain::Member member;
  member.sex = "female";
  member.birth_date = *Date::parse("1980-05-17");
  member.ethnicity = "01";
  const std::vector<std::string> values = stat_values(member);
  ASSERT_EQ(values.size(), stat_dimensions().size());
  EXPECT_EQ(values[0], "female");
  EXPECT_EQ(values[1], "1980-05");
  EXPECT_EQ(values[2], "01");
  EXPECT_EQ(values[3], "unknown");
}

}  // namespace
}  // namespace chibo::storage
