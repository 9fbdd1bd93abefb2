#include "app/access_control.h"

#include <algorithm>

#include "domain/members/member_fields.h"

namespace chibo::app {

Actor Actor::system(std::string name, std::string request_id) {
  Actor actor;
  actor.principal = domain::Principal::system_operator(name);
  actor.name = std::move(name);
  actor.request_id = std::move(request_id);
  return actor;
}

domain::Reach reach_of(const Services& services, const Actor& actor,
                       domain::Permission permission) {
  return domain::reach(actor.principal, permission, services.catalog.roles);
}

Error refusal(const Services& services, const Actor& actor, domain::Permission read,
              const OrgPath& path, std::string what) {
  if (reach_of(services, actor, read).covers(path)) return Error::forbidden("forbidden");
  return Error::not_found(std::move(what));
}

Status require_reach(const Context& ctx, domain::Permission permission, domain::Permission read,
                     const OrgPath& path, const std::string& what, MemberId member) {
  if (reach_of(ctx, permission).covers(path)) return Ok();
  if (member.valid() && reach_of(ctx, read).covers_member(member, path))
    return Error::forbidden("forbidden");
  return refusal(ctx, read, path, what);
}

void redact(domain::Member& member, const domain::Reach& restricted) {
  if (restricted.covers(member.org_path)) return;
  member.discipline.clear();
  member.discipline_legacy.clear();
}

bool touches_restricted(const std::vector<domain::FieldChange>& changes) {
  return std::any_of(changes.begin(), changes.end(), [](const domain::FieldChange& change) {
    const domain::MemberField* field = domain::find_member_field(change.field);
    return field && field->restricted;
  });
}

std::vector<domain::FieldChange> redact_changes(std::vector<domain::FieldChange> changes,
                                                const Member& member,
                                                const domain::Reach& restricted) {
  if (restricted.covers(member.org_path)) return changes;
  changes.erase(std::remove_if(changes.begin(), changes.end(),
                               [](const domain::FieldChange& change) {
                                 const domain::MemberField* field =
                                     domain::find_member_field(change.field);
                                 return field && field->restricted;
                               }),
                changes.end());
  return changes;
}

}  // namespace chibo::app
