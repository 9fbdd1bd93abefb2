// The dues tables on a real store (SQLite, or PostgreSQL under unit.postgresql): round trips of
// every column, NULLs, order, the unique portal reference, the subtree sums.
#include "storage/sql/dues/dues_repository.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "app/member_changes.h"
#include "app/runner.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using app::Month;
using chibo::testing::date;
using chibo::testing::TempStore;

MemberId make_member(TempStore& temp, OrgId cell, const char* citizen_id) {
  auto patch = chibo::testing::valid_member_patch(cell.value, citizen_id);
  auto created = app::run_write(temp.services(), temp.actor(), app::create_member, patch);
  EXPECT_TRUE(created);
  return created ? created->member.id : MemberId();
}

app::DuesPayment payment(MemberId member, OrgId cell, const OrgPath& path, const char* on,
                         int64_t amount, const char* channel, const char* reference) {
  app::DuesPayment p;
  p.member_id = member;
  p.org_id = cell;
  p.org_path = path;
  p.paid_on = date(on);
  p.first_month = Month::of(2026, 3);
  p.months = 2;
  p.amount = amount;
  p.extra = 1000;
  p.channel = channel;
  p.reference = reference;
  p.created_at = "2026-11-29T03:00:00Z";
  p.created_by = "test";
  return p;
}

