// The dues a member owes for one month (rules-reference §6), from their dues basis, the
// exemptions and reductions in force that month, and the rule versions in force on the month's
// first day. Every result names the rules it applied, with their sources.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/dues/dues_basis.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::dues {

// A rule parameter a result used: its key, the value applied and its source.
struct AppliedRule {
  std::string key;
  int64_t value = 0;
  std::string source;
};

struct DueAmount {
  Month month;
  // "due": an amount is owed (maybe 0 after a 100 % relief); "exempt_party_age",
  // "exempt_decision": nothing is owed; "no_basis": no dues basis covers the month (nothing is
  // computed); "no_rule": no rule for the category was in force that month; "not_member": the
  // month is before the member joined or after they left (nothing is owed).
  std::string status;
  std::string category;
  int64_t base = 0;         // the income figure a rate applied to (0 for fixed amounts)
  int64_t full_amount = 0;  // before any reduction
  int reduction_percent = 0;
  int64_t amount = 0;     // owed, whole đồng
  int64_t relief_id = 0;  // the exemption or reduction decision applied (0: none)
  std::vector<AppliedRule> rules;

  bool owed() const { return status == "due" && amount > 0; }
};

// The months a member owes dues in (or appears in a cell's book): from the month they joined to
// the month they left, both included; an open end when unknown. See owed_span().
struct DuesSpan {
  std::optional<Month> from;
  std::optional<Month> until;
  bool covers(Month month) const {
    return (!from || *from <= month) && (!until || month <= *until);
  }
};

// The span from the day a member joined (the party: admission, or arriving from outside by
// transfer; a cell: also an internal transfer) to the day they left (exit_date). Whether the
// month of joining or of leaving is owed follows dues.joining_day_cutoff and
// dues.leaving_day_cutoff in force on that day (rules-reference §6 is silent; the office's choice
// is to owe both months whatever the day). Without those rules, both months are owed.
DuesSpan owed_span(std::optional<Date> joined, std::optional<Date> left, const RuleSet& rules);

// What the amount depends on besides the month.
struct MemberDuesFacts {
  std::vector<DuesBasis> bases;
  std::vector<DuesRelief> reliefs;
  // The day party age counts from (the stored anchor, or the first admission); none: unknown.
  std::optional<Date> party_age_anchor;
  // The months the member is a member here: outside them nothing is owed ("not_member").
  DuesSpan owed;
};

// Whether a due keeps the rules it applied (`rules`, shown with a ledger's months) or not: an
// allocation over many months and members needs only the amounts, and copying each rule's key and
// source per month was most of a removal list's time.
enum class RuleTrail { kKept, kNone };

DueAmount amount_due(const MemberDuesFacts& facts, Month month, const RuleSet& rules,
                     RuleTrail trail = RuleTrail::kKept);

// `amount` × `numerator` / `denominator`, rounded half up to a multiple of `unit` đồng
// (unit >= 1). Exact in integers for amounts up to 10^12 đồng.
int64_t scale_rounded(int64_t amount, int64_t numerator, int64_t denominator, int64_t unit);

// A basis checked against the rules in force in its first month: the income or fixed amount the
// category needs, inside the rule's bounds. Errors name the field ("income", "fixed_amount",
// "category") with a code and the bounds.
struct BasisProblem {
  std::string field;
  std::string code;
  std::vector<std::pair<std::string, std::string>> params;
};
std::vector<BasisProblem> check_basis(const DuesBasis& basis, const RuleSet& rules);

// A relief decision checked against the rules in force in its first month: a reduction's
// percent is one the rule allows and it lasts 1..max months; an exemption lasts >= 1 month or
// is open.
std::vector<BasisProblem> check_relief(const DuesRelief& relief, const RuleSet& rules);

}  // namespace chibo::domain::dues
