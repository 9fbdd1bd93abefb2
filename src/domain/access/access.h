// Who may touch what. A principal holds grants (a role, within an organization's subtree);
// reach() answers, for one permission, the set of organizations the principal may touch, and
// every list filter and every single-object check is derived from that one answer (lists and
// lookups cannot disagree; see DESIGN.md "evaluate access to a subtree as a set").
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/org_path.h"
#include "domain/access/permission.h"

namespace chibo::domain {

enum class ScopeKind { kSubtree, kOwnRecord };

struct Role {
  std::string code;
  std::string name_vi;
  std::string name_en;
  ScopeKind scope = ScopeKind::kSubtree;
  bool requires_totp = false;
  std::set<Permission> permissions;
};

struct Grant {
  std::string role;
  std::optional<OrgPath> scope;  // nullopt: every organization (the system administrator)
};

struct Principal {
  int64_t user_id = 0;  // 0 for the system itself (command-line tools run by the operator)
  std::string username;
  std::vector<Grant> grants;
  std::optional<MemberId> member_id;  // the member record the user is, if any
  bool system = false;                // unrestricted: the local operator's commands

  static Principal system_operator(std::string name);
};

// The organizations (and member record) a principal may touch for one permission.
struct Reach {
  bool everything = false;
  std::vector<OrgPath> subtrees;       // none contains another
  std::optional<MemberId> own_member;  // from an own-record grant

  bool none() const { return !everything && subtrees.empty() && !own_member; }
  bool covers(const OrgPath& path) const;
  // Paths that are reachable only as a member's own record do not count here.
  bool covers_member(MemberId member, const OrgPath& org_path) const;
};

// `roles`: the role catalog. Unknown roles in grants grant nothing.
Reach reach(const Principal& principal, Permission permission, const std::vector<Role>& roles);

// True when any grant's role requires a second factor.
bool requires_totp(const Principal& principal, const std::vector<Role>& roles);

}  // namespace chibo::domain
