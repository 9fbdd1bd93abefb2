#include "domain/discipline/limitation.h"

#include <algorithm>

namespace chibo::domain::discipline {
namespace {

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
  const char* key = facts.level == Sanction::kReprimand ? "discipline.limitation_reprimand_years"
                                                        : "discipline.limitation_warning_years";
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

}  // namespace chibo::domain::discipline
