#include "domain/lifecycle/badges.h"

#include <algorithm>

namespace chibo::domain {

namespace {

// The occasions of `year` in order, from the rule in force on 1 January of that year.
std::vector<Date> occasions_of(const RuleSet& rules, int year) {
  std::vector<Date> dates;
  const std::optional<Date> first = Date::from_ymd(year, 1, 1);
  if (!first) return dates;
  const RuleParameter* rule = rules.in_force("badge.occasions", *first);
  if (!rule) rule = rules.in_force("badge.occasions", *Date::from_ymd(year, 12, 31));
  if (!rule) return dates;
  for (const int64_t month_day : rule->values) {
    if (auto date = Date::from_ymd(year, static_cast<int>(month_day / 100),
                                   static_cast<int>(month_day % 100)))
      dates.push_back(*date);
  }
  std::sort(dates.begin(), dates.end());
  return dates;
}

}  // namespace

std::optional<Date> next_occasion(const RuleSet& rules, Date day) {
  for (int year = day.year(); year <= day.year() + 1; ++year) {
    for (const Date& occasion : occasions_of(rules, year)) {
      if (occasion >= day) return occasion;
    }
  }
  return std::nullopt;
}

std::optional<Date> previous_occasion(const RuleSet& rules, Date occasion) {
  for (int year = occasion.year(); year >= occasion.year() - 1; --year) {
    std::vector<Date> dates = occasions_of(rules, year);
    for (auto it = dates.rbegin(); it != dates.rend(); ++it) {
      if (*it < occasion) return *it;
    }
  }
  return std::nullopt;
}

std::optional<BadgeDue> badge_due(const BadgeFacts& facts, Date occasion, Date previous,
                                  std::span<const int64_t> milestones) {
  // The whole years of party age on the occasion, then the highest milestone not above them
  // (milestones ascending), and the day it was reached.
  const int years = party_age_on(facts.admission, facts.gaps, occasion).years;
  auto it = std::upper_bound(milestones.begin(), milestones.end(), int64_t{years});
  if (it == milestones.begin()) return std::nullopt;
  const int milestone = static_cast<int>(*(it - 1));
  if (milestone <= facts.highest_awarded) return std::nullopt;
  const Date reached = milestone_date(facts.admission, facts.gaps, milestone);
  return BadgeDue{facts.id, milestone, reached, reached > previous};
}

std::vector<BadgeDue> badges_due(std::span<const BadgeFacts> members, Date occasion, Date previous,
                                 std::span<const int64_t> milestones) {
  std::vector<BadgeDue> due;
  for (const BadgeFacts& facts : members) {
    if (auto badge = badge_due(facts, occasion, previous, milestones)) due.push_back(*badge);
  }
  return due;
}

}  // namespace chibo::domain
