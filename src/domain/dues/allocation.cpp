#include "domain/dues/allocation.h"

#include <algorithm>

namespace chibo::domain::dues {

int64_t Allocation::arrears_through(Month through) const {
  int64_t total = 0;
  for (const MonthStanding& m : months) {
    if (m.month <= through) total += m.outstanding();
  }
  return total;
}

const MonthStanding* Allocation::find(Month month) const {
  for (const MonthStanding& m : months) {
    if (m.month == month) return &m;
  }
  return nullptr;
}

Allocation allocate(const std::vector<DueAmount>& dues, const std::vector<PaymentFact>& payments) {
  Allocation allocation;
  int64_t pool = 0;
  for (const PaymentFact& payment : payments) {
    pool += payment.amount;
    allocation.extra += payment.extra;
  }
  allocation.months.reserve(dues.size());
  for (const DueAmount& due : dues) {
    MonthStanding standing{due.month, due.status == "due" ? due.amount : 0, 0};
    standing.paid = std::min(pool, standing.due);
    pool -= standing.paid;
    allocation.months.push_back(standing);
  }
  allocation.credit = pool;
  return allocation;
}

Allocation allocate_through(const MemberDuesFacts& facts, int64_t paid, const RuleSet& rules,
                            Month through) {
  std::optional<Month> first;
  for (const DuesBasis& basis : facts.bases)
    if (!first || basis.valid_from < *first) first = basis.valid_from;
  std::vector<DueAmount> dues;
  if (first) {
    for (Month m = *first; m <= through; m = m.plus(1))
      dues.push_back(amount_due(facts, m, rules, RuleTrail::kNone));
  }
  return allocate(dues, {PaymentFact{0, Date(), paid, 0}});
}

UnpaidYear unpaid_in_year(const Allocation& allocation, int year, Month through,
                          const RuleSet& rules) {
  UnpaidYear unpaid;
  unpaid.year = year;
  if (const RuleParameter* threshold =
          rules.in_force("dues.unpaid_months_for_removal", through.last_day())) {
    unpaid.threshold = threshold->value;
    unpaid.rule_source = threshold->source;
  }
  for (const MonthStanding& m : allocation.months) {
    if (m.month.year() != year || through < m.month) continue;
    if (m.due > 0 && m.paid < m.due) unpaid.months.push_back(m.month);
  }
  return unpaid;
}

std::optional<Month> first_unpaid_month(const MemberDuesFacts& facts, int64_t paid,
                                        const RuleSet& rules, Month limit) {
  std::optional<Month> first;
  for (const DuesBasis& basis : facts.bases)
    if (!first || basis.valid_from < *first) first = basis.valid_from;
  if (!first) return std::nullopt;
  int64_t pool = paid;
  for (Month m = *first; m <= limit; m = m.plus(1)) {
    const DueAmount due = amount_due(facts, m, rules, RuleTrail::kNone);
    if (due.status != "due" || due.amount <= 0) continue;
    if (pool < due.amount) return m;
    pool -= due.amount;
  }
  return std::nullopt;
}

std::optional<Month> dues_standing(const MemberDuesFacts& facts, int64_t paid, const RuleSet& rules,
                                   Month current) {
  if (facts.bases.empty()) return std::nullopt;
  const Month limit = current.plus(kStandingMonthsAhead);
  if (auto first = first_unpaid_month(facts, paid, rules, limit)) return first;
  return limit.plus(1);
}

}  // namespace chibo::domain::dues
