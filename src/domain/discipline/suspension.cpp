#include "domain/discipline/suspension.h"

namespace chibo::domain::discipline {

const char* suspension_bases() { return "investigation, prosecution"; }

SuspensionCheck check_suspension(Subject subject, const Suspension& next,
                                 const std::optional<Suspension>& previous, const RuleSet& rules) {
  SuspensionCheck check;
  const bool organization = subject == Subject::kOrganization;
  if (next.basis != "investigation" && next.basis != "prosecution") {
    check.errors.push_back({"basis", "not_allowed", {{"allowed", suspension_bases()}}});
    return check;
  }
  // Only a person is prosecuted or detained.
  if (organization && next.basis == "prosecution") {
    check.errors.push_back({"basis", "not_allowed", {{"allowed", "investigation"}}});
    return check;
  }
  if (next.until < next.from) {
    check.errors.push_back({"until", "date_before_start", {}});
    return check;
  }
  if (previous) {
    if (next.from != previous->from)
      check.errors.push_back(
          {"from", "discipline_suspension_start_fixed", {{"from", previous->from.iso()}}});
    if (next.until <= previous->until)
      check.errors.push_back(
          {"until", "discipline_suspension_not_later", {{"until", previous->until.iso()}}});
    if (!check.errors.empty()) return check;
  }
  if (next.basis == "prosecution") return check;  // the law's period, no party cap
  // An organization has no extension; a member's first period has the shorter cap.
  const char* key = organization ? "discipline.org_suspension_days"
                    : previous   ? "discipline.suspension_max_days"
                                 : "discipline.suspension_days";
  const RuleParameter* cap = rules.in_force(key, next.from);
  if (!cap) {
    check.errors.push_back({"until", "rule_missing", {{"rule", key}}});
    return check;
  }
  check.rule = AppliedRule{cap->key, cap->value, cap->source};
  check.latest_until = next.from.add_days(static_cast<int>(cap->value));
  if (next.until > *check.latest_until) {
    check.errors.push_back({"until",
                            "discipline_suspension_too_long",
                            {{"days", std::to_string(static_cast<int>(cap->value))},
                             {"latest", check.latest_until->iso()},
                             {"rule", cap->key},
                             {"source", cap->source}}});
  }
  return check;
}

std::optional<AppliedRule> suspension_cap(Subject subject, const Suspension& recorded,
                                          const RuleSet& rules) {
  const SuspensionCheck first = check_suspension(subject, recorded, {}, rules);
  if (first.errors.empty() || subject == Subject::kOrganization) return first.rule;
  // Past the first period: an extension made it longer.
  Suspension shorter = recorded;
  shorter.until = recorded.from;
  return check_suspension(subject, recorded, shorter, rules).rule;
}

bool suspended_on(const Suspension& suspension, Date on) {
  if (on < suspension.from || on > suspension.until) return false;
  return !suspension.lifted_on || on < *suspension.lifted_on;
}

}  // namespace chibo::domain::discipline
