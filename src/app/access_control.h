// Authorization for the use cases: deny by default, and every object lookup scoped. An object
// outside the actor's reach is reported as not found (never "forbidden", never the object),
// so ids cannot be probed.
#pragma once

#include "app/context.h"
#include "domain/members/member.h"

namespace chibo::app {

domain::Reach reach_of(const Services& services, const Actor& actor, domain::Permission permission);
inline domain::Reach reach_of(const Context& ctx, domain::Permission permission) {
  return reach_of(ctx.services, ctx.actor, permission);
}

// The refusal of a change to an object the actor may not change: "forbidden" when they may
// read it (they know it exists), "not found" otherwise (nothing about it is revealed).
Error refusal(const Services& services, const Actor& actor, domain::Permission read,
              const OrgPath& path, std::string what);
inline Error refusal(const Context& ctx, domain::Permission read, const OrgPath& path,
                     std::string what) {
  return refusal(ctx.services, ctx.actor, read, path, std::move(what));
}

// Ok when `permission` reaches `path`; else "forbidden" when the actor may read it under
// `read` (they know it exists: in their scope, or `member` is their own record) or "not found"
// (`what`).
Status require_reach(const Context& ctx, domain::Permission permission, domain::Permission read,
                     const OrgPath& path, const std::string& what, MemberId member = MemberId());

// Blanks the restricted fields (discipline) unless `restricted` covers the member.
void redact(domain::Member& member, const domain::Reach& restricted);

// Field changes without the restricted ones, unless `restricted` covers the member.
std::vector<domain::FieldChange> redact_changes(std::vector<domain::FieldChange> changes,
                                                const Member& member,
                                                const domain::Reach& restricted);

// True when `changes` touch a restricted field.
bool touches_restricted(const std::vector<domain::FieldChange>& changes);

}  // namespace chibo::app
