#include "domain/lifecycle/party_age.h"

#include <algorithm>

namespace chibo::domain {

int64_t gap_days_before(const std::vector<Gap>& gaps, Date on) {
  int64_t total = 0;
  for (const Gap& gap : gaps) {
    if (gap.from >= on) continue;
    total += Gap{gap.from, std::min(gap.to, on)}.days();
  }
  return total;
}

PartyAge party_age_on(Date admission, const std::vector<Gap>& gaps, Date on) {
  PartyAge age;
  const Date start = admission.add_days(static_cast<int32_t>(gap_days_before(gaps, on)));
  if (on <= start) return age;
  const int months = whole_months_between(start, on);
  age.years = months / 12;
  age.months = months % 12;
  age.days = on.serial() - start.add_months(months).serial();
  age.total_days = on.serial() - start.serial();
  return age;
}

Date milestone_date(Date admission, const std::vector<Gap>& gaps, int years) {
  // The age does not grow during a gap, so each gap that begins before the milestone (as
  // computed with the earlier gaps) pushes it back by the whole gap.
  std::vector<Gap> ordered = gaps;
  std::sort(ordered.begin(), ordered.end(),
            [](const Gap& a, const Gap& b) { return a.from < b.from; });
  int64_t shift = 0;
  for (const Gap& gap : ordered) {
    const Date provisional = admission.add_days(static_cast<int32_t>(shift)).add_years(years);
    if (gap.from >= provisional) break;
    shift += gap.days();
  }
  return admission.add_days(static_cast<int32_t>(shift)).add_years(years);
}

}  // namespace chibo::domain
