// Versioned rule parameters. The Party's rules change (four regulations in 2025 alone), so
// every number a decision uses is a parameter with the date it takes effect and its source.
// A decision asks for the value in force on the date it applies to.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace chibo::domain {

struct RuleParameter {
  std::string key;  // e.g. "org.min_official_members"
  int64_t value = 0;
  Date effective_from;
  std::string source;  // document number and article, e.g. "Điều lệ Đảng 2011, Điều 21"
  std::string note;
  // List parameters (badge milestones, a vote share as numerator and denominator) keep their
  // items here; `value` is then the first item.
  std::vector<int64_t> values;
};

class RuleSet {
 public:
  RuleSet() = default;
  // Fails when a key has two versions with the same effective date or a key is missing.
  static Result<RuleSet> build(std::vector<RuleParameter> parameters,
                               const std::vector<std::string>& required_keys);

  // The version of `key` in force on `on`, or nullptr when none had taken effect yet.
  const RuleParameter* in_force(std::string_view key, Date on) const;
  // The latest version of `key` (in force now or from a future date), or nullptr.
  const RuleParameter* latest(std::string_view key) const;
  // Every version of `key`, oldest first (empty when the key is unknown).
  const std::vector<RuleParameter>& versions(std::string_view key) const;
  // Every version of every key, ordered by key then effective date.
  std::vector<RuleParameter> all() const;

 private:
  // Each sorted by effective_from. Looked up by string_view (std::less<>): the dues ledgers ask
  // for a rule per month per member, and a key built as a std::string each time was a malloc.
  std::map<std::string, std::vector<RuleParameter>, std::less<>> versions_;
};

// The keys the registry's decisions read; start-up refuses a rule set that lacks one.
const std::vector<std::string>& registry_rule_keys();

// The keys the member lifecycle reads (admission, probation, transfers, exits, badges).
const std::vector<std::string>& lifecycle_rule_keys();

// The keys the document register reads (numbering, dates, terms, committee composition).
const std::vector<std::string>& document_rule_keys();
// The keys the working-day calendar reads (calendar.*, holiday.*: domain/calendar/holiday_rules).
const std::vector<std::string>& calendar_rule_keys();

// The keys the follow-up's reminder ladder reads (followup.*: domain/followup/reminder_ladder.h).
const std::vector<std::string>& followup_rule_keys();
// The keys the dues decisions read (domain/dues: rates, reliefs, rounding, remittance shares).
const std::vector<std::string>& dues_rule_keys();
// The keys the review and classification decisions read (domain/review: bands, quota, periods).
const std::vector<std::string>& review_rule_keys();
// The keys the meeting decisions read (domain/meetings: calendar, quality, removal, votes).
const std::vector<std::string>& meetings_rule_keys();

// The keys the personal plans read (plans.*: domain/plans, rules/plans.toml).
const std::vector<std::string>& plans_rule_keys();
// The keys of the directives' scheduled period reports (directives.*: rules/directives.toml).
const std::vector<std::string>& directives_rule_keys();
// The keys the inspection decisions read (inspection.*: domain/inspection, rules/inspection.toml).
const std::vector<std::string>& inspection_rule_keys();
// The keys the discipline decisions read (discipline.*: domain/discipline, rules/discipline.toml).
const std::vector<std::string>& discipline_rule_keys();
// The keys the compliance board reads (compliance.*: domain/compliance, rules/compliance.toml).
const std::vector<std::string>& compliance_rule_keys();
// The keys of figures as of a date and periodic reports (stats.*: domain/members/stats_dates).
const std::vector<std::string>& stats_rule_keys();
// Every key chibo's decisions read.
std::vector<std::string> required_rule_keys();

}  // namespace chibo::domain
