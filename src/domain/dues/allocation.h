// Payments applied to the months a member owes, oldest month first (a payment may cover several
// months in advance, part of a month, and a voluntary extra that is never applied to dues);
// arrears; and the removal-list check "3 months in a year unpaid without reason" (rules-reference
// §5, §6).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/dues/amount_due.h"

namespace chibo::domain::dues {

struct PaymentFact {
  int64_t id = 0;
  Date paid_on;
  int64_t amount = 0;  // towards dues
  int64_t extra = 0;   // voluntary, above the dues (reported, never applied to months)
};

struct MonthStanding {
  Month month;
  int64_t due = 0;
  int64_t paid = 0;  // applied to this month
  int64_t outstanding() const { return due - paid; }
};

struct Allocation {
  std::vector<MonthStanding> months;  // every month of the dues given, oldest first
  int64_t credit = 0;                 // paid beyond every month given (in advance of later ones)
  int64_t extra = 0;                  // voluntary extra, in all

  // Unpaid dues of the months up to `through`, included.
  int64_t arrears_through(Month through) const;
  const MonthStanding* find(Month month) const;
};

// `dues`: the month's amounts, in month order without gaps or repeats. The payments' amounts are
// pooled and applied oldest month first, each month up to its due.
Allocation allocate(const std::vector<DueAmount>& dues, const std::vector<PaymentFact>& payments);

// allocate() for the months from the first basis to `through` (included), the payments' dues
// parts summing to `paid`: those months come out the same as in allocate() over any later
// horizon, whatever the payments' number and dates (their amounts are pooled, and a later month
// only takes what the earlier ones left). `credit` is what is left after `through`; `extra` is 0.
// For the removal list, which reads no month after `through`, without reading each payment.
Allocation allocate_through(const MemberDuesFacts& facts, int64_t paid, const RuleSet& rules,
                            Month through);

// The months of `year` up to `through` (included) that were owed and are not fully paid. An
// exempt month, or one reduced to nothing, was not owed: its decision is the reason.
struct UnpaidYear {
  int year = 0;
  std::vector<Month> months;
  int64_t threshold = 0;  // dues.unpaid_months_for_removal in force at `through`
  std::string rule_source;
  bool listed() const { return threshold > 0 && static_cast<int64_t>(months.size()) >= threshold; }
};
UnpaidYear unpaid_in_year(const Allocation& allocation, int year, Month through,
                          const RuleSet& rules);

// The first month owed and not fully paid once `paid` đồng (every payment's dues part, pooled)
// are applied oldest month first from the first basis on, as allocate() does; nullopt when they
// cover every month up to `limit` or there is no basis. Every month a year's unpaid_in_year lists
// is this month or later, which is what the derived dues_standings table keeps.
std::optional<Month> first_unpaid_month(const MemberDuesFacts& facts, int64_t paid,
                                        const RuleSet& rules, Month limit);

// What dues_standings keeps for a member on a day of month `current`: first_unpaid_month looking
// kStandingMonthsAhead months ahead, or the month after that when the payments cover them all
// (a lower bound: the member becomes a candidate then, and the exact check decides); nullopt
// without a basis.
inline constexpr int kStandingMonthsAhead = 24;
std::optional<Month> dues_standing(const MemberDuesFacts& facts, int64_t paid, const RuleSet& rules,
                                   Month current);

}  // namespace chibo::domain::dues
