// Figures as of a past date (stats_reports.h): a subtree whose breakdowns are kept answers from
// today's kept counts less what changed since; the same figures as counting every member. The
// threshold is three members, so that the test tree's upper organizations are kept. A snapshot of
// a closed day, corrected by the members written since, gives the same figures too.
#include "app/stats_reports.h"

#include <gtest/gtest.h>

#include "app/exits.h"
#include "app/member_changes.h"
#include "app/member_views.h"
#include "app/org_changes.h"
#include "app/runner.h"
#include "app/stats_snapshots.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::app {
namespace {

using chibo::testing::TempStore;

class StatsAsOfTest : public ::testing::Test {
 protected:
  StatsAsOfTest() : temp_(false, 3) {}
  void SetUp() override { tree_ = temp_.make_tree(); }

  MemberId add(OrgId org, const std::string& birth, const std::string& admitted,
               const std::string& official, const std::string& sex = "male") {
    const int year = std::stoi(birth.substr(0, 4));
    const int century = (year - 1900) / 100 * 2 + (sex == "female" ? 1 : 0);
    char cccd[48];
    std::snprintf(cccd, sizeof cccd, "001%d%02d%06d", century, year % 100, ++serial_);
    auto patch = chibo::testing::valid_member_patch(org.value, cccd);
    patch["birth_date"] = birth;
    patch["sex"] = sex;
    patch["admission_date"] = admitted;
    patch["official_date"] = official;
    auto created = run_write(temp_.services(), temp_.actor(), create_member, patch);
    EXPECT_TRUE(created) << created.error().reason << " " << birth;
    return created ? created->member.id : MemberId();
  }

  void change(MemberId id, const domain::MemberPatch& patch) {
    auto stored = run_read(
        temp_.services(), temp_.actor(),
        [](Context& c, MemberId id, bool r) { return get_member(c, id, r); }, id, false);
    ASSERT_TRUE(stored);
    auto updated = run_write(temp_.services(), temp_.actor(), update_member, id,
                             stored->member.version, patch);
    ASSERT_TRUE(updated) << updated.error().reason;
  }

  std::vector<Date> days() {
    std::vector<Date> days;
    for (Date day = *Date::parse("2018-12-25"); day <= temp_.clock().today(); day = day.add_days(9))
      days.push_back(day);
    for (const char* day : {"2019-03-01", "2019-03-02", "2020-03-01", "2020-03-02", "2025-12-31",
                            "2026-01-09", "2026-01-10", "2026-11-28", "2026-11-29"})
      days.push_back(*Date::parse(day));
    return days;
  }

  std::vector<std::string> figures(OrgId org) { return figures_on(org, days()); }

  // Every way's figures of `org` on `days`, as text (as figures() writes them).
  std::vector<std::string> figures_on(OrgId org, const std::vector<Date>& days) {
    std::vector<std::string> all;
    for (const Date& day : days) {
      auto stats = run_read(temp_.services(), temp_.actor(), org_stats_as_of, org, day);
      EXPECT_TRUE(stats) << stats.error().reason;
      if (!stats) continue;
      std::string text = day.iso() + " total " + std::to_string(stats->total) + " undated " +
                         std::to_string(stats->undated_exemptions);
      for (const Breakdown& breakdown : stats->breakdowns) {
        text += " | " + breakdown.dimension;
        for (const auto& [value, n] : breakdown.values)
          text += " " + value + "=" + std::to_string(n);
      }
      all.push_back(text);
    }
    return all;
  }

  // Whether `org`'s figures on `day` come from a snapshot.
  bool from_snapshot(OrgId org, Date day) {
    auto found = run_read(
        temp_.services(), temp_.actor(),
        [](Context& ctx, OrgId id, Date on) -> Result<bool> {
          std::optional<Organization> organization = ctx.tx.orgs().find(id);
          return organization && stats_from_snapshot(ctx, *organization, on).has_value();
        },
        org, day);
    return found && *found;
  }

