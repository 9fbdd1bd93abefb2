#include "app/org_changes.h"

#include <nlohmann/json.hpp>

#include "app/access_control.h"
#include "domain/members/member_fields.h"
#include "domain/org/org_rules.h"

namespace chibo::app {

namespace {

using domain::OrgDraft;

using domain::Permission;

nlohmann::json draft_details(const Organization& before, const Organization& after) {
  std::vector<domain::FieldChange> changes;
  auto add = [&](const char* field, const std::string& old_value, const std::string& new_value) {
    if (old_value != new_value) changes.push_back({field, old_value, new_value});
  };
  add("kind", before.kind, after.kind);
  add("name", before.name, after.name);
  add("short_name", before.short_name, after.short_name);
  add("code", before.code, after.code);
  add("established_on", before.established_on ? before.established_on->iso() : "",
      after.established_on ? after.established_on->iso() : "");
  return audit_changes(changes);
}

Status check_code_free(Transaction& tx, const OrgDraft& draft, OrgId self) {
  if (!draft.code || draft.code->empty()) return Ok();
  const std::optional<OrgId> owner = tx.orgs().find_by_code(*draft.code);
  if (owner && *owner != self) {
    return Error::conflict("duplicate_org_code", {{"code", *draft.code}})
        .with_field({"code", "duplicate", {}});
  }
  return Ok();
}

Status check_dates(const OrgDraft& draft, Date today) {
  if (draft.established_on && *draft.established_on && **draft.established_on > today) {
    return Error::invalid_field("established_on", "date_in_future");
  }
  return Ok();
}

void apply(Organization& org, const OrgDraft& draft) {
  if (draft.kind) org.kind = *draft.kind;
  if (draft.name) org.name = *draft.name;
  if (draft.short_name) org.short_name = *draft.short_name;
  if (draft.code) org.code = *draft.code;
  if (draft.established_on) org.established_on = *draft.established_on;
}

// A kind change must still fit the parent, the children and any members held directly.
Status check_kind_change(Context& ctx, const Organization& org, const std::string& new_kind) {
  std::optional<Organization> parent;
  if (org.parent_id.valid()) parent = ctx.tx.orgs().find(org.parent_id);
  if (Status placed =
          domain::check_placement(new_kind, parent ? &*parent : nullptr, ctx.services.catalog);
      !placed) {
    return placed;
  }
  const domain::OrgKind* kind = ctx.services.catalog.org_kind(new_kind);
  for (const Organization& child : ctx.tx.orgs().children(org.id, false)) {
    const domain::OrgKind* child_kind = ctx.services.catalog.org_kind(child.kind);
    if (!child_kind || !child_kind->may_be_child_of(new_kind)) {
      return Error::invalid_field("kind", "kind_conflicts_with_children", {{"child", child.name}});
    }
  }
  if (!kind->holds_members && !ctx.tx.members().direct_members(org.id).empty()) {
    return Error::invalid_field("kind", "kind_cannot_hold_members");
  }
  return Ok();
}

}  // namespace

Result<OrgView> create_org(Context& ctx, OrgId parent_id, const OrgDraft& draft) {
  if (reach_of(ctx, Permission::kOrgWrite).none()) return Error::forbidden("forbidden");
  std::vector<FieldError> errors = domain::check_org_fields(draft, true, ctx.services.catalog);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (Status dates = check_dates(draft, ctx.today()); !dates) return std::move(dates).error();
  const domain::Reach reach = reach_of(ctx, Permission::kOrgWrite);
  std::optional<Organization> parent;
  if (parent_id.valid()) {
    parent = ctx.tx.orgs().find(parent_id);
    // A parent beyond the actor's reach is reported exactly like one that does not exist.
    if (!parent || !reach.covers(parent->path))
      return Error::invalid_field("parent_id", "org_not_found");
  } else if (!reach.everything) {
    return Error::invalid_field("parent_id", "root_needs_global_scope");
  }
  if (Status placed =
          domain::check_placement(*draft.kind, parent ? &*parent : nullptr, ctx.services.catalog);
      !placed) {
    return std::move(placed).error();
  }
  if (Status free = check_code_free(ctx.tx, draft, OrgId()); !free) return std::move(free).error();
  Organization org;
  org.parent_id = parent_id;
  if (parent) org.path = parent->path;  // the store appends the new id
  apply(org, draft);
  org.created_at = org.updated_at = ctx.now();
  ctx.tx.orgs().insert(org);
  AuditEntry entry = AuditEntry::about("org.create", "organization", org.id.value, org.path.str());
  entry.details = draft_details(Organization(), org);
  ctx.audit(entry);
  return org_view(ctx, org.id);
}

Result<OrgView> update_org(Context& ctx, OrgId id, int64_t version, const OrgDraft& draft) {
  std::vector<FieldError> errors = domain::check_org_fields(draft, false, ctx.services.catalog);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (Status dates = check_dates(draft, ctx.today()); !dates) return std::move(dates).error();
  const domain::Reach reach = reach_of(ctx, Permission::kOrgWrite);
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org) return Error::not_found("organization");
  if (!reach.covers(org->path))
    return refusal(ctx, Permission::kOrgRead, org->path, "organization");
  if (org->version != version) return Error::stale_version();
  if (!org->active()) return Error::conflict("org_not_active");
  if (draft.kind && *draft.kind != org->kind) {
    if (Status ok = check_kind_change(ctx, *org, *draft.kind); !ok) return std::move(ok).error();
  }
  if (Status free = check_code_free(ctx.tx, draft, id); !free) return std::move(free).error();
  const Organization before = *org;
  apply(*org, draft);
  org->updated_at = ctx.now();
  if (!ctx.tx.orgs().update_fields(*org)) return Error::stale_version();
  AuditEntry entry = AuditEntry::about("org.update", "organization", id.value, org->path.str());
  entry.details = draft_details(before, *org);
  ctx.audit(entry);
  return org_view(ctx, id);
}