TEST(DuesRepository, RoundTripsAndSums) {
  TempStore temp;
  const auto tree = temp.make_tree();
  const MemberId a = make_member(temp, tree[3], "001080000201");
  const MemberId b = make_member(temp, tree[4], "001080000202");
  OrgPath path_a, path_b;
  ASSERT_TRUE(temp.store().read([&](app::Transaction& tx) -> Status {
    path_a = tx.orgs().find(tree[3])->path;
    path_b = tx.orgs().find(tree[4])->path;
    return Ok();
  }));
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    app::DuesBasis later{0, Month::of(2026, 6), "pension", 6'000'000, 0, ""};
    app::DuesBasis first{0, Month::of(2026, 3), "bhxh_salary", 8'000'000, 0, "Lương BHXH"};
    tx.dues().insert_basis(a, later, "2026-11-29T03:00:00Z", "test");
    tx.dues().insert_basis(a, first, "2026-11-29T03:00:00Z", "test");
    EXPECT_GT(first.id, 0);
    app::DuesRelief open;
    open.kind = "exemption";
    open.percent = 100;
    open.from = Month::of(2026, 9);
    app::DuesRelief reduction;
    reduction.kind = "reduction";
    reduction.percent = 30;
    reduction.from = Month::of(2026, 4);
    reduction.months = 12;
    reduction.decision_number = "3-QĐ/ĐU";
    tx.dues().insert_relief(a, open, std::nullopt, "2026-11-29T03:00:00Z", "test");
    tx.dues().insert_relief(a, reduction, date("2026-03-30"), "2026-11-29T03:00:00Z", "test");
    auto p1 = payment(a, tree[3], path_a, "2026-10-02", 80'000, "portal", "DVC-1");
    auto p2 = payment(a, tree[3], path_a, "2026-10-09", 20'000, "cash", "");
    auto p3 = payment(b, tree[4], path_b, "2026-10-09", 5'000, "cash", "");
    auto p4 = payment(b, tree[4], path_b, "2026-11-01", 7'000, "bank", "VCB-9");
    for (auto* p : {&p1, &p2, &p3, &p4}) tx.dues().insert_payment(*p);
    app::DuesClosing closing;
    closing.org_id = tree[3];
    closing.org_path = path_a;
    closing.month = Month::of(2026, 10);
    closing.members = 1;
    closing.due = 80'000;
    closing.collected = 100'000;
    closing.extra = 2'000;
    closing.kept = 30'600;
    closing.sent_up = 71'400;
    closing.keep_bp = 3000;
    closing.closed_at = "2026-11-29T03:00:00Z";
    closing.closed_by = "test";
    tx.dues().insert_closing(closing);
    app::DuesAdjustment adjustment;
    adjustment.org_id = tree[3];
    adjustment.month = Month::of(2026, 10);
    adjustment.amount = -5'000;
    adjustment.reason = "Ghi nhầm";
    adjustment.created_at = "2026-11-29T03:00:00Z";
    adjustment.created_by = "test";
    tx.dues().insert_adjustment(adjustment);
    return Ok();
  }));
  ASSERT_TRUE(temp.store().read([&](app::Transaction& tx) -> Status {
    auto bases = tx.dues().bases_of({a, b});
    EXPECT_EQ(bases[a].size(), 2u);
    EXPECT_EQ(bases[a][0].valid_from, Month::of(2026, 3));  // in month order
    EXPECT_EQ(bases[a][0].income, 8'000'000);
    EXPECT_EQ(bases[a][0].note, "Lương BHXH");
    EXPECT_EQ(bases[a][1].category, "pension");
    EXPECT_TRUE(bases[b].empty());
    auto reliefs = tx.dues().reliefs_of({a});
    EXPECT_EQ(reliefs[a].size(), 2u);
    if (reliefs[a].size() == 2) {
      EXPECT_EQ(reliefs[a][0].kind, "reduction");
      EXPECT_EQ(reliefs[a][0].months, 12);
      EXPECT_EQ(reliefs[a][0].decision_number, "3-QĐ/ĐU");
      EXPECT_FALSE(reliefs[a][1].months);  // open
    }
    auto payments = tx.dues().payments_of({a, b});
    EXPECT_EQ(payments[a].size(), 2u);
    EXPECT_EQ(payments[a][0].reference, "DVC-1");
    EXPECT_EQ(payments[a][0].first_month, Month::of(2026, 3));
    EXPECT_EQ(payments[a][0].months, 2);
    EXPECT_EQ(payments[a][0].extra, 1000);
    EXPECT_EQ(payments[a][0].org_path, path_a);
    EXPECT_TRUE(tx.dues().reference_taken("portal", "DVC-1"));
    EXPECT_FALSE(tx.dues().reference_taken("bank", "DVC-1"));
    // The whole tree's October, per cell.
    const OrgPath root = tx.orgs().find(tree[0])->path;
    auto collected = tx.dues().collected_in(root, Month::of(2026, 10));
    EXPECT_EQ(collected[tree[3]].amount, 100'000);
    EXPECT_EQ(collected[tree[3]].extra, 2'000);
    EXPECT_EQ(collected[tree[4]].amount, 5'000);
    EXPECT_EQ(tx.dues().collected_in(path_b, Month::of(2026, 11))[tree[4]].amount, 7'000);
    auto closing = tx.dues().find_closing(tree[3], Month::of(2026, 10));
    EXPECT_TRUE(closing);
    if (closing) {
      EXPECT_EQ(closing->kept, 30'600);
      EXPECT_EQ(closing->sent_up, 71'400);
      EXPECT_EQ(closing->org_path, path_a);
    }
    EXPECT_FALSE(tx.dues().find_closing(tree[4], Month::of(2026, 10)));
    EXPECT_EQ(tx.dues().closings_in(root, Month::of(2026, 10)).size(), 1u);
    EXPECT_TRUE(tx.dues().closings_in(path_b, Month::of(2026, 10)).empty());
    auto adjustments = tx.dues().adjustments_of(tree[3], Month::of(2026, 10));
    EXPECT_EQ(adjustments.size(), 1u);
    if (!adjustments.empty()) {
      EXPECT_EQ(adjustments[0].amount, -5000);
    }
    auto orgs = tx.dues().orgs_in(root);
    EXPECT_EQ(orgs.size(), 5u);
    if (!orgs.empty()) {
      EXPECT_EQ(orgs[0].id, tree[0]);
    }
    return Ok();
  }));
  // The store refuses a second payment with the same channel and reference.
  Status duplicate = temp.store().write([&](app::Transaction& tx) -> Status {
    auto p = payment(b, tree[4], path_b, "2026-11-02", 1'000, "portal", "DVC-1");
    tx.dues().insert_payment(p);
    return Ok();
  });
  EXPECT_FALSE(duplicate);
}

// The removal list's candidates with their dues facts for the lot: members whose standing is at
// or before the cut, in the subtree, on the roll, in id order, paged; each with their
// organization's name, bases, reliefs and the kept sum of their payments' dues parts.
TEST(DuesRepository, ArrearsFactsCarryBasesReliefsAndPaidSums) {
  TempStore temp;
  const auto tree = temp.make_tree();
  const MemberId a = make_member(temp, tree[3], "001080000401");
  const MemberId b = make_member(temp, tree[4], "001080000402");
  const MemberId c = make_member(temp, tree[3], "001080000403");
  OrgPath top, path_a, path_b;
  std::string name_a, name_b;
  ASSERT_TRUE(temp.store().read([&](app::Transaction& tx) -> Status {
    top = tx.orgs().find(tree[0])->path;
    path_a = tx.orgs().find(tree[3])->path;
    path_b = tx.orgs().find(tree[4])->path;
    name_a = tx.orgs().find(tree[3])->name;
    name_b = tx.orgs().find(tree[4])->name;
    return Ok();
  }));
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    app::DuesBasis later{0, Month::of(2026, 6), "pension", 6'000'000, 0, ""};
    app::DuesBasis first{0, Month::of(2026, 1), "bhxh_salary", 8'000'000, 0, "Lương BHXH"};
    tx.dues().insert_basis(a, later, "2026-11-29T03:00:00Z", "test");
    tx.dues().insert_basis(a, first, "2026-11-29T03:00:00Z", "test");
    app::DuesBasis only{0, Month::of(2026, 2), "student", 0, 0, ""};
    tx.dues().insert_basis(b, only, "2026-11-29T03:00:00Z", "test");
    app::DuesRelief reduction;
    reduction.kind = "reduction";
    reduction.percent = 30;
    reduction.from = Month::of(2026, 4);
    reduction.months = 2;
    tx.dues().insert_relief(a, reduction, date("2026-03-30"), "2026-11-29T03:00:00Z", "test");
    auto p1 = payment(a, tree[3], path_a, "2026-02-02", 80'000, "cash", "");
    auto p2 = payment(a, tree[3], path_a, "2026-01-09", 20'000, "portal", "DVC-7");
    auto p3 = payment(b, tree[4], path_b, "2026-03-09", 5'000, "cash", "");
    auto p4 = payment(c, tree[3], path_a, "2026-03-09", 9'000, "cash", "");
    for (auto* p : {&p1, &p2, &p3, &p4}) tx.dues().insert_payment(*p);
    // The payments' sums kept with the standings (what the dues use cases write).
    tx.dues().put_standing(a, Month::of(2026, 2), 100'000, "2026-11-29T03:00:00Z");
    tx.dues().put_standing(b, Month::of(2026, 5), 5'000, "2026-11-29T03:00:00Z");
    tx.dues().put_standing(c, Month::of(2026, 9), 9'000, "2026-11-29T03:00:00Z");  // after the cut
    return Ok();
  }));
  const std::vector<std::string> statuses{"official", "probationary"};
  ASSERT_TRUE(temp.store().read([&](app::Transaction& tx) -> Status {
    const auto kept = tx.dues().all_standing_paid();
    EXPECT_EQ(kept.size(), 3u);
    EXPECT_EQ(kept.count(a) ? kept.at(a) : -1, 100'000);
    auto all = tx.dues().arrears_facts(top, statuses, Month::of(2026, 6), MemberId(0), SIZE_MAX);
    EXPECT_EQ(all.size(), 2u);
    if (all.size() == 2) {
      EXPECT_EQ(all[0].member_id, a);
      EXPECT_EQ(all[0].org_id, tree[3]);
      EXPECT_EQ(all[0].org_name, name_a);
      EXPECT_FALSE(all[0].full_name.empty());
      EXPECT_EQ(all[0].paid, 100'000);  // the dues parts only, not the extras
      EXPECT_EQ(all[0].bases.size(), 2u);
      EXPECT_EQ(all[0].reliefs.size(), 1u);
    }
    if (all.size() == 2 && all[0].bases.size() == 2 && all[0].reliefs.size() == 1) {
      EXPECT_EQ(all[0].bases[0].valid_from, Month::of(2026, 1));  // oldest first
      EXPECT_EQ(all[0].bases[0].category, "bhxh_salary");
      EXPECT_EQ(all[0].bases[0].income, 8'000'000);
      EXPECT_EQ(all[0].bases[0].note, "Lương BHXH");
      EXPECT_EQ(all[0].bases[1].valid_from, Month::of(2026, 6));
      EXPECT_EQ(all[0].reliefs[0].percent, 30);
      EXPECT_EQ(all[0].reliefs[0].months, 2);
      EXPECT_FALSE(all[0].arrived);
      EXPECT_EQ(all[1].member_id, b);
      EXPECT_EQ(all[1].org_name, name_b);
      EXPECT_EQ(all[1].paid, 5'000);
      EXPECT_EQ(all[1].bases.size(), 1u);
      EXPECT_TRUE(all[1].reliefs.empty());
    }
    // Paged: at most `limit`, after a member id; a subtree; no status: nobody.
    auto first = tx.dues().arrears_facts(top, statuses, Month::of(2026, 6), MemberId(0), 1);
    EXPECT_EQ(first.size(), 1u);
    auto next = tx.dues().arrears_facts(top, statuses, Month::of(2026, 6), a, 10);
    EXPECT_EQ(next.size(), 1u);
    if (!next.empty()) {
      EXPECT_EQ(next[0].member_id, b);
      EXPECT_EQ(next[0].paid, 5'000);
    }
    auto inside = tx.dues().arrears_facts(path_a, statuses, Month::of(2026, 6), MemberId(0), 10);
    EXPECT_EQ(inside.size(), 1u);
    auto later_cut = tx.dues().arrears_facts(top, statuses, Month::of(2026, 9), MemberId(0), 10);
    EXPECT_EQ(later_cut.size(), 3u);
    if (later_cut.size() == 3) {
      EXPECT_EQ(later_cut[2].member_id, c);
      EXPECT_EQ(later_cut[2].paid, 9'000);
      EXPECT_TRUE(later_cut[2].bases.empty());
    }
    EXPECT_TRUE(tx.dues().arrears_facts(top, {}, Month::of(2026, 6), MemberId(0), 10).empty());
    return Ok();
  }));
}

}  // namespace
}  // namespace chibo::storage
