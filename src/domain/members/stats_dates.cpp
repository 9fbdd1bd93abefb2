#include "domain/members/stats_dates.h"

#include <cstdio>
#include <optional>

namespace chibo::domain {

namespace {

std::optional<Date> earliest(const RuleSet& rules, Date on, const RuleParameter*& rule) {
  rule = rules.in_force("stats.earliest_as_of_ymd", on);
  if (!rule) rule = rules.latest("stats.earliest_as_of_ymd");
  if (!rule) return std::nullopt;
  const int64_t ymd = rule->value;
  char iso[64];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", static_cast<int>(ymd / 10000),
                static_cast<int>(ymd / 100 % 100), static_cast<int>(ymd % 100));
  return Date::parse(iso);
}

}  // namespace

std::vector<FieldError> check_as_of(const std::string& field, Date on, Date today,
                                    const RuleSet& rules) {
  std::vector<FieldError> errors;
  if (on > today) {
    errors.push_back({field, "stats_as_of_in_future", {{"today", today.iso()}}});
    return errors;
  }
  const RuleParameter* rule = nullptr;
  const std::optional<Date> first = earliest(rules, on, rule);
  if (!first) {
    errors.push_back({field, "rule_not_in_force", {{"rule", "stats.earliest_as_of_ymd"}}});
  } else if (on < *first) {
    errors.push_back({field,
                      "stats_as_of_too_early",
                      {{"earliest", first->iso()}, {"rule", rule->key}, {"source", rule->source}}});
  }
  return errors;
}

std::vector<FieldError> check_report_period(Date from, Date to, Date today, const RuleSet& rules) {
  std::vector<FieldError> errors = check_as_of("from", from, today, rules);
  std::vector<FieldError> more = check_as_of("to", to, today, rules);
  errors.insert(errors.end(), more.begin(), more.end());
  if (!errors.empty()) return errors;
  if (from > to) {
    errors.push_back({"to", "stats_period_reversed", {{"from", from.iso()}}});
    return errors;
  }
  const RuleParameter* months = rules.in_force("stats.report_max_months", to);
  if (!months) {
    errors.push_back({"to", "rule_not_in_force", {{"rule", "stats.report_max_months"}}});
  } else if (to >= from.add_months(static_cast<int>(months->value))) {
    errors.push_back({"to",
                      "stats_period_too_long",
                      {{"max_months", std::to_string(months->value)},
                       {"rule", months->key},
                       {"source", months->source}}});
  }
  return errors;
}

}  // namespace chibo::domain
