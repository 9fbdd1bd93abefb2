#include "domain/meetings/meeting_rules.h"

namespace chibo::domain::meetings {

AppliedRule applied(const RuleSet& rules, const std::string& key, Date on) {
  const RuleParameter* rule = rules.in_force(key, on);
  if (!rule) return {key, 0, ""};
  return {key, rule->value, rule->source};
}

}  // namespace chibo::domain::meetings
