#include "domain/dues/amount_due.h"

#include <algorithm>

#include "domain/lifecycle/party_age.h"

namespace chibo::domain::dues {

namespace {

constexpr int64_t kBasisPoints = 10000;

AppliedRule applied(const RuleParameter& parameter) {
  return {parameter.key, parameter.value, parameter.source};
}

// The rate (or fixed amount) key of a category.
std::string_view rule_key_of(std::string_view c) {
  if (c == category::kBhxhSalary) return "dues.bhxh_salary_rate_bp";
  if (c == category::kBhxhBenefit) return "dues.bhxh_benefit_rate_bp";
  if (c == category::kPension) return "dues.pension_rate_bp";
  if (c == category::kStudent) return "dues.student_amount";
  if (c == category::kAbroadAllowance) return "dues.abroad_allowance_rate_bp";
  if (c == category::kAbroadFixed) return "dues.abroad_fixed_min";
  return "dues.other_fixed_min";
}

int64_t rounding_unit(const RuleSet& rules, Date on, std::vector<AppliedRule>* used) {
  const RuleParameter* unit = rules.in_force("dues.rounding_unit_dong", on);
  if (!unit || unit->value < 1) return 1;
  if (used) used->push_back(applied(*unit));
  return unit->value;
}

}  // namespace

int64_t scale_rounded(int64_t amount, int64_t numerator, int64_t denominator, int64_t unit) {
  if (amount <= 0 || numerator <= 0 || denominator <= 0) return 0;
  const __int128 scaled = static_cast<__int128>(amount) * numerator;
  const __int128 step = static_cast<__int128>(denominator) * std::max<int64_t>(unit, 1);
  return static_cast<int64_t>((scaled + step / 2) / step) * std::max<int64_t>(unit, 1);
}

DueAmount amount_due(const MemberDuesFacts& facts, Month month, const RuleSet& rules,
                     RuleTrail trail) {
  DueAmount due;
  std::vector<AppliedRule>* used = trail == RuleTrail::kKept ? &due.rules : nullptr;
  auto keep = [used](const RuleParameter& rule) {
    if (used) used->push_back(applied(rule));
  };
  due.month = month;
  const Date first = month.first_day();
  if (!facts.owed.covers(month)) {
    due.status = "not_member";
    return due;
  }
  const DuesBasis* basis = basis_in(facts.bases, month);
  if (!basis) {
    due.status = "no_basis";
    return due;
  }
  due.category = basis->category;
  // The 50-years exemption comes before everything: nothing is owed whatever the basis.
  if (facts.party_age_anchor) {
    if (const RuleParameter* years = rules.in_force("dues.exempt_party_age_years", first)) {
      const PartyAge age = party_age_on(*facts.party_age_anchor, {}, first);
      if (age.years >= years->value) {
        due.status = "exempt_party_age";
        keep(*years);
        return due;
      }
    }
  }
  // An exemption decision in force.
  const DuesRelief* reduction = nullptr;
  for (const DuesRelief& relief : facts.reliefs) {
    if (!relief.covers(month)) continue;
    if (relief.kind == "exemption") {
      due.status = "exempt_decision";
      due.relief_id = relief.id;
      return due;
    }
    if (!reduction || relief.percent > reduction->percent) reduction = &relief;
  }
  const RuleParameter* rule = rules.in_force(rule_key_of(basis->category), first);
  if (!rule) {
    due.status = "no_rule";
    return due;
  }
  due.status = "due";
  const int64_t unit = rounding_unit(rules, first, nullptr);
  if (takes_income(basis->category)) {
    due.base = basis->income;
    due.full_amount = scale_rounded(basis->income, rule->value, kBasisPoints, unit);
    keep(*rule);
    rounding_unit(rules, first, used);
  } else if (takes_fixed_amount(basis->category)) {
    due.full_amount = basis->fixed_amount;
    // The bounds the amount was chosen within (its minimum names the rule).
    keep(*rule);
  } else {
    due.full_amount = rule->value;
    keep(*rule);
  }
  due.amount = due.full_amount;
  if (reduction) {
    due.reduction_percent = reduction->percent;
    due.relief_id = reduction->id;
    if (const RuleParameter* percents = rules.in_force("dues.reduction_percents", first))
      keep(*percents);
    // One rounding, of the exact reduced amount (a rate's amount is recomputed from the base so
    // that it is not rounded twice).
    if (takes_income(basis->category)) {
      due.amount = scale_rounded(basis->income, rule->value * (100 - reduction->percent),
                                 kBasisPoints * 100, unit);
    } else {
      due.amount = scale_rounded(due.full_amount, 100 - reduction->percent, 100, unit);
    }
  }
  return due;
}

DuesSpan owed_span(std::optional<Date> joined, std::optional<Date> left, const RuleSet& rules) {
  DuesSpan span;
  if (joined) {
    span.from = Month::of(*joined);
    // Joined after the cutoff day: the month of joining is not owed.
    const RuleParameter* cutoff = rules.in_force("dues.joining_day_cutoff", *joined);
    if (cutoff && joined->day() > cutoff->value) span.from = span.from->plus(1);
  }
  if (left) {
    span.until = Month::of(*left);
    // Left before the cutoff day: the month of leaving is not owed.
    const RuleParameter* cutoff = rules.in_force("dues.leaving_day_cutoff", *left);
    if (cutoff && left->day() < cutoff->value) span.until = span.until->plus(-1);
  }
  return span;
}

std::vector<BasisProblem> check_basis(const DuesBasis& basis, const RuleSet& rules) {
  std::vector<BasisProblem> problems;
  const Date first = basis.valid_from.first_day();
  const auto& all = categories();
  if (std::find(all.begin(), all.end(), basis.category) == all.end()) {
    problems.push_back({"category", basis.category.empty() ? "required" : "unknown_code", {}});
    return problems;
  }
  if (!rules.in_force(rule_key_of(basis.category), first)) {
    problems.push_back(
        {"valid_from", "no_rule_in_force", {{"rule", std::string(rule_key_of(basis.category))}}});
    return problems;
  }
  if (takes_income(basis.category)) {
    if (basis.income <= 0) problems.push_back({"income", "must_be_positive", {}});
    if (basis.fixed_amount != 0) problems.push_back({"fixed_amount", "not_for_category", {}});
  } else if (takes_fixed_amount(basis.category)) {
    if (basis.income != 0) problems.push_back({"income", "not_for_category", {}});
    const std::string prefix =
        basis.category == category::kAbroadFixed ? "dues.abroad_fixed_" : "dues.other_fixed_";
    const RuleParameter* min = rules.in_force(prefix + "min", first);
    const RuleParameter* max = rules.in_force(prefix + "max", first);
    if (min && max && (basis.fixed_amount < min->value || basis.fixed_amount > max->value)) {
      problems.push_back(
          {"fixed_amount",
           "out_of_range",
           {{"min", std::to_string(min->value)}, {"max", std::to_string(max->value)}}});
    }
  } else {
    if (basis.income != 0) problems.push_back({"income", "not_for_category", {}});
    if (basis.fixed_amount != 0) problems.push_back({"fixed_amount", "not_for_category", {}});
  }
  return problems;
}

std::vector<BasisProblem> check_relief(const DuesRelief& relief, const RuleSet& rules) {
  std::vector<BasisProblem> problems;
  const Date first = relief.from.first_day();
  if (relief.kind == "exemption") {
    if (relief.months && *relief.months < 1)
      problems.push_back({"months", "out_of_range", {{"min", "1"}}});
    return problems;
  }
  if (relief.kind != "reduction") {
    problems.push_back({"relief", relief.kind.empty() ? "required" : "unknown_code", {}});
    return problems;
  }
  const RuleParameter* percents = rules.in_force("dues.reduction_percents", first);
  const RuleParameter* max = rules.in_force("dues.reduction_max_months", first);
  if (!percents || !max) {
    problems.push_back({"from_month", "no_rule_in_force", {{"rule", "dues.reduction_percents"}}});
    return problems;
  }
  const std::vector<int64_t> allowed =
      percents->values.empty() ? std::vector<int64_t>{percents->value} : percents->values;
  if (std::find(allowed.begin(), allowed.end(), relief.percent) == allowed.end()) {
    std::string list;
    for (int64_t p : allowed) list += (list.empty() ? "" : ", ") + std::to_string(p);
    problems.push_back({"percent", "not_allowed", {{"allowed", list}}});
  }
  if (!relief.months) {
    problems.push_back({"months", "required", {}});
  } else if (*relief.months < 1 || *relief.months > max->value) {
    problems.push_back(
        {"months", "out_of_range", {{"min", "1"}, {"max", std::to_string(max->value)}}});
  }
  return problems;
}

}  // namespace chibo::domain::dues
