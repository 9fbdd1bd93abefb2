// Dues use cases on a real store (SQLite, or PostgreSQL under unit.postgresql): bases, reliefs,
// payments applied oldest month first, the cell's book and its closing, the roll-up, the
// removal list, and refusals that write nothing. Today is 2026-11-29 (TempStore's clock).
#include "app/dues.h"

#include <gtest/gtest.h>

#include "app/member_changes.h"
#include "app/runner.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::app {
namespace {

using chibo::testing::date;
using chibo::testing::has_error;

Month m(int year, int month) { return Month::of(year, month); }

class Dues : public ::testing::Test {
 protected:
  void SetUp() override { tree_ = temp_.make_tree(); }

  MemberId member(const std::string& citizen_id, OrgId cell) {
    auto patch = chibo::testing::valid_member_patch(cell.value, citizen_id);
    auto created = run_write(temp_.services(), temp_.actor(), create_member, patch);
    EXPECT_TRUE(created) << (created ? "" : created.error().reason);
    return created ? created->member.id : MemberId();
  }
  Result<MemberDues> basis(MemberId id, const char* category, int64_t income, Month from) {
    BasisRequest request;
    request.valid_from = from;
    request.category = category;
    request.income = income;
    return run_write(temp_.services(), temp_.actor(), set_dues_basis, id, request);
  }
  Result<MemberDues> pay(MemberId id, const char* on, int64_t amount, Month first, int months = 1,
                         const char* channel = "cash", const char* reference = "") {
    PaymentRequest request;
    request.paid_on = date(on);
    request.amount = amount;
    request.first_month = first;
    request.months = months;
    request.channel = channel;
    request.reference = reference;
    return run_write(temp_.services(), temp_.actor(), record_dues_payment, id, request);
  }

