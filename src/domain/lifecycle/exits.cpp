#include "domain/lifecycle/exits.h"

namespace chibo::domain {

std::vector<FieldError> check_exit(const Member& member, const ExitRequest& request,
                                   const Catalog& catalog, const RuleSet& rules, Date today) {
  std::vector<FieldError> errors;
  if (!on_roll(member)) {
    errors.push_back({"status", "member_not_on_roll", {{"status", member.status}}});
    return errors;
  }
  const bool exit_status = request.status == "removed" || request.status == "expelled" ||
                           request.status == "left" || request.status == status::kDeceased;
  if (!exit_status) {
    errors.push_back({"status", "unknown_code", {{"value", request.status}}});
    return errors;
  }
  const ExitGround* ground = catalog.exit_ground(request.ground);
  if (request.ground.empty()) {
    errors.push_back({"ground", "required", {}});
  } else if (!ground) {
    errors.push_back({"ground", "unknown_code", {{"value", request.ground}}});
  } else if (ground->status != request.status) {
    errors.push_back({"ground", "exit_ground_mismatch", {{"status", request.status}}});
  }
  check_step_date("on", request.on, today, errors);
  if (member.admission_date && request.on < *member.admission_date)
    errors.push_back({"on", "exit_before_admission", {}});
  if (request.status != status::kDeceased) {
    if (request.document.number.empty()) errors.push_back({"document.number", "required", {}});
    if (request.document.authority.empty())
      errors.push_back({"document.authority", "required", {}});
  }
  if (request.status == status::kExpelled && member.status == status::kProbationary) {
    if (const RuleParameter* rule =
            rule_on(rules, "exit.probationary_may_be_expelled", request.on, "status", errors);
        rule && rule->value == 0) {
      errors.push_back(rule_error("status", "probationary_not_expelled", *rule));
    }
  }
  return errors;
}

void apply_exit(Member& member, const ExitRequest& request) {
  member.status = request.status;
  member.exit_date = request.on;
  member.exit_ground = request.ground;
}

std::vector<FieldError> check_exemption(const Member& member, const ExemptionRequest& request,
                                        const RuleSet& rules, Date today) {
  std::vector<FieldError> errors;
  check_step_date("on", request.on, today, errors);
  if (request.document.number.empty()) errors.push_back({"document.number", "required", {}});
  if (!request.start) {
    if (member.status != status::kExempted)
      errors.push_back({"action", "not_exempted", {{"status", member.status}}});
    return errors;
  }
  if (member.status == status::kProbationary) {
    if (const RuleParameter* rule =
            rule_on(rules, "exemption.probationary_allowed", request.on, "action", errors);
        rule && rule->value == 0) {
      errors.push_back(rule_error("action", "exemption_for_official", *rule));
    }
  } else if (member.status != status::kOfficial) {
    errors.push_back(
        {"action",
         member.status == status::kExempted ? "already_exempted" : "member_not_on_roll",
         {{"status", member.status}}});
  }
  return errors;
}

void apply_exemption(Member& member, const ExemptionRequest& request) {
  member.status = std::string(request.start ? status::kExempted : status::kOfficial);
}

}  // namespace chibo::domain
