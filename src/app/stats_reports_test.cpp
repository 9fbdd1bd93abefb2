// Figures as of a past date (stats_reports.h): a subtree whose breakdowns are kept answers from
// today's kept counts less what changed since; the same figures as counting every member. The
// threshold is three members, so that the test tree's upper organizations are kept.
#include "app/stats_reports.h"

#include <gtest/gtest.h>

#include "app/exits.h"
#include "app/member_changes.h"
#include "app/member_views.h"
#include "app/runner.h"
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

  std::vector<std::string> figures(OrgId org) {
    std::vector<std::string> all;
    for (const Date& day : days()) {
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

}  // namespace
}  // namespace chibo::app
