#include "domain/org/organization.h"

namespace chibo::domain {

const char* org_status_code(OrgStatus status) {
  switch (status) {
    case OrgStatus::kActive:
      return "active";
    case OrgStatus::kDissolved:
      return "dissolved";
    case OrgStatus::kMerged:
      return "merged";
  }
  return "active";
}

std::optional<OrgStatus> parse_org_status(std::string_view code) {
  if (code == "active") return OrgStatus::kActive;
  if (code == "dissolved") return OrgStatus::kDissolved;
  if (code == "merged") return OrgStatus::kMerged;
  return std::nullopt;
}

}  // namespace chibo::domain
