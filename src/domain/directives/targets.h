// Whom a task goes to. From an organization (the issuer, or an organization passing a received
// task down): all its children, every organization of one kind in its subtree (every base
// organization, every cell), chosen organizations, or one member registered in its subtree.
// Targets are strictly below the assigning organization and active.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/ids.h"
#include "core/org_path.h"

namespace chibo::domain {

enum class TargetMode { kChildren, kKind, kOrgs, kMember };

struct AssignmentTarget {
  TargetMode mode = TargetMode::kChildren;
  std::string kind;         // kKind
  std::vector<OrgId> orgs;  // kOrgs
  MemberId member;          // kMember
};

std::optional<TargetMode> parse_target_mode(std::string_view code);

// A candidate receiving organization as the caller found it.
struct TargetOrg {
  OrgId id;
  OrgPath path;
  bool active = true;
  bool found = true;  // false: an id of `orgs` that does not exist (or is out of reach)
};

// Field errors for the target ("target.org_ids[2]" ...): an unknown or inactive organization,
// one not strictly below `from`, a chosen organization listed twice, or no target at all.
std::vector<FieldError> check_target_orgs(const AssignmentTarget& target, const OrgPath& from,
                                          const std::vector<TargetOrg>& orgs);

}  // namespace chibo::domain
