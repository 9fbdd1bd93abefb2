#include "domain/access/access.h"

#include <algorithm>

namespace chibo::domain {

Principal Principal::system_operator(std::string name) {
  Principal principal;
  principal.username = std::move(name);
  principal.system = true;
  return principal;
}

bool Reach::covers(const OrgPath& path) const {
  if (everything) return true;
  return std::any_of(subtrees.begin(), subtrees.end(),
                     [&](const OrgPath& root) { return root.contains(path); });
}

bool Reach::covers_member(MemberId member, const OrgPath& org_path) const {
  return covers(org_path) || (own_member && *own_member == member);
}

namespace {

const Role* find_role(const std::vector<Role>& roles, const std::string& code) {
  for (const Role& role : roles) {
    if (role.code == code) return &role;
  }
  return nullptr;
}

}  // namespace

Reach reach(const Principal& principal, Permission permission, const std::vector<Role>& roles) {
  Reach result;
  if (principal.system) {
    result.everything = true;
    return result;
  }
  for (const Grant& grant : principal.grants) {
    const Role* role = find_role(roles, grant.role);
    if (!role || !role->permissions.count(permission)) continue;
    if (role->scope == ScopeKind::kOwnRecord) {
      if (principal.member_id) result.own_member = principal.member_id;
      continue;
    }
    if (!grant.scope) {
      result.everything = true;
      continue;
    }
    result.subtrees.push_back(*grant.scope);
  }
  if (result.everything) {
    result.subtrees.clear();
    return result;
  }
  // Keep only the outermost subtrees.
  std::sort(result.subtrees.begin(), result.subtrees.end(),
            [](const OrgPath& a, const OrgPath& b) { return a.str().size() < b.str().size(); });
  std::vector<OrgPath> outermost;
  for (const OrgPath& path : result.subtrees) {
    const bool inside = std::any_of(outermost.begin(), outermost.end(),
                                    [&](const OrgPath& kept) { return kept.contains(path); });
    if (!inside) outermost.push_back(path);
  }
  result.subtrees = std::move(outermost);
  return result;
}

bool requires_totp(const Principal& principal, const std::vector<Role>& roles) {
  return std::any_of(principal.grants.begin(), principal.grants.end(), [&](const Grant& grant) {
    const Role* role = find_role(roles, grant.role);
    return role && role->requires_totp;
  });
}

}  // namespace chibo::domain
