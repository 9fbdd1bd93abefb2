#include "domain/lifecycle/historical_gap.h"

#include <algorithm>

namespace chibo::domain {

const std::vector<std::string>& gap_reasons() {
  static const std::vector<std::string> reasons = {"readmission", "late_transfer"};
  return reasons;
}

std::vector<FieldError> check_historical_gap(const Member& member, const GapRequest& request,
                                             std::span<const Gap> existing, Date today) {
  std::vector<FieldError> errors;
  const std::vector<std::string>& reasons = gap_reasons();
  if (request.reason.empty()) {
    errors.push_back({"reason", "required", {}});
  } else if (std::find(reasons.begin(), reasons.end(), request.reason) == reasons.end()) {
    errors.push_back({"reason", "unknown_code", {{"value", request.reason}}});
  }
  if (request.document.number.empty()) errors.push_back({"document.number", "required", {}});
  if (request.document.authority.empty()) errors.push_back({"document.authority", "required", {}});
  if (request.note.empty()) errors.push_back({"note", "required", {}});
  if (request.to <= request.from) errors.push_back({"to", "gap_not_after_start", {}});
  check_step_date("to", request.to, today, errors);
  if (!member.admission_date) {
    errors.push_back({"from", "gap_without_admission", {}});
  } else if (request.from < *member.admission_date) {
    errors.push_back(
        {"from", "gap_before_admission", {{"admission_date", member.admission_date->iso()}}});
  }
  for (const Gap& other : existing) {
    if (request.from < other.to && other.from < request.to) {
      errors.push_back(
          {"from", "gap_overlaps", {{"from", other.from.iso()}, {"to", other.to.iso()}}});
      break;
    }
  }
  return errors;
}

}  // namespace chibo::domain
