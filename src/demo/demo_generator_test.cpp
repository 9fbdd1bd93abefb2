#include "demo/demo_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "app/candidates.h"
#include "app/dues.h"
#include "app/member_changes.h"
#include "app/member_import.h"
#include "app/member_views.h"
#include "app/org_changes.h"
#include "app/org_views.h"
#include "app/plans.h"
#include "app/probation.h"
#include "app/runner.h"
#include "app/transfers.h"
#include "domain/members/member_rules.h"
#include "storage/sql/tools/consistency.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::demo {
namespace {

using chibo::testing::TempStore;

DemoRules demo_rules() {
  return {chibo::testing::catalog(), chibo::testing::rules(), chibo::testing::calendar()};
}

DemoOptions options(long long members, uint64_t seed) {
  DemoOptions result;
  result.members = members;
  result.seed = seed;
  result.today = *Date::parse("2026-11-29");
  result.now_utc = "2026-11-29T03:00:00.000Z";
  return result;
}

TEST(Demo, BuildsAConsistentBlocOfTheRequestedSize) {
  TempStore temp;
  auto report = generate_demo(temp.store(), demo_rules(), options(6500, 7));
  ASSERT_TRUE(report) << report.error().reason;
  EXPECT_EQ(report->members, 6500);
  EXPECT_GE(report->committees, 30);  // the bloc and its committees above base level
  EXPECT_GT(report->cells, 400);
  EXPECT_GT(report->base_orgs, 60);
  auto roots = app::run_read(temp.services(), temp.actor(), app::list_children, OrgId(), false);
  ASSERT_EQ(roots->size(), 1u);
  EXPECT_EQ((*roots)[0].org.name, "Đảng bộ Khối các cơ quan Trung ương");
  EXPECT_EQ((*roots)[0].counts.total, 6500);
  auto problems = storage::check_consistency(temp.store());
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST(Demo, EveryGeneratedMemberPassesTheRegistryChecks) {
  TempStore temp;
  ASSERT_TRUE(generate_demo(temp.store(), demo_rules(), options(1500, 11)));
  app::MemberQuery query;
  query.limit = 500;
  long long checked = 0;
  for (query.offset = 0; query.offset < 1500; query.offset += 500) {
    auto page = app::run_read(temp.services(), temp.actor(), app::list_members, query);
    ASSERT_TRUE(page);
    for (const auto& item : page->items) {
      const domain::Member& member = *item;
      const auto errors = domain::check_member(member, chibo::testing::catalog(),
                                               chibo::testing::rules(), *Date::parse("2026-11-29"));
      EXPECT_TRUE(errors.empty()) << member.full_name << ": " << errors[0].field << " "
                                  << errors[0].code;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 1500);
}

// The lifecycle in the demo: files at every phase, each step as the rules allow it (replayed
// through the same checks), transfers, recognition awaiting decisions, badges matching awards.
TEST(Demo, TheLifecycleIsThereAndFollowsTheRules) {
  TempStore temp;
  auto report = generate_demo(temp.store(), demo_rules(), options(6500, 3));
  ASSERT_TRUE(report);
  EXPECT_GT(report->lifecycle.candidates, 50);
  EXPECT_GT(report->lifecycle.transfers, 5);
  EXPECT_GT(report->lifecycle.awards, 100);
  app::CandidateQuery query;
  query.limit = 500;
  auto list = app::run_read(temp.services(), temp.actor(), app::list_candidates, query);
  ASSERT_TRUE(list);
  std::set<std::string> phases;
  const Date today = *Date::parse("2026-11-29");
  for (const app::CandidateView& view : list->items) {
    phases.insert(std::string(domain::phase_code(view.progress.phase)));
    std::vector<domain::StepRecord> replayed;
    std::vector<domain::IntroducerFacts> facts;
    for (const domain::StepRecord& step : view.steps) {
      for (const domain::Introducer& introducer : step.introducers) {
        auto member = app::run_read(
            temp.services(), temp.actor(),
            [](app::Context& c, MemberId id, bool r) { return app::get_member(c, id, r); },
            introducer.member_id, false);
        ASSERT_TRUE(member);
        facts.push_back({member->member.id, true, member->member.full_name, member->member.status,
                         member->member.official_date, true});
      }
      // Steps are listed by date; equal dates keep their recording order.
      domain::Candidate as_then = view.candidate;
      as_then.status = "open";
      const auto errors = domain::check_admission_step(
          as_then, replayed, step, view.context, facts, std::nullopt, chibo::testing::catalog(),
          chibo::testing::rules(), chibo::testing::calendar(), today);
      EXPECT_TRUE(errors.empty()) << view.candidate.person.full_name << " "
                                  << domain::step_code(step.step) << ": " << errors[0].field << " "
                                  << errors[0].code;
      replayed.push_back(step);
    }
  }
  EXPECT_TRUE(phases.count("preparing") && phases.count("cell_review") &&
              phases.count("superior_review") && phases.count("ceremony"));
  auto probation = app::run_read(temp.services(), temp.actor(), app::probation_lists, OrgId(), 366);
  ASSERT_TRUE(probation);
  EXPECT_FALSE(probation->due.empty());
  auto transfers =
      app::run_read(temp.services(), temp.actor(), app::list_transfers, app::TransferQuery{});
  ASSERT_TRUE(transfers);
  EXPECT_TRUE(std::any_of(transfers->begin(), transfers->end(), [](const app::TransferView& t) {
    return t.transfer.state == domain::TransferState::kAway;
  }));
  auto problems = storage::check_consistency(temp.store());
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST(Demo, DuesAreThereAndAddUpThroughTheTree) {
  TempStore temp;
  auto report = generate_demo(temp.store(), demo_rules(), options(1500, 5));
  ASSERT_TRUE(report);
  EXPECT_GT(report->dues.bases, 1300);
  EXPECT_GT(report->dues.payments, 5 * report->dues.bases);
  EXPECT_GT(report->dues.members_in_arrears, 0);
  const app::Month october = app::Month::of(2026, 10);
  auto recon =
      app::run_read(temp.services(), temp.actor(), app::get_dues_reconciliation, OrgId(1), october);
  ASSERT_TRUE(recon);
  // Nothing lost or made up on the way: the root's subtree keeps what its cells collected, and
  // its line adds up its children's. Then down the first branch with money to a cell.
  EXPECT_GT(recon->line.sums.collected, 0);
  EXPECT_EQ(recon->line.sums.kept, recon->line.sums.collected);
  int64_t kept = recon->line.sums.own_kept, collected = recon->line.sums.own_collected;
  for (const app::ReconciliationLine& line : recon->children) {
    kept += line.sums.kept;
    collected += line.sums.collected;
  }
  EXPECT_EQ(kept, recon->line.sums.kept);
  EXPECT_EQ(collected, recon->line.sums.collected);
  std::optional<OrgId> cell;
  auto level = recon;
  for (int depth = 0; depth < 8 && !cell; ++depth) {
    const auto next = std::find_if(level->children.begin(), level->children.end(),
                                   [](const auto& l) { return l.sums.collected > 0; });
    ASSERT_NE(next, level->children.end());
    if (next->holds_members && !next->sums.has_children) {
      cell = next->org.id;
      break;
    }
    level = app::run_read(temp.services(), temp.actor(), app::get_dues_reconciliation, next->org.id,
                          october);
    ASSERT_TRUE(level);
  }
  ASSERT_TRUE(cell);
  auto book = app::run_read(temp.services(), temp.actor(), app::get_dues_book, *cell, october);
  ASSERT_TRUE(book);
  EXPECT_FALSE(book->lines.empty());
  for (const app::BookLine& line : book->lines) {
    EXPECT_LE(line.paid_for_month, line.due.amount) << line.member_name;
  }
  // Members who stopped paying are on the removal list, with at least 3 unpaid months.
  auto arrears =
      app::run_read(temp.services(), temp.actor(), app::get_dues_arrears, OrgId(1), 2026);
  ASSERT_TRUE(arrears);
  EXPECT_FALSE(arrears->items.empty());
  for (const app::ArrearsEntry& entry : arrears->items) EXPECT_GE(entry.unpaid.months.size(), 3u);
}

// --history-months bounds the meetings and dues written: with one ended month, members pay for
// it and the running month at most twice, and each cell meets in one month only (the national
// benchmark's setting).
TEST(Demo, HistoryMonthsBoundsMeetingsAndDues) {
  TempStore temp;
  DemoOptions one_month = options(1500, 5);
  one_month.history_months = 1;
  auto report = generate_demo(temp.store(), demo_rules(), one_month);
  ASSERT_TRUE(report);
  EXPECT_GT(report->dues.bases, 1300);
  EXPECT_GT(report->dues.payments, 0);
  EXPECT_LE(report->dues.payments, 2 * report->dues.bases);
  EXPECT_GT(report->meetings.meetings, 0);
  EXPECT_LE(report->meetings.meetings, 3 * report->cells);
  auto problems = storage::check_consistency(temp.store());
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
}

TEST(Demo, TheSameSeedGivesTheSameData) {
  auto export_of = [](uint64_t seed) {
    TempStore temp;
    EXPECT_TRUE(generate_demo(temp.store(), demo_rules(), options(800, seed)));
    std::ostringstream out;
    EXPECT_TRUE(app::export_members(temp.services(), temp.actor(), app::MemberQuery{}, out, {}));
    return out.str();
  };
  const std::string first = export_of(5);
  EXPECT_EQ(first, export_of(5));
  EXPECT_NE(first, export_of(6));
}

TEST(Demo, RefusesADatabaseThatHoldsData) {
  TempStore temp;
  temp.make_tree();
  auto report = generate_demo(temp.store(), demo_rules(), options(100, 1));
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().reason, "database_not_empty");
}

}  // namespace
}  // namespace chibo::demo

namespace chibo::demo {
namespace {

// The in-memory index the server keeps must answer exactly as SQL does.
TEST(Demo, SearchIndexAgreesWithSql) {
  TempStore temp;
  ASSERT_TRUE(generate_demo(temp.store(), demo_rules(), options(3000, 3)));
  auto indexed = temp.reopen(true);
  ASSERT_TRUE(indexed);
  app::Services with_index{*indexed, chibo::testing::catalog(), chibo::testing::rules(),
                           temp.services().clock, chibo::testing::calendar()};
  auto subtrees = app::run_read(temp.services(), temp.actor(), app::list_children, OrgId(1), false);
  ASSERT_TRUE(subtrees);
  const OrgId subtree = (*subtrees)[0].org.id;
  long long compared = 0;
  for (const char* q :
       {"nguyen", "nguyen van", "thi", "an", "anh", "tran thi h", "h", "le", "dang", "zzz"}) {
    for (bool scoped : {false, true}) {
      for (bool descending : {false, true}) {
        app::MemberQuery query;
        query.q = q;
        query.limit = 20;
        query.offset = 5;
        query.descending = descending;
        if (scoped) query.org = subtree;
        auto by_sql = app::run_read(temp.services(), temp.actor(), app::list_members, query);
        auto by_index =
            app::run_read(with_index, app::Actor::system("test"), app::list_members, query);
        ASSERT_TRUE(by_sql && by_index);
        EXPECT_EQ(by_sql->total, by_index->total) << q;
        ASSERT_EQ(by_sql->items.size(), by_index->items.size()) << q;
        for (size_t i = 0; i < by_sql->items.size(); ++i)
          EXPECT_EQ(by_sql->items[i]->id, by_index->items[i]->id) << q;
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 40);
  // A write through the indexed store is visible to its next search.
  auto detail = app::run_read(
      with_index, app::Actor::system("test"),
      [](app::Context& c, MemberId id) { return app::get_member(c, id); }, MemberId(1));
  ASSERT_TRUE(detail);
  ASSERT_TRUE(app::run_write(with_index, app::Actor::system("test", "r"), app::update_member,
                             MemberId(1), detail->member.version,
                             domain::MemberPatch{{"full_name", "Quách Thị Độc Nhất"}}));
  app::MemberQuery query;
  query.q = "doc nhat";
  EXPECT_EQ(app::run_read(with_index, app::Actor::system("test"), app::list_members, query)->total,
            1);
  // The page's records come from a cache checked against each record's version: a change
  // that leaves the name alone, and a renamed organization, still show at once.
  auto first = app::run_read(with_index, app::Actor::system("test"), app::list_members,
                             query);  // now cached
  ASSERT_TRUE(first);
  const domain::Member cached = *first->items.at(0);
  ASSERT_TRUE(app::run_write(with_index, app::Actor::system("test", "r"), app::update_member,
                             cached.id, cached.version,
                             domain::MemberPatch{{"phone", "0911222333"}}));
  auto second = app::run_read(with_index, app::Actor::system("test"), app::list_members, query);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->items.at(0)->phone, "0911222333");
  auto org = app::run_read(with_index, app::Actor::system("test"), app::get_org, cached.org_id);
  ASSERT_TRUE(org);
  domain::OrgDraft rename;
  rename.name = "Chi bộ Đổi Tên";
  ASSERT_TRUE(app::run_write(with_index, app::Actor::system("test", "r"), app::update_org,
                             cached.org_id, org->view.org.version, rename));
  auto third = app::run_read(with_index, app::Actor::system("test"), app::list_members, query);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->org_names.at(cached.org_id), "Chi bộ Đổi Tên");
}

// Most members have recorded a plan (3 to 5 items each); more than half are reviewed (the demo's
// today, 29/11, lies in both review windows of rules/plans.toml).
TEST(Demo, PlansAreRecordedAndSomeReviewed) {
  TempStore temp;
  auto report = generate_demo(temp.store(), demo_rules(), options(1500, 5));
  ASSERT_TRUE(report);
  EXPECT_GT(report->plans.plans, 1000);
  EXPECT_GE(report->plans.items, 3 * report->plans.plans);
  EXPECT_GT(report->plans.reviews, report->plans.plans / 2);
  // A member's plans read back through the use case as stored.
  const std::vector<app::Plan> some = [&] {
    std::vector<app::Plan> plans;
    (void)temp.store().read([&](app::Transaction& tx) {
      plans = tx.plans().of_member(MemberId(1), std::nullopt);
      return Ok();
    });
    return plans;
  }();
  auto cell = app::run_read(temp.services(), temp.actor(), app::get_member_plans, MemberId(1),
                            std::optional<int>());
  ASSERT_TRUE(cell);
  EXPECT_EQ(cell->items.size(), some.size());
  auto problems = storage::check_consistency(temp.store());
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
}

}  // namespace
}  // namespace chibo::demo