  TempStore temp_;
  std::vector<OrgId> tree_;  // bloc, committee, base, cell_a, cell_b
  int serial_ = 0;
};

TEST_F(StatsAsOfTest, KeptCountsLessTheChangesEqualCountingEveryMember) {
  // Today is 2026-11-29; birthdays on band boundaries for the days asked (31, 36, 71; the
  // months of December split at 2025-12-31).
  add(tree_[3], "1995-11-29", "2019-03-02", "2020-03-02");
  add(tree_[3], "1995-12-30", "2015-05-05", "2016-05-05");
  const MemberId c = add(tree_[3], "1990-11-28", "2010-01-01", "2011-01-01", "female");
  add(tree_[4], "1990-12-01", "2025-06-01", "2026-06-01");
  const MemberId e = add(tree_[4], "1955-11-29", "2000-01-01", "2001-01-01", "female");
  add(tree_[4], "1955-12-31", "2019-03-01", "2020-03-01");
  const MemberId g = add(tree_[4], "1980-05-17", "2012-02-02", "2013-02-02");
  add(tree_[4], "1994-12-31", "2015-01-01", "2016-01-01");
  add(tree_[3], "1994-12-15", "2025-07-01", "2026-07-01");
  {  // leaves the roll, through its procedure
    auto stored = run_read(
        temp_.services(), temp_.actor(),
        [](Context& ctx, MemberId id, bool r) { return get_member(ctx, id, r); }, c, false);
    ASSERT_TRUE(stored);
    auto deceased =
        run_write(temp_.services(), temp_.actor(), record_exit, c, stored->member.version,
                  domain::ExitRequest{"deceased", *Date::parse("2026-01-10"), "deceased", {}, ""});
    ASSERT_TRUE(deceased) << deceased.error().reason;
  }
  change(e, {{"birth_date", "1955-12-28"}, {"citizen_id", "001155999999"}});
  change(g, {{"org_id", std::to_string(tree_[3].value)}});  // another cell, no transfer
  change(g, {{"ethnicity", "02"}});
  std::vector<std::vector<std::string>> kept;
  for (const OrgId& org : tree_) kept.push_back(figures(org));
  // Nothing kept: every member counted.
  ASSERT_TRUE(temp_.store().write_session([&](soci::session& sql) -> Status {
    long long tracked = 0;
    sql << "SELECT COUNT(*) FROM org_stats_tracked", soci::into(tracked);
    EXPECT_GE(tracked, 2);
    sql << "DELETE FROM org_stats_tracked";
    sql << "DELETE FROM org_member_stats";
    return Ok();
  }));
  for (size_t index = 0; index < tree_.size(); ++index) {
    const std::vector<std::string> counted = figures(tree_[index]);
    ASSERT_EQ(kept[index].size(), counted.size());
    for (size_t day = 0; day < counted.size(); ++day)
      EXPECT_EQ(kept[index][day], counted[day]) << "organization " << index;
  }
}

TEST_F(StatsAsOfTest, ASnapshotCorrectedByTheMembersWrittenSinceEqualsCountingEveryMember) {
  temp_.clock().set("2026-11-29T01:00:00.000Z");
  add(tree_[3], "1995-11-29", "2019-03-02", "2020-03-02");
  add(tree_[3], "1995-12-30", "2015-05-05", "2016-05-05");
  const MemberId c = add(tree_[3], "1990-11-28", "2010-01-01", "2011-01-01", "female");
  add(tree_[4], "1990-12-01", "2025-06-01", "2026-06-01");
  const MemberId e = add(tree_[4], "1955-11-29", "2000-01-01", "2001-01-01", "female");
  add(tree_[4], "1955-12-31", "2019-03-01", "2020-03-01");
  const MemberId g = add(tree_[4], "1980-05-17", "2012-02-02", "2013-02-02");
  const MemberId h = add(tree_[4], "1994-12-31", "2015-01-01", "2016-01-01");
  add(tree_[3], "1994-12-15", "2025-07-01", "2026-07-01");
  const std::vector<Date> closed = closed_period_ends(temp_.clock().today(), 7);
  ASSERT_EQ(closed.front(), *Date::parse("2019-06-30"));
  ASSERT_EQ(closed.back(), *Date::parse("2026-06-30"));

  // Taken three hours later: the members written before are the snapshot's own (it counts those
  // written in the ten minutes before it again).
  temp_.clock().set("2026-11-29T04:00:00.000Z");
  for (const Date& day : closed) {
    auto taken = run_write(temp_.services(), temp_.actor(), take_stats_snapshot, day);
    ASSERT_TRUE(taken) << taken.error().reason;
  }
  auto today =
      run_write(temp_.services(), temp_.actor(), take_stats_snapshot, temp_.clock().today());
  ASSERT_FALSE(today);
  EXPECT_EQ(today.error().fields.at(0).code, "stats_snapshot_not_closed");
  for (const OrgId& org : tree_) EXPECT_TRUE(from_snapshot(org, *Date::parse("2025-12-31")));

  // Written after the snapshots (three hours on): a death, a corrected birth date, a member
  // moved to the other cell, another ethnicity, and a member entered late, admitted in 2018.
  temp_.clock().set("2026-11-29T07:00:00.000Z");
  {
    auto stored = run_read(
        temp_.services(), temp_.actor(),
        [](Context& ctx, MemberId id, bool r) { return get_member(ctx, id, r); }, c, false);
    ASSERT_TRUE(stored);
    auto deceased =
        run_write(temp_.services(), temp_.actor(), record_exit, c, stored->member.version,
                  domain::ExitRequest{"deceased", *Date::parse("2025-10-10"), "deceased", {}, ""});
    ASSERT_TRUE(deceased) << deceased.error().reason;
  }
  change(e, {{"birth_date", "1955-12-28"}, {"citizen_id", "001155999999"}});
  change(g, {{"org_id", std::to_string(tree_[3].value)}});
  change(h, {{"ethnicity", "02"}, {"sex", "female"}, {"citizen_id", "001194999999"}});
  add(tree_[4], "1970-01-02", "2018-04-04", "2019-04-04", "female");
  for (const Date& day : {*Date::parse("2025-12-31"), *Date::parse("2019-12-31")})
    EXPECT_TRUE(from_snapshot(tree_[0], day)) << day.iso();
  // A cell moved to a new base: the two bases' snapshot counts no longer hold; the others' do.
  domain::OrgDraft draft;
  draft.kind = "base_committee";
  draft.name = "Đảng bộ Vụ Hai";
  draft.code = "B.1.2";
  auto second = run_write(temp_.services(), temp_.actor(), create_org, tree_[1], draft);
  ASSERT_TRUE(second) << second.error().reason;
  auto moved = run_write(temp_.services(), temp_.actor(), move_org, tree_[4], second->org.id,
                         std::optional<int64_t>());
  ASSERT_TRUE(moved) << moved.error().reason;
  EXPECT_FALSE(from_snapshot(tree_[2], *Date::parse("2025-12-31")));
  EXPECT_TRUE(from_snapshot(tree_[1], *Date::parse("2025-12-31")));
  EXPECT_TRUE(from_snapshot(tree_[4], *Date::parse("2025-12-31")));

  std::vector<std::vector<std::string>> snapshot;
  for (const OrgId& org : tree_) snapshot.push_back(figures_on(org, closed));
  // No snapshot and nothing kept: every member counted.
  ASSERT_TRUE(temp_.store().write_session([&](soci::session& sql) -> Status {
    long long rows = 0;
    sql << "SELECT COUNT(*) FROM stats_snapshot_counts", soci::into(rows);
    EXPECT_GT(rows, 0);
    for (const char* table : {"stats_snapshot_roll", "stats_snapshot_counts", "stats_snapshots",
                              "org_stats_tracked", "org_member_stats"})
      sql << std::string("DELETE FROM ") + table;
    return Ok();
  }));
  for (size_t index = 0; index < tree_.size(); ++index) {
    const std::vector<std::string> counted = figures_on(tree_[index], closed);
    ASSERT_EQ(snapshot[index].size(), counted.size());
    for (size_t day = 0; day < counted.size(); ++day)
      EXPECT_EQ(snapshot[index][day], counted[day]) << "organization " << index;
  }
}

}  // namespace
}  // namespace chibo::app