Result<OrgView> move_org(Context& ctx, OrgId id, OrgId new_parent_id,
                         std::optional<int64_t> version) {
  const domain::Reach reach = reach_of(ctx, Permission::kOrgWrite);
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org) return Error::not_found("organization");
  if (!reach.covers(org->path))
    return refusal(ctx, Permission::kOrgRead, org->path, "organization");
  if (version && org->version != *version) return Error::stale_version();
  std::optional<Organization> new_parent = ctx.tx.orgs().find(new_parent_id);
  if (!new_parent || !reach.covers(new_parent->path))
    return Error::invalid_field("parent_id", "org_not_found");
  if (Status ok = domain::check_move(*org, *new_parent, ctx.services.catalog); !ok)
    return std::move(ok).error();
  ctx.tx.orgs().move_subtree(*org, *new_parent, ctx.now());
  const std::string moved_to = new_parent->path.child(org->id).str();
  ctx.audit(AuditEntry::about("org.move", "organization", id.value, moved_to)
                .with("from", org->path.str())
                .with("to", moved_to));
  return org_view(ctx, id);
}

Result<OrgView> dissolve_org(Context& ctx, OrgId id, std::optional<Date> on,
                             std::optional<int64_t> version) {
  const Date today = ctx.today();
  const Date date = on.value_or(today);
  if (date > today) return Error::invalid_field("dissolved_on", "date_in_future");
  const domain::Reach reach = reach_of(ctx, Permission::kOrgWrite);
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org) return Error::not_found("organization");
  if (!reach.covers(org->path))
    return refusal(ctx, Permission::kOrgRead, org->path, "organization");
  if (version && org->version != *version) return Error::stale_version();
  constexpr int kListedMembers = 50;
  int64_t total = 0;
  const std::vector<ErrorItem> blocking =
      ctx.tx.members().on_roll_in(org->path, kListedMembers, total);
  if (Status ok = domain::check_dissolve(*org, date, blocking, total); !ok)
    return std::move(ok).error();
  // Admission files still open would be left without a cell: close or move them first.
  if (const int64_t open = ctx.tx.candidates().open_in(org->path); open > 0)
    return Error::conflict("org_has_open_candidates", {{"count", std::to_string(open)}});
  const int64_t closed =
      ctx.tx.orgs().close_subtree(*org, domain::OrgStatus::kDissolved, date, OrgId(), ctx.now());
  ctx.audit(AuditEntry::about("org.dissolve", "organization", id.value, org->path.str())
                .with("dissolved_on", date.iso())
                .with("organizations_closed", closed));
  return org_view(ctx, id);
}

Result<OrgView> merge_org(Context& ctx, OrgId source_id, OrgId target_id, std::optional<Date> on,
                          std::optional<int64_t> version) {
  const Date today = ctx.today();
  const Date date = on.value_or(today);
  if (date > today) return Error::invalid_field("merged_on", "date_in_future");
  const domain::Reach reach = reach_of(ctx, Permission::kOrgWrite);
  std::optional<Organization> source = ctx.tx.orgs().find(source_id);
  if (!source) return Error::not_found("organization");
  if (!reach.covers(source->path))
    return refusal(ctx, Permission::kOrgRead, source->path, "organization");
  if (version && source->version != *version) return Error::stale_version();
  std::optional<Organization> target = ctx.tx.orgs().find(target_id);
  if (!target || !reach.covers(target->path))
    return Error::invalid_field("target_id", "org_not_found");
  const std::vector<Organization> children = ctx.tx.orgs().children(source_id, false);
  std::vector<Member> members = ctx.tx.members().direct_members(source_id);
  if (Status ok = domain::check_merge(*source, *target, children,
                                      static_cast<int64_t>(members.size()), ctx.services.catalog);
      !ok) {
    return std::move(ok).error();
  }
  const std::string now = ctx.now();
  // Open admission files follow the members into the target cell.
  if (ctx.tx.candidates().open_in(source->path) > 0) {
    const domain::OrgKind* kind = ctx.services.catalog.org_kind(target->kind);
    if (!kind || !kind->holds_members)
      return Error::invalid_field("target_id", "target_cannot_hold_members");
  }
  ctx.tx.candidates().move_open(source_id, *target, now);
  for (const Organization& child : children) ctx.tx.orgs().move_subtree(child, *target, now);
  for (Member& member : members) {
    const Member before = member;
    member.org_id = target->id;
    member.org_path = target->path;
    member.updated_at = now;
    if (!ctx.tx.members().update(member, before)) return Error::stale_version();
    ctx.tx.members().append_event(
        {0, member.id, now, ctx.actor.name, "merge", domain::diff_members(before, member), {}, {}});
  }
  ctx.tx.orgs().close_subtree(*ctx.tx.orgs().find(source_id), domain::OrgStatus::kMerged, date,
                              target->id, now);
  ctx.audit(AuditEntry::about("org.merge", "organization", source_id.value, source->path.str())
                .with("merged_on", date.iso())
                .with("target_id", target->id.value)
                .with("children_moved", children.size())
                .with("members_moved", members.size()));
  return org_view(ctx, source_id);
}

}  // namespace chibo::app