  chibo::testing::TempStore temp_;
  std::vector<OrgId> tree_;
};

TEST_F(Dues, PaymentsFillTheOldestMonthsFirstAndInAdvance) {
  const MemberId a = member("001080000101", tree_[3]);
  ASSERT_TRUE(basis(a, "bhxh_salary", 8'000'000, m(2026, 3)));  // 80,000 a month
  ASSERT_TRUE(pay(a, "2026-04-10", 160'000, m(2026, 3), 2));
  auto after = pay(a, "2026-10-05", 400'000, m(2026, 5), 5);  // May-Sep
  ASSERT_TRUE(after) << after.error().reason;
  // Mar-Sep paid (560,000); October and the running November unpaid: arrears = October.
  EXPECT_EQ(after->arrears, 80'000);
  EXPECT_EQ(after->credit, 0);
  ASSERT_EQ(after->months.size(), 12u);  // Dec 2025 .. Nov 2026
  EXPECT_EQ(after->months.front().due.status, "no_basis");
  EXPECT_EQ(after->months[3].due.amount, 80'000);  // March
  EXPECT_EQ(after->months[3].paid, 80'000);
  EXPECT_EQ(after->months[10].paid, 0);  // October
  // Paid three months ahead: December and January next year are covered.
  auto ahead = pay(a, "2026-11-20", 320'000, m(2026, 10), 4);
  ASSERT_TRUE(ahead);
  EXPECT_EQ(ahead->arrears, 0);
  EXPECT_EQ(ahead->credit, 0);
  auto later = run_read(temp_.services(), temp_.actor(), get_member_dues, a,
                        std::optional<Month>(m(2026, 12)), std::optional<Month>(m(2027, 2)));
  ASSERT_TRUE(later);
  EXPECT_EQ(later->months[0].paid, 80'000);
  EXPECT_EQ(later->months[1].paid, 80'000);
  EXPECT_EQ(later->months[2].paid, 0);
}

TEST_F(Dues, RefusalsNameTheFieldAndWriteNothing) {
  const MemberId a = member("001080000102", tree_[3]);
  ASSERT_TRUE(basis(a, "student", 0, m(2026, 3)));
  auto negative = pay(a, "2026-05-01", -5000, m(2026, 3));
  ASSERT_FALSE(negative);
  EXPECT_TRUE(has_error(negative.error().fields, "amount", "must_be_positive"));
  auto future = pay(a, "2026-12-01", 5000, m(2026, 3));
  ASSERT_FALSE(future);
  EXPECT_TRUE(has_error(future.error().fields, "paid_on", "date_in_future"));
  auto before = pay(a, "2026-05-01", 5000, m(2005, 1));  // admitted 2005-03-02
  ASSERT_FALSE(before);
  EXPECT_TRUE(has_error(before.error().fields, "first_month", "before_joining_cell"));
  auto no_ref = pay(a, "2026-05-01", 5000, m(2026, 3), 1, "portal");
  ASSERT_FALSE(no_ref);
  EXPECT_TRUE(has_error(no_ref.error().fields, "reference", "required"));
  ASSERT_TRUE(pay(a, "2026-05-01", 5000, m(2026, 3), 1, "portal", "DVC-2026-0001"));
  auto twice = pay(a, "2026-05-02", 5000, m(2026, 4), 1, "portal", "DVC-2026-0001");
  ASSERT_FALSE(twice);
  EXPECT_TRUE(has_error(twice.error().fields, "reference", "reference_taken"));
  auto bad_basis = basis(a, "bhxh_salary", 0, m(2026, 6));
  ASSERT_FALSE(bad_basis);
  EXPECT_TRUE(has_error(bad_basis.error().fields, "income", "must_be_positive"));
  auto dues = run_read(temp_.services(), temp_.actor(), get_member_dues, a, std::optional<Month>(),
                       std::optional<Month>());
  ASSERT_TRUE(dues);
  EXPECT_EQ(dues->payments.size(), 1u);
  EXPECT_EQ(dues->bases.size(), 1u);
}

TEST_F(Dues, ReliefsExemptAndReduce) {
  const MemberId a = member("001080000103", tree_[3]);
  ASSERT_TRUE(basis(a, "pension", 6'000'000, m(2026, 3)));  // 30,000
  ReliefRequest half;
  half.kind = "reduction";
  half.percent = 50;
  half.from = m(2026, 5);
  half.months = 2;
  half.decision = {"12-QĐ/ĐU", "Đảng ủy"};
  auto reduced = run_write(temp_.services(), temp_.actor(), record_dues_relief, a, half);
  ASSERT_TRUE(reduced) << reduced.error().reason;
  EXPECT_EQ(reduced->months[5].due.amount, 15'000);  // May
  EXPECT_EQ(reduced->months[6].due.amount, 15'000);  // June
  EXPECT_EQ(reduced->months[7].due.amount, 30'000);  // July: its months are over
  half.percent = 40;
  half.months = 13;
  auto refused = run_write(temp_.services(), temp_.actor(), record_dues_relief, a, half);
  ASSERT_FALSE(refused);
  EXPECT_TRUE(has_error(refused.error().fields, "percent", "not_allowed"));
  EXPECT_TRUE(has_error(refused.error().fields, "months", "out_of_range"));
}

TEST_F(Dues, BookCloseRollUpAndRemovalList) {
  const MemberId a = member("001080000104", tree_[3]);
  const MemberId b = member("001080000105", tree_[3]);
  const MemberId c = member("001080000106", tree_[4]);
  ASSERT_TRUE(basis(a, "bhxh_salary", 10'000'000, m(2026, 3)));  // 100,000
  ASSERT_TRUE(basis(b, "student", 0, m(2026, 3)));               // 5,000
  ASSERT_TRUE(basis(c, "bhxh_salary", 5'000'000, m(2026, 3)));   // 50,000
  ASSERT_TRUE(pay(a, "2026-10-03", 800'000, m(2026, 3), 8));     // Mar-Oct
  ASSERT_TRUE(pay(b, "2026-10-04", 5'000, m(2026, 3)));          // March only
  ASSERT_TRUE(pay(c, "2026-10-05", 50'000, m(2026, 10)));        // applied to March
  auto book = run_read(temp_.services(), temp_.actor(), get_dues_book, tree_[3], m(2026, 10));
  ASSERT_TRUE(book) << book.error().reason;
  EXPECT_EQ(book->lines.size(), 2u);
  EXPECT_EQ(book->due, 105'000);
  EXPECT_EQ(book->collected, 805'000);
  EXPECT_FALSE(book->closing);

  auto early = run_write(temp_.services(), temp_.actor(), close_dues_month, tree_[3], m(2026, 11));
  ASSERT_FALSE(early);
  EXPECT_TRUE(has_error(early.error().fields, "month", "month_not_over"));
  auto closed = run_write(temp_.services(), temp_.actor(), close_dues_month, tree_[3], m(2026, 10));
  ASSERT_TRUE(closed) << closed.error().reason;
  ASSERT_TRUE(closed->closing);
  EXPECT_EQ(closed->closing->kept, 241'500);  // 30 % of 805,000 (a cell under a base committee)
  EXPECT_EQ(closed->closing->sent_up, 563'500);
  // Locked: a payment dated in the closed month is refused; a correction is an adjustment.
  auto late = pay(b, "2026-10-20", 5'000, m(2026, 4));
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().reason, "month_closed");
  ASSERT_TRUE(run_write(temp_.services(), temp_.actor(), record_dues_adjustment, tree_[3],
                        m(2026, 10), int64_t{5'000}, std::string("Thu bổ sung tiền mặt")));

  auto recon =
      run_read(temp_.services(), temp_.actor(), get_dues_reconciliation, tree_[2], m(2026, 10));
  ASSERT_TRUE(recon) << recon.error().reason;
  ASSERT_EQ(recon->children.size(), 2u);  // cell_a, cell_b under the base
  EXPECT_EQ(recon->line.sums.open_cells, 1);
  EXPECT_EQ(recon->line.sums.cells, 2);
  const auto& base = recon->line.sums;
  EXPECT_EQ(recon->children[0].sums.sent_up, 563'500);  // the closed figures, locked
  EXPECT_EQ(recon->children[0].sums.open_cells, 0);
  EXPECT_EQ(recon->children[1].sums.collected, 50'000);  // open: live
  EXPECT_EQ(recon->children[1].sums.open_cells, 1);
  EXPECT_EQ(base.received_from_below, 563'500 + 35'000);
  EXPECT_EQ(base.own_kept, 299'250);
  EXPECT_EQ(base.sent_up, 299'250);
  EXPECT_EQ(base.collected, 805'000 + 50'000);
  EXPECT_EQ(base.kept, 241'500 + 15'000 + 299'250);  // the cells' shares and its own
  ASSERT_EQ(recon->rules.size(), 2u);                // the base's share, then the cells'
  EXPECT_EQ(recon->rules[0].key, "dues.keep_bp.base");
  EXPECT_EQ(recon->rules[1].key, "dues.keep_bp.cell");
  ASSERT_FALSE(recon->path.empty());
  EXPECT_EQ(recon->path.back().id, tree_[2]);

  // Through October: b paid March only (Apr-Oct unpaid), c paid one month.
  auto arrears = run_read(temp_.services(), temp_.actor(), get_dues_arrears, tree_[2], 2026);
  ASSERT_TRUE(arrears);
  ASSERT_EQ(arrears->items.size(), 2u);
  EXPECT_EQ(arrears->through, m(2026, 10));
  for (const ArrearsEntry& entry : arrears->items) {
    EXPECT_GE(entry.unpaid.months.size(), 3u);
    EXPECT_EQ(entry.unpaid.threshold, 3);
    EXPECT_NE(entry.member_id, a);
  }
}

// The payments' sum kept with each standing (migration 0036), which the removal list reads
// instead of the payments: equal to the payments' dues parts after payments (with extras),
// reliefs, a new basis and payments across months and years; `chibo check` recounts it and
// names a member whose kept sum differs.
TEST_F(Dues, KeptPaidSumEqualsThePaymentsAndCheckRecountsIt) {
  const MemberId a = member("001080000191", tree_[3]);
  const MemberId b = member("001080000192", tree_[4]);
  ASSERT_TRUE(basis(a, "bhxh_salary", 8'000'000, m(2025, 11)));
  ASSERT_TRUE(basis(b, "student", 0, m(2026, 3)));
  auto sums = [&] {
    std::map<MemberId, int64_t> kept;
    EXPECT_TRUE(run_read(temp_.services(), temp_.actor(), [&](Context& ctx) -> Status {
      kept = ctx.tx.dues().all_standing_paid();
      return Ok();
    }));
    return kept;
  };
  auto problems = [&] {
    auto found = run_read(temp_.services(), temp_.actor(), check_dues_standings);
    EXPECT_TRUE(found);
    return found ? *found : std::vector<std::string>{"not read"};
  };
  EXPECT_EQ(sums()[a], 0);
  ASSERT_TRUE(pay(a, "2025-12-20", 160'000, m(2025, 11), 2));  // across the year's boundary
  PaymentRequest with_extra;
  with_extra.paid_on = date("2026-02-03");
  with_extra.amount = 80'000;
  with_extra.extra = 20'000;  // voluntary: not a dues part, not summed
  with_extra.first_month = m(2026, 1);
  with_extra.channel = "cash";
  ASSERT_TRUE(run_write(temp_.services(), temp_.actor(), record_dues_payment, a, with_extra));
  ReliefRequest reduction;
  reduction.kind = "reduction";
  reduction.percent = 50;
  reduction.from = m(2026, 3);
  reduction.months = 2;
  reduction.decision = {"7-QĐ/ĐU", "Đảng ủy"};
  ASSERT_TRUE(run_write(temp_.services(), temp_.actor(), record_dues_relief, a, reduction));
  ASSERT_TRUE(basis(a, "pension", 6'000'000, m(2026, 6)));
  ASSERT_TRUE(pay(a, "2026-11-28", 30'000, m(2026, 6)));
  ASSERT_TRUE(pay(b, "2026-03-30", 5'000, m(2026, 3)));
  auto kept = sums();
  EXPECT_EQ(kept[a], 270'000);
  EXPECT_EQ(kept[b], 5'000);
  EXPECT_TRUE(problems().empty());
  // The member's own dues agree with what the removal list computes from the kept sum.
  auto own = run_read(temp_.services(), temp_.actor(), get_member_dues, a, std::optional<Month>(),
                      std::optional<Month>());
  ASSERT_TRUE(own);
  int64_t paid = 0;
  for (const DuesPayment& p : own->payments) paid += p.amount;
  EXPECT_EQ(paid, kept[a]);
  // A kept sum that differs from the payments is reported.
  ASSERT_TRUE(run_write(temp_.services(), temp_.actor(), [&](Context& ctx) -> Status {
    ctx.tx.dues().put_standing(b, m(2026, 4), 4'000, "2026-11-29T03:00:00Z");
    return Ok();
  }));
  const auto found = problems();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("member " + std::to_string(b.value)), std::string::npos);
  EXPECT_NE(found[0].find("4000"), std::string::npos);
}

}  // namespace

}  // namespace chibo::app
