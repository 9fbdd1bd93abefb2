// Authorization for the use cases: deny by default, and every object lookup scoped. An object
// outside the actor's reach is reported as not found (never "forbidden", never the object),
// so ids cannot be probed.
#pragma once

#include "app/context.h"
#include "domain/members/member.h"

namespace chibo::app {

domain::Reach reach_of(const Services& services, const Actor& actor, domain::Permission permission);

// The refusal of a change to an object the actor may not change: "forbidden" when they may
// read it (they know it exists), "not found" otherwise (nothing about it is revealed).
Error refusal(const Services& services, const Actor& actor, domain::Permission read,
              const OrgPath& path, std::string what);

// Blanks the restricted fields (discipline) unless `restricted` covers the member.
void redact(domain::Member& member, const domain::Reach& restricted);

// Field changes without the restricted ones, unless `restricted` covers the member.
std::vector<domain::FieldChange> redact_changes(std::vector<domain::FieldChange> changes,
                                                const Member& member,
                                                const domain::Reach& restricted);

// True when `changes` touch a restricted field.
bool touches_restricted(const std::vector<domain::FieldChange>& changes);

}  // namespace chibo::app
