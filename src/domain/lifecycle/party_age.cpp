#include "domain/lifecycle/party_age.h"

#include <algorithm>

namespace chibo::domain {

Period period_between(Date from, Date to) {
  if (to <= from) return {};
  const int months = whole_months_between(from, to);
  return {months, static_cast<int>(to.serial() - from.add_months(months).serial())};
}

Date shift(Date day, Period period) { return day.add_months(period.months).add_days(period.days); }

std::vector<Gap> ordered_gaps(std::span<const Gap> gaps) {
  std::vector<Gap> ordered;
  for (const Gap& gap : gaps) {
    if (gap.to > gap.from) ordered.push_back(gap);
  }
  std::sort(ordered.begin(), ordered.end(),
            [](const Gap& a, const Gap& b) { return a.from < b.from; });
  std::vector<Gap> joined;
  for (const Gap& gap : ordered) {
    if (!joined.empty() && gap.from < joined.back().to) {
      joined.back().to = std::max(joined.back().to, gap.to);
    } else {
      joined.push_back(gap);
    }
  }
  return joined;
}

namespace {

// The anchor of the gaps ended by `on`, and the day the age is measured to: `on`, or the start
// of the gap `on` falls in (the age does not grow during a gap).
struct Measure {
  Date anchor;
  Date until;
};

Measure measure(Date admission, std::span<const Gap> gaps, Date on) {
  Measure result{admission, on};
  for (const Gap& gap : ordered_gaps(gaps)) {
    if (gap.from >= on) break;
    if (gap.to > on) {
      result.until = gap.from;
      break;
    }
    result.anchor = shift(result.anchor, period_between(gap.from, gap.to));
  }
  return result;
}

}  // namespace

Date party_age_anchor(Date admission, std::span<const Gap> gaps, Date on) {
  return measure(admission, gaps, on).anchor;
}

Date party_age_anchor(Date admission, std::span<const Gap> gaps) {
  Date anchor = admission;
  for (const Gap& gap : ordered_gaps(gaps))
    anchor = shift(anchor, period_between(gap.from, gap.to));
  return anchor;
}

PartyAge party_age_on(Date admission, std::span<const Gap> gaps, Date on) {
  PartyAge age;
  if (on <= admission) return age;
  const Measure m = measure(admission, gaps, on);
  if (m.until <= m.anchor) return age;
  const Period period = period_between(m.anchor, m.until);
  age.years = period.years_part();
  age.months = period.months_part();
  age.days = period.days;
  age.total_days = m.until.serial() - m.anchor.serial();
  return age;
}

Date milestone_date(Date admission, std::span<const Gap> gaps, int years) {
  // The age does not grow during a gap: a gap that begins before the milestone (as reached
  // with the earlier gaps) moves it by the gap's period; a later gap leaves it where it is.
  Date anchor = admission;
  for (const Gap& gap : ordered_gaps(gaps)) {
    if (gap.from >= anchor.add_years(years)) break;
    anchor = shift(anchor, period_between(gap.from, gap.to));
  }
  return anchor.add_years(years);
}

int64_t total_gap_days(std::span<const Gap> gaps) {
  int64_t total = 0;
  for (const Gap& gap : ordered_gaps(gaps)) total += gap.days();
  return total;
}

}  // namespace chibo::domain
