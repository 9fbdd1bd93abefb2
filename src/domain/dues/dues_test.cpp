#include <gtest/gtest.h>

#include "domain/dues/allocation.h"
#include "domain/dues/amount_due.h"
#include "domain/dues/remittance.h"
#include "testing/fixtures.h"

namespace chibo::domain::dues {
namespace {

using chibo::testing::date;
using chibo::testing::rules;

Month m(int year, int month) { return Month::of(year, month); }

MemberDuesFacts facts_of(std::string category, int64_t income, int64_t fixed = 0,
                         Month from = Month::of(2025, 1)) {
  MemberDuesFacts facts;
  DuesBasis basis;
  basis.valid_from = from;
  basis.category = std::move(category);
  basis.income = income;
  basis.fixed_amount = fixed;
  facts.bases.push_back(basis);
  return facts;
}

TEST(DuesMonth, ParsesAndPrints) {
  ASSERT_TRUE(Month::parse("2026-03"));
  EXPECT_EQ(Month::parse("2026-03")->iso(), "2026-03");
  EXPECT_EQ(Month::parse("2026-12")->plus(1).iso(), "2027-01");
  EXPECT_FALSE(Month::parse("2026-13"));
  EXPECT_FALSE(Month::parse("2026-3"));
  EXPECT_FALSE(Month::parse("2026/03"));
  EXPECT_EQ(m(2024, 2).last_day(), date("2024-02-29"));
  EXPECT_EQ(months_between_inclusive(m(2025, 11), m(2026, 2)), 4);
}

TEST(DuesAmount, SalaryIsOnePercentOfTheBhxhSalary) {
  const DueAmount due = amount_due(facts_of("bhxh_salary", 12'345'678), m(2026, 3), rules());
  EXPECT_EQ(due.status, "due");
  EXPECT_EQ(due.base, 12'345'678);
  EXPECT_EQ(due.amount, 123'457);  // 123,456.78 rounded half up to the đồng
  ASSERT_FALSE(due.rules.empty());
  EXPECT_EQ(due.rules.front().key, "dues.bhxh_salary_rate_bp");
  EXPECT_NE(due.rules.front().source.find("01-QĐ/TW"), std::string::npos);
}

TEST(DuesAmount, MonthsBeforeTheNewRulesFollowTheOldOnes) {
  // The first day of February 2026 is before 01-QĐ/TW took effect (3/2/2026): 342-QĐ/TW.
  const DueAmount feb = amount_due(facts_of("bhxh_salary", 10'000'000), m(2026, 2), rules());
  ASSERT_EQ(feb.status, "due");
  EXPECT_NE(feb.rules.front().source.find("342-QĐ/TW"), std::string::npos);
  const DueAmount mar = amount_due(facts_of("bhxh_salary", 10'000'000), m(2026, 3), rules());
  EXPECT_NE(mar.rules.front().source.find("01-QĐ/TW"), std::string::npos);
  // Students: no figure under 342 in the reference, so no rule before March 2026.
  EXPECT_EQ(amount_due(facts_of("student", 0), m(2026, 2), rules()).status, "no_rule");
  EXPECT_EQ(amount_due(facts_of("student", 0), m(2026, 3), rules()).amount, 5000);
}

TEST(DuesAmount, EachCategoryRate) {
  EXPECT_EQ(amount_due(facts_of("pension", 7'000'001), m(2026, 6), rules()).amount, 35'000);
  EXPECT_EQ(amount_due(facts_of("pension", 7'000'100), m(2026, 6), rules()).amount, 35'001);
  EXPECT_EQ(amount_due(facts_of("bhxh_benefit", 4'000'000), m(2026, 6), rules()).amount, 40'000);
  EXPECT_EQ(amount_due(facts_of("abroad_allowance", 25'000'000), m(2026, 6), rules()).amount,
            250'000);
  EXPECT_EQ(amount_due(facts_of("abroad_fixed", 0, 100'000), m(2026, 6), rules()).amount, 100'000);
  EXPECT_EQ(amount_due(facts_of("other_fixed", 0, 20'000), m(2026, 6), rules()).amount, 20'000);
}

TEST(DuesAmount, NoBasisBeforeTheFirstOne) {
  EXPECT_EQ(amount_due(facts_of("student", 0, 0, m(2026, 5)), m(2026, 4), rules()).status,
            "no_basis");
  MemberDuesFacts facts = facts_of("student", 0, 0, m(2026, 3));
  DuesBasis later;
  later.valid_from = m(2026, 9);
  later.category = "bhxh_salary";
  later.income = 8'000'000;
  facts.bases.push_back(later);
  EXPECT_EQ(amount_due(facts, m(2026, 8), rules()).amount, 5000);
  EXPECT_EQ(amount_due(facts, m(2026, 9), rules()).amount, 80'000);
}

TEST(DuesAmount, FiftyYearsOfPartyAgeExemptFromTheMonthAfter) {
  MemberDuesFacts facts = facts_of("pension", 6'000'000);
  facts.party_age_anchor = date("1976-05-15");  // 50 years on 2026-05-15
  EXPECT_EQ(amount_due(facts, m(2026, 5), rules()).amount, 30'000);
  const DueAmount june = amount_due(facts, m(2026, 6), rules());
  EXPECT_EQ(june.status, "exempt_party_age");
  EXPECT_EQ(june.amount, 0);
  EXPECT_EQ(june.rules.front().key, "dues.exempt_party_age_years");
  facts.party_age_anchor = date("1976-06-01");  // reached on the month's first day
  EXPECT_EQ(amount_due(facts, m(2026, 6), rules()).status, "exempt_party_age");
}

TEST(DuesAmount, ReductionForItsMonthsOnly) {
  MemberDuesFacts facts = facts_of("bhxh_salary", 9'999'850);
  DuesRelief half;
  half.id = 7;
  half.kind = "reduction";
  half.percent = 50;
  half.from = m(2026, 4);
  half.months = 3;
  facts.reliefs.push_back(half);
  EXPECT_EQ(amount_due(facts, m(2026, 3), rules()).amount, 99'999);  // 99,998.5 half up
  const DueAmount april = amount_due(facts, m(2026, 4), rules());
  EXPECT_EQ(april.full_amount, 99'999);
  EXPECT_EQ(april.amount, 49'999);  // 49,999.25 rounded once (half of 99,999 would give 50,000)
  EXPECT_EQ(april.reduction_percent, 50);
  EXPECT_EQ(april.relief_id, 7);
  EXPECT_EQ(amount_due(facts, m(2026, 6), rules()).amount, 49'999);
  EXPECT_EQ(amount_due(facts, m(2026, 7), rules()).amount, 99'999);
}

TEST(DuesAmount, ExemptionDecision) {
  MemberDuesFacts facts = facts_of("student", 0);
  DuesRelief exempt;
  exempt.kind = "exemption";
  exempt.percent = 100;
  exempt.from = m(2026, 5);
  facts.reliefs.push_back(exempt);
  EXPECT_EQ(amount_due(facts, m(2026, 4), rules()).amount, 5000);
  EXPECT_EQ(amount_due(facts, m(2030, 1), rules()).status, "exempt_decision");
}

TEST(DuesAmount, WithoutTheRuleTrailTheSameAmountsAndNoRules) {
  // Every branch: a rate with a reduction, a fixed amount, a student's, 50 years, an exemption.
  MemberDuesFacts salary = facts_of("bhxh_salary", 9'999'850);
  DuesRelief half;
  half.kind = "reduction";
  half.percent = 50;
  half.from = m(2026, 4);
  half.months = 3;
  salary.reliefs.push_back(half);
  MemberDuesFacts old = facts_of("pension", 6'000'000);
  old.party_age_anchor = date("1976-05-15");
  MemberDuesFacts student = facts_of("student", 0);
  DuesRelief exempt;
  exempt.kind = "exemption";
  exempt.from = m(2026, 8);
  student.reliefs.push_back(exempt);
  for (const MemberDuesFacts& facts : {salary, old, student, facts_of("other_fixed", 0, 20'000),
                                       facts_of("pension", 0, 0, m(2027, 1))}) {
    for (Month month = m(2025, 12); month <= m(2026, 12); month = month.plus(1)) {
      const DueAmount kept = amount_due(facts, month, rules());
      const DueAmount bare = amount_due(facts, month, rules(), RuleTrail::kNone);
      EXPECT_EQ(bare.status, kept.status) << month.iso();
      EXPECT_EQ(bare.amount, kept.amount) << month.iso();
      EXPECT_EQ(bare.full_amount, kept.full_amount) << month.iso();
      EXPECT_TRUE(bare.rules.empty()) << month.iso();
      if (kept.status == "due" || kept.status == "exempt_party_age") {
        EXPECT_FALSE(kept.rules.empty()) << month.iso();
      }
    }
  }
}

TEST(DuesAmount, RoundingIsExact) {
  EXPECT_EQ(scale_rounded(149, 100, 10000, 1), 1);
  EXPECT_EQ(scale_rounded(150, 100, 10000, 1), 2);
  EXPECT_EQ(scale_rounded(5'349'999, 100, 10000, 1000), 53'000);
  EXPECT_EQ(scale_rounded(5'350'000, 100, 10000, 1000), 54'000);
  EXPECT_EQ(scale_rounded(1'000'000'000'000, 100, 10000, 1), 10'000'000'000);
  EXPECT_EQ(scale_rounded(-5, 100, 10000, 1), 0);
}

TEST(DuesChecks, BasisAndReliefAgainstTheRules) {
  DuesBasis abroad;
  abroad.valid_from = m(2026, 3);
  abroad.category = "abroad_fixed";
  abroad.fixed_amount = 29'999;
  auto problems = check_basis(abroad, rules());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "fixed_amount");
  EXPECT_EQ(problems[0].code, "out_of_range");
  abroad.fixed_amount = 400'000;
  EXPECT_TRUE(check_basis(abroad, rules()).empty());
  DuesBasis salary;
  salary.valid_from = m(2026, 3);
  salary.category = "bhxh_salary";
  EXPECT_EQ(check_basis(salary, rules()).at(0).field, "income");
  salary.category = "wages";
  EXPECT_EQ(check_basis(salary, rules()).at(0).code, "unknown_code");

  DuesRelief reduction;
  reduction.kind = "reduction";
  reduction.from = m(2026, 3);
  reduction.percent = 40;
  reduction.months = 13;
  problems = check_relief(reduction, rules());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].field, "percent");
  EXPECT_EQ(problems[1].field, "months");
  reduction.percent = 70;
  reduction.months = 12;
  EXPECT_TRUE(check_relief(reduction, rules()).empty());
}

std::vector<DueAmount> monthly(Month from, int count, int64_t amount) {
  std::vector<DueAmount> dues;
  for (int i = 0; i < count; ++i) {
    DueAmount due;
    due.month = from.plus(i);
    due.status = "due";
    due.amount = amount;
    dues.push_back(due);
  }
  return dues;
}

TEST(DuesAllocation, OldestMonthFirstThenInAdvance) {
  const auto dues = monthly(m(2026, 1), 6, 50'000);
  const Allocation a = allocate(
      dues, {{1, date("2026-03-10"), 120'000, 0}, {2, date("2026-03-20"), 150'000, 10'000}});
  EXPECT_EQ(a.months[0].paid, 50'000);
  EXPECT_EQ(a.months[5].paid, 20'000);  // 270,000 covers five months and part of the sixth
  EXPECT_EQ(a.credit, 0);
  EXPECT_EQ(a.extra, 10'000);
  EXPECT_EQ(a.arrears_through(m(2026, 6)), 30'000);
  EXPECT_EQ(a.arrears_through(m(2026, 3)), 0);
  const Allocation ahead =
      allocate(monthly(m(2026, 1), 2, 5000), {{1, date("2026-01-05"), 30'000, 0}});
  EXPECT_EQ(ahead.credit, 20'000);
}

TEST(DuesAllocation, ThreeUnpaidMonthsInAYearList) {
  auto dues = monthly(m(2026, 1), 12, 10'000);
  dues[4].status = "exempt_decision";  // May: a decision is the reason
  dues[4].amount = 0;
  const Allocation a = allocate(dues, {{1, date("2026-02-01"), 40'000, 0}});
  // Paid Jan-Apr; May exempt; June, July unpaid through July: two months, not listed.
  UnpaidYear july = unpaid_in_year(a, 2026, m(2026, 7), rules());
  EXPECT_EQ(july.months.size(), 2u);
  EXPECT_EQ(july.threshold, 3);
  EXPECT_FALSE(july.listed());
  UnpaidYear august = unpaid_in_year(a, 2026, m(2026, 8), rules());
  EXPECT_TRUE(august.listed());
  EXPECT_EQ(august.months.front(), m(2026, 6));
  EXPECT_FALSE(unpaid_in_year(a, 2025, m(2026, 8), rules()).listed());
}

TEST(DuesAllocation, FirstUnpaidMonthIsWhereThePooledPaymentsRunOut) {
  const MemberDuesFacts salary = facts_of("bhxh_salary", 5'000'000, 0, m(2026, 3));  // 50,000
  EXPECT_EQ(first_unpaid_month(salary, 0, rules(), m(2026, 12)), m(2026, 3));
  EXPECT_EQ(first_unpaid_month(salary, 149'999, rules(), m(2026, 12)), m(2026, 5));
  EXPECT_EQ(first_unpaid_month(salary, 150'000, rules(), m(2026, 12)), m(2026, 6));
  // Paid to the limit: nothing owed up to it; the standing is the month after the look-ahead.
  EXPECT_EQ(first_unpaid_month(salary, 500'000, rules(), m(2026, 12)), std::nullopt);
  EXPECT_EQ(dues_standing(salary, 500'000, rules(), m(2026, 11)), m(2027, 1));
  // 33 months paid, March 2026 to November 2028, the end of the look-ahead from November 2026.
  EXPECT_EQ(dues_standing(salary, 33 * 50'000, rules(), m(2026, 11)), m(2028, 12));
  EXPECT_EQ(dues_standing(salary, 100'000, rules(), m(2026, 11)), m(2026, 5));
  EXPECT_EQ(dues_standing(MemberDuesFacts(), 100'000, rules(), m(2026, 11)), std::nullopt);
  // An exempt month is skipped: nothing was owed in it.
  MemberDuesFacts veteran = facts_of("pension", 6'000'000, 0, m(2026, 3));
  veteran.party_age_anchor = date("1976-05-15");  // exempt from June 2026
  EXPECT_EQ(first_unpaid_month(veteran, 90'000, rules(), m(2027, 12)), std::nullopt);
  EXPECT_EQ(first_unpaid_month(veteran, 60'000, rules(), m(2027, 12)), m(2026, 5));
  // Agrees with the allocation: the year's unpaid months start at it.
  std::vector<DueAmount> dues;
  for (Month month = m(2026, 3); month <= m(2026, 10); month = month.plus(1))
    dues.push_back(amount_due(salary, month, rules()));
  const Allocation a = allocate(dues, {{1, date("2026-04-02"), 120'000, 0}});
  const UnpaidYear unpaid = unpaid_in_year(a, 2026, m(2026, 10), rules());
  ASSERT_FALSE(unpaid.months.empty());
  EXPECT_EQ(unpaid.months.front(), first_unpaid_month(salary, 120'000, rules(), m(2026, 10)));
}

// allocate_through from the payments' sum gives every month up to `through` as allocate() does
// over a longer horizon with the payments one by one: payments in advance, a reduction and an
// exemption, a basis that changes, the party-age exemption, months across a year's boundary.
TEST(DuesAllocation, ThroughAMonthFromThePaymentsSumAsTheWholeLedger) {
  MemberDuesFacts facts = facts_of("student", 0, 0, m(2025, 10));
  DuesBasis later;
  later.valid_from = m(2026, 4);
  later.category = "bhxh_salary";
  later.income = 9'999'850;
  facts.bases.push_back(later);
  DuesRelief half;
  half.id = 7;
  half.kind = "reduction";
  half.percent = 50;
  half.from = m(2026, 5);
  half.months = 2;
  facts.reliefs.push_back(half);
  DuesRelief exempt;
  exempt.id = 8;
  exempt.kind = "exemption";
  exempt.percent = 100;
  exempt.from = m(2026, 9);
  exempt.months = 1;
  facts.reliefs.push_back(exempt);
  MemberDuesFacts veteran = facts_of("pension", 6'000'000, 0, m(2025, 11));
  veteran.party_age_anchor = date("1976-05-15");  // exempt from June 2026
  const std::vector<std::vector<PaymentFact>> payment_sets = {
      {},
      {{1, date("2025-12-01"), 5'000, 0}},
      {{1, date("2026-01-05"), 30'000, 2'000}, {2, date("2026-06-01"), 99'999, 0}},
      {{3, date("2026-02-01"), 400'000, 0}},  // far in advance
      {{4, date("2026-03-01"), 1, 0}, {5, date("2026-03-02"), 49'998, 0}},
  };
  for (const MemberDuesFacts& member : {facts, veteran}) {
    for (const auto& payments : payment_sets) {
      int64_t paid = 0;
      for (const PaymentFact& p : payments) paid += p.amount;
      std::vector<DueAmount> dues;
      for (Month month = m(2025, 10); month <= m(2027, 3); month = month.plus(1))
        dues.push_back(amount_due(member, month, rules()));
      const Allocation whole = allocate(dues, payments);
      for (Month through = m(2025, 9); through <= m(2027, 1); through = through.plus(1)) {
        const Allocation part = allocate_through(member, paid, rules(), through);
        EXPECT_EQ(part.arrears_through(through), whole.arrears_through(through));
        for (int year : {2025, 2026, 2027}) {
          EXPECT_EQ(unpaid_in_year(part, year, through, rules()).months,
                    unpaid_in_year(whole, year, through, rules()).months);
        }
        for (const MonthStanding& month : part.months) {
          ASSERT_LE(month.month, through);
          const MonthStanding* same = whole.find(month.month);
          ASSERT_NE(same, nullptr);
          EXPECT_EQ(month.due, same->due);
          EXPECT_EQ(month.paid, same->paid);
        }
      }
    }
  }
  // Without a basis nothing is owed.
  EXPECT_TRUE(allocate_through(MemberDuesFacts(), 10'000, rules(), m(2026, 6)).months.empty());
}

TEST(DuesRemittance, EachLevelKeepsItsShare) {
  // root committee <- base committee <- two cells; a base cell directly under the root.
  const std::vector<RemittanceNode> nodes = {
      {1, 0, "committee_central", 0, 0}, {2, 1, "base_committee", 1, 0}, {3, 2, "cell", 2, 100'000},
      {4, 2, "cell", 2, 50'001},         {5, 1, "base_cell", 1, 20'000},
  };
  const auto lines = roll_up(nodes, rules(), date("2026-06-30"));
  EXPECT_EQ(lines[2].kept, 30'000);
  EXPECT_EQ(lines[2].sent_up, 70'000);
  EXPECT_EQ(lines[3].kept, 15'000);  // 15,000.3 rounded down: the remainder goes up
  EXPECT_EQ(lines[3].sent_up, 35'001);
  EXPECT_EQ(lines[1].received_from_below, 105'001);
  EXPECT_EQ(lines[1].kept, 52'500);
  EXPECT_EQ(lines[1].sent_up, 52'501);
  EXPECT_EQ(lines[1].rule_key, "dues.keep_bp.base");
  EXPECT_EQ(lines[4].kept, 10'000);
  EXPECT_EQ(lines[0].received_from_below, 62'501);
  EXPECT_EQ(lines[0].kept, 62'501);  // the root keeps what reaches it
  EXPECT_EQ(lines[0].sent_up, 0);
  int64_t kept = 0;
  for (const auto& line : lines) kept += line.kept;
  EXPECT_EQ(kept, 170'001);  // nothing lost or made up
}

TEST(DuesRemittance, ADrillDownShowsEachChildsSubtreeAndAddsUpToTheTop) {
  // root <- base committee <- cells 3 (closed) and 4 (open); base cell 5 (open) under the root.
  std::vector<RemittanceNode> nodes = {
      {1, 0, "committee_central", 0, 0},          {2, 1, "base_committee", 1, 0},
      {3, 2, "cell", 2, 100'000, true, false},    {4, 2, "cell", 2, 50'001, true, true},
      {5, 1, "base_cell", 1, 20'000, true, true},
  };
  const auto lines = roll_up(nodes, rules(), date("2026-06-30"));
  const DrillDown root = drill_down(nodes, lines, 1);
  ASSERT_EQ(root.children.size(), 2u);
  const SubtreeLine& base = root.children[0];
  EXPECT_EQ(base.org_id, 2);
  EXPECT_EQ(base.collected, 150'001);              // both cells
  EXPECT_EQ(base.kept, 30'000 + 15'000 + 52'500);  // the cells' and its own
  EXPECT_EQ(base.own_kept, 52'500);
  EXPECT_EQ(base.received_from_below, 105'001);  // its own: what the cells sent up
  EXPECT_EQ(base.sent_up, 52'501);               // what leaves its subtree
  EXPECT_EQ(base.collected, base.kept + base.sent_up);
  EXPECT_EQ(base.rule_key, "dues.keep_bp.base");
  EXPECT_EQ(base.keep_bp, 5000);
  EXPECT_EQ(base.cells, 2);
  EXPECT_EQ(base.open_cells, 1);
  EXPECT_TRUE(base.has_children);
  const SubtreeLine& base_cell = root.children[1];
  EXPECT_EQ(base_cell.org_id, 5);
  EXPECT_EQ(base_cell.own_collected, 20'000);
  EXPECT_EQ(base_cell.kept, 10'000);
  EXPECT_EQ(base_cell.open_cells, 1);
  EXPECT_FALSE(base_cell.has_children);
  // The top: the sum of its children's lines plus its own share of what reached it.
  const SubtreeLine& top = root.top;
  EXPECT_EQ(top.collected, base.collected + base_cell.collected + top.own_collected);
  EXPECT_EQ(top.received_from_below, base.sent_up + base_cell.sent_up);
  EXPECT_EQ(top.own_kept, 62'501);  // the top of the tree keeps everything
  EXPECT_EQ(top.kept, base.kept + base_cell.kept + top.own_kept);
  EXPECT_EQ(top.kept, 170'001);
  EXPECT_EQ(top.sent_up, 0);
  EXPECT_EQ(top.cells, 3);
  EXPECT_EQ(top.open_cells, 2);
  EXPECT_TRUE(top.rule_key.empty());
  // Drilling into the base committee: its cells, the same figures as its line above.
  const DrillDown at_base =
      drill_down(std::vector<RemittanceNode>(nodes.begin() + 1, nodes.begin() + 4),
                 std::vector<RemittanceLine>(lines.begin() + 1, lines.begin() + 4), 2);
  EXPECT_EQ(at_base.top.collected, base.collected);
  EXPECT_EQ(at_base.top.kept, base.kept);
  EXPECT_EQ(at_base.top.open_cells, 1);
  ASSERT_EQ(at_base.children.size(), 2u);
  EXPECT_EQ(at_base.children[0].open_cells, 0);
  EXPECT_EQ(at_base.children[0].kept, 30'000);
  EXPECT_EQ(at_base.children[1].sent_up, 35'001);
  // A cell: no children, its own figures.
  const DrillDown cell = drill_down({nodes[2]}, {lines[2]}, 3);
  EXPECT_TRUE(cell.children.empty());
  EXPECT_EQ(cell.top.collected, 100'000);
  EXPECT_EQ(cell.top.cells, 1);
  EXPECT_EQ(cell.top.open_cells, 0);
}

// The office's rules with the joining and leaving cutoffs set to other days (a future text).
RuleSet rules_with_cutoffs(int64_t joining, int64_t leaving) {
  std::vector<RuleParameter> all;
  for (RuleParameter p : rules().all()) {
    if (p.key == "dues.joining_day_cutoff") p.value = joining;
    if (p.key == "dues.leaving_day_cutoff") p.value = leaving;
    all.push_back(std::move(p));
  }
  return *RuleSet::build(std::move(all), {});
}

TEST(DuesSpan, TheMonthOfJoiningIsOwedWhateverTheDayByTheOfficesRule) {
  // rules/dues.toml: dues.joining_day_cutoff 31, dues.leaving_day_cutoff 1.
  EXPECT_EQ(owed_span(date("2026-03-01"), std::nullopt, rules()).from, m(2026, 3));
  EXPECT_EQ(owed_span(date("2026-03-31"), std::nullopt, rules()).from, m(2026, 3));
  EXPECT_EQ(owed_span(std::nullopt, date("2026-07-01"), rules()).until, m(2026, 7));
  EXPECT_EQ(owed_span(std::nullopt, date("2026-07-31"), rules()).until, m(2026, 7));
  const DuesSpan open = owed_span(std::nullopt, std::nullopt, rules());
  EXPECT_FALSE(open.from);
  EXPECT_FALSE(open.until);
  EXPECT_TRUE(open.covers(m(1990, 1)));
}

TEST(DuesSpan, OtherCutoffsMoveTheBoundaryMonths) {
  const RuleSet mid = rules_with_cutoffs(15, 16);
  EXPECT_EQ(owed_span(date("2026-03-15"), std::nullopt, mid).from, m(2026, 3));
  EXPECT_EQ(owed_span(date("2026-03-16"), std::nullopt, mid).from, m(2026, 4));
  EXPECT_EQ(owed_span(date("2026-12-31"), std::nullopt, mid).from, m(2027, 1));
  EXPECT_EQ(owed_span(std::nullopt, date("2026-07-16"), mid).until, m(2026, 7));
  EXPECT_EQ(owed_span(std::nullopt, date("2026-07-15"), mid).until, m(2026, 6));
  EXPECT_EQ(owed_span(std::nullopt, date("2026-01-01"), mid).until, m(2025, 12));
}

TEST(DuesSpan, NothingIsOwedBeforeJoiningNorAfterLeaving) {
  MemberDuesFacts facts = facts_of("bhxh_salary", 5'000'000, 0, m(2026, 1));
  facts.owed = owed_span(date("2026-04-30"), date("2026-09-01"), rules());
  EXPECT_EQ(amount_due(facts, m(2026, 3), rules()).status, "not_member");
  EXPECT_EQ(amount_due(facts, m(2026, 3), rules()).amount, 0);
  EXPECT_EQ(amount_due(facts, m(2026, 4), rules()).amount, 50'000);
  EXPECT_EQ(amount_due(facts, m(2026, 9), rules()).amount, 50'000);
  EXPECT_EQ(amount_due(facts, m(2026, 10), rules()).status, "not_member");
}

TEST(DuesSpan, TheRemovalCheckDoesNotCountMonthsBeforeJoining) {
  // A basis from January, admitted in May, nothing paid: by the end of June only May and June
  // are unpaid, below the threshold of 3; by the end of July, three months.
  MemberDuesFacts facts = facts_of("bhxh_salary", 5'000'000, 0, m(2026, 1));
  facts.owed = owed_span(date("2026-05-20"), std::nullopt, rules());
  std::vector<DueAmount> dues;
  for (Month month = m(2026, 1); month <= m(2026, 7); month = month.plus(1))
    dues.push_back(amount_due(facts, month, rules()));
  const Allocation allocation = allocate(dues, {});
  const UnpaidYear june = unpaid_in_year(allocation, 2026, m(2026, 6), rules());
  EXPECT_EQ(june.months.size(), 2U);
  EXPECT_FALSE(june.listed());
  const UnpaidYear july = unpaid_in_year(allocation, 2026, m(2026, 7), rules());
  EXPECT_EQ(july.months.front(), m(2026, 5));
  EXPECT_TRUE(july.listed());
  EXPECT_EQ(allocation.arrears_through(m(2026, 7)), 3 * 50'000);
  // The standing starts at the month of joining, not at the basis.
  EXPECT_EQ(first_unpaid_month(facts, 0, rules(), m(2026, 12)), m(2026, 5));
  EXPECT_EQ(first_unpaid_month(facts, 50'000, rules(), m(2026, 12)), m(2026, 6));
}

}  // namespace
}  // namespace chibo::domain::dues
