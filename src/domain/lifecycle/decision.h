// What every lifecycle step carries: the deciding paper and, for resolutions, the vote; and
// how a rule's refusal is written, so that each one names the rule and its source.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/members/member.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

// A Party document by its number and issuer ("45-NQ/CB", "Đảng ủy Bộ Tư pháp"); its date is the
// step's date.
struct Document {
  std::string number;
  std::string authority;
  bool empty() const { return number.empty() && authority.empty(); }
};

// A resolution's vote: those in favour and against among the members entitled to vote.
struct Vote {
  int in_favour = 0;
  int against = 0;
  int entitled = 0;
};

// True when `vote` reaches `share` (a rule whose values are numerator and denominator, e.g. 2/3
// of those entitled, not only of those present).
bool vote_passes(const Vote& vote, const RuleParameter& share);

// A refusal under `rule`: params rule (its key), value, source, plus `extra`.
FieldError rule_error(std::string field, std::string code, const RuleParameter& rule,
                      Params extra = {});

// The rule `key` in force on `on`; when none is, appends "rule_not_in_force" against `field`
// (no decision may be taken without a rule) and returns nullptr.
const RuleParameter* rule_on(const RuleSet& rules, const std::string& key, Date on,
                             const std::string& field, std::vector<FieldError>& errors);

// Checks of a vote's own consistency (against + in favour <= entitled, entitled >= 1), and
// that it reaches `share`. `field` prefixes the vote's field names ("vote").
void check_vote(const Vote& vote, const RuleParameter* share, const std::string& field,
                std::vector<FieldError>& errors);

// On the roll: official, probationary or exempted (the procedures that start from a member on
// the roll share this).
bool on_roll(const Member& member);

// The step's date is not in the future.
void check_step_date(const std::string& field, Date on, Date today,
                     std::vector<FieldError>& errors);

}  // namespace chibo::domain
