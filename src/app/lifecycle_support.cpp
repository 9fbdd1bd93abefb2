#include "app/lifecycle_support.h"

#include <nlohmann/json.hpp>

#include "app/access_control.h"
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

std::vector<domain::Gap> gaps_of(Transaction& tx, MemberId member) {
  std::vector<domain::Gap> gaps;
  if (!member.valid()) return gaps;
  for (const StoredGap& gap : tx.lifecycle().gaps(member)) gaps.push_back(gap.gap);
  return gaps;
}

Status save_lifecycle_change(Context& ctx, const Member& before, Member& after,
                             const std::string& action, Date effective_on,
                             const domain::Document& document, nlohmann::json details) {
  const std::string now = ctx.now();
  domain::derive_member_facts(after, ctx.services.rules, gaps_of(ctx.tx, after.id));
  after.updated_at = now;
  if (!ctx.tx.members().update(after, before)) return Error::stale_version();
  std::vector<FieldChange> changes = domain::diff_members(before, after);
  AuditEntry entry = AuditEntry::about_member("member." + action, after);
  entry.details = std::move(details);
  ctx.audit(entry.with_document(document, effective_on).with_changes(changes));
  ctx.tx.members().append_event(
      {0, after.id, now, ctx.actor.name, action, std::move(changes), effective_on, document});
  return Ok();
}

}  // namespace chibo::app
