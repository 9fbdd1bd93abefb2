#include "domain/discipline/limitation.h"

#include <algorithm>

namespace chibo::domain::discipline {
namespace {

constexpr const char* kLimitedKeys[] = {"discipline.limitation_reprimand_years",
                                        "discipline.limitation_warning_years"};

// Days of `deferral` that fall in (start, end], both ends of the deferral included.
int overlap_days(const Deferral& deferral, Date start, Date end) {
  const Date from = std::max(deferral.from, start.add_days(1));
  const Date to = std::min(deferral.to, end);
  return to < from ? 0 : to.serial() - from.serial() + 1;
}

}  // namespace

std::optional<LimitationAnswer> limitation(const LimitationFacts& facts, Date on,
                                           const RuleSet& rules) {
  LimitationAnswer answer;
  answer.counted_from = facts.breach_date;
  if (facts.new_breach_date && *facts.new_breach_date > facts.breach_date) {
    answer.counted_from = *facts.new_breach_date;
  }
  if (facts.level == Sanction::kExpulsion || facts.level == Sanction::kDissolution) {
    answer.unlimited = true;
    answer.unlimited_reason = "expulsion_level";
    return answer;
  }
  if (facts.category != Category::kOrdinary) {
    answer.unlimited = true;
    answer.unlimited_reason = "category";
    return answer;
  }
  const char* key = facts.level == Sanction::kReprimand ? kLimitedKeys[0] : kLimitedKeys[1];
  const RuleParameter* years = rules.in_force(key, answer.counted_from);
  if (!years) return std::nullopt;
  answer.rule = AppliedRule{years->key, years->value, years->source};

  // The period runs from the day after the breach to the same date `years` later; every
  // deferred day inside it moves the end one day, which may bring more deferral days inside.
  const Date base_end = answer.counted_from.add_years(static_cast<int>(years->value));
  Date end = base_end;
  for (;;) {
    int deferred = 0;
    for (const Deferral& deferral : facts.deferrals) {
      deferred += overlap_days(deferral, answer.counted_from, end);
    }
    const Date moved = base_end.add_days(deferred);
    answer.deferred_days = deferred;
    if (moved == end) break;
    end = moved;
  }
  answer.ends_on = end;
  answer.expired = on > end;
  if (!answer.expired) answer.days_left = end.serial() - on.serial();
  return answer;
}

std::optional<Date> latest_breach_ending_by(Date until, const RuleSet& rules) {
  std::optional<int64_t> shortest;
  for (const char* key : kLimitedKeys)
    for (const RuleParameter& version : rules.versions(key))
      if (!shortest || version.value < *shortest) shortest = version.value;
  if (!shortest) return std::nullopt;
  const int years = static_cast<int>(*shortest);
  // add_years is monotonic (29 February goes to 28 February), so the days whose period has
  // ended by `until` are a prefix: find its last day around until - years.
  Date last = until.add_years(-years);
  while (last.add_years(years) > until) last = last.add_days(-1);
  while (last.add_days(1).add_years(years) <= until) last = last.add_days(1);
  return last;
}

std::optional<LimitationAnswer> limitation_warning(const LimitationFacts& facts, Date today,
                                                   int64_t warn_days, const RuleSet& rules) {
  std::optional<LimitationAnswer> clock = limitation(facts, today, rules);
  if (!clock || clock->unlimited || !clock->ends_on) return std::nullopt;
  if (!clock->expired && clock->days_left.value_or(0) > warn_days) return std::nullopt;
  return clock;
}

}  // namespace chibo::domain::discipline
