#include "app/lifecycle_support.h"

#include <nlohmann/json.hpp>

#include "app/access_control.h"
#include "app/audit_trail.h"
#include "domain/members/member_fields.h"
#include "domain/members/member_rules.h"

namespace chibo::app {

std::optional<Organization> base_organization_of(Transaction& tx, const domain::Catalog& catalog,
                                                 const OrgPath& path) {
  std::vector<Organization> chain = tx.orgs().find_many(path.ids());
  std::optional<Organization> base;
  for (const OrgId& id : path.ids()) {
    for (const Organization& org : chain) {
      if (org.id != id) continue;
      const domain::OrgKind* kind = catalog.org_kind(org.kind);
      if (kind && kind->is_base) base = org;
    }
  }
  return base;
}

domain::AdmissionContext admission_context_of(Transaction& tx, const domain::Catalog& catalog,
                                              const Organization& cell) {
  domain::AdmissionContext context;
  const std::optional<Organization> base = base_organization_of(tx, catalog, cell.path);
  // A chi bộ cơ sở is its own base: its resolution goes straight to the committee above.
  context.needs_base_resolution = !base || base->id != cell.id;
  if (base) {
    for (const Organization& org : tx.orgs().find_many(cell.path.ids())) {
      if (org.id != base->id && org.id != cell.id && base->path.contains(org.path) &&
          org.kind == "sub_committee")
        context.needs_sub_committee_appraisal = true;
    }
  }
  return context;
}

Status require_reach(const Services& services, const Actor& actor, domain::Permission permission,
                     domain::Permission read, const OrgPath& path, const std::string& what,
                     MemberId member) {
  if (reach_of(services, actor, permission).covers(path)) return Ok();
  if (member.valid() && reach_of(services, actor, read).covers_member(member, path))
    return Error::forbidden("forbidden");
  return refusal(services, actor, read, path, what);
}

std::string document_json(const domain::Document& document, Date on) {
  nlohmann::json details = {{"on", on.iso()}};
  if (!document.number.empty()) details["number"] = document.number;
  if (!document.authority.empty()) details["authority"] = document.authority;
  return details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<domain::Gap> gaps_of(Transaction& tx, MemberId member) {
  std::vector<domain::Gap> gaps;
  if (!member.valid()) return gaps;
  for (const StoredGap& gap : tx.lifecycle().gaps(member)) gaps.push_back(gap.gap);
  return gaps;
}

Status save_lifecycle_change(Transaction& tx, Services& services, const Actor& actor,
                             const Member& before, Member& after, const std::string& action,
                             Date effective_on, const domain::Document& document,
                             const std::string& details) {
  const std::string now = services.clock.now_utc();
  domain::derive_member_facts(after, services.rules, gaps_of(tx, after.id));
  after.updated_at = now;
  if (!tx.members().update(after, before)) return Error::stale_version();
  std::vector<FieldChange> changes = domain::diff_members(before, after);
  nlohmann::json audit_details = nlohmann::json::parse(details, nullptr, false);
  if (!audit_details.is_object()) audit_details = nlohmann::json::object();
  audit_details["document"] = nlohmann::json::parse(document_json(document, effective_on));
  audit_details["changes"] = nlohmann::json::parse(audit_changes(changes));
  audit(tx, services, actor,
        {"member." + action, "member", std::to_string(after.id.value), after.org_path.str(), false,
         "ok", audit_details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)});
  tx.members().append_event(
      {0, after.id, now, actor.name, action, std::move(changes), effective_on, document});
  return Ok();
}

}  // namespace chibo::app
