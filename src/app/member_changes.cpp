#include "app/member_changes.h"

#include <algorithm>

#include "app/access_control.h"
#include "app/lifecycle_support.h"
#include "domain/members/member_rules.h"

namespace chibo::app {

namespace {

std::optional<Organization> check_known_member_org(Context& ctx, std::optional<Organization> org,
                                                   const domain::Reach& write,
                                                   const std::string& field,
                                                   std::vector<FieldError>& errors) {
  // An organization beyond the actor's reach is reported like one that does not exist.
  if (!org || !write.covers(org->path)) {
    errors.push_back({field, "org_not_found", {}});
    return std::nullopt;
  }
  if (!org->active()) {
    errors.push_back({field, "org_not_active", {{"name", org->name}}});
    return std::nullopt;
  }
  const domain::OrgKind* kind = ctx.services.catalog.org_kind(org->kind);
  if (!kind || !kind->holds_members) {
    errors.push_back({field, "org_cannot_hold_members", {{"name", org->name}}});
    return std::nullopt;
  }
  return org;
}

}  // namespace

std::optional<Organization> check_member_org(Context& ctx, OrgId org_id, const domain::Reach& write,
                                             const std::string& field,
                                             std::vector<FieldError>& errors) {
  return check_known_member_org(ctx, ctx.tx.orgs().find(org_id), write, field, errors);
}

namespace {

// The organization, from the lookups' cache when there is one.
std::optional<Organization> find_org(Context& ctx, OrgId id, NewMemberLookups* lookups) {
  if (!lookups) return ctx.tx.orgs().find(id);
  auto found = lookups->orgs.find(id.value);
  if (found == lookups->orgs.end())
    found = lookups->orgs.emplace(id.value, ctx.tx.orgs().find(id)).first;
  return found->second;
}

bool in_batch(const std::unordered_map<std::string, long long>* batch, const std::string& value) {
  return batch && batch->count(value) > 0;
}

}  // namespace

std::vector<FieldError> check_member_references(Context& ctx, Member& member,
                                                const domain::Reach& write,
                                                NewMemberLookups* lookups) {
  std::vector<FieldError> errors;
  if (member.org_id.valid()) {
    if (std::optional<Organization> org = check_known_member_org(
            ctx, find_org(ctx, member.org_id, lookups), write, "org_id", errors))
      member.org_path = org->path;
  }
  const bool batch_citizen = lookups && in_batch(lookups->batch_citizen_ids, member.citizen_id);
  if (!member.citizen_id.empty() && !batch_citizen) {
    const std::optional<MemberId> owner = ctx.tx.members().find_by_citizen_id(member.citizen_id);
    if (owner && *owner != member.id) errors.push_back({"citizen_id", "duplicate", {}});
  }
  const bool batch_card = lookups && in_batch(lookups->batch_card_nos, member.party_card_no);
  if (!member.party_card_no.empty() && !batch_card) {
    const std::optional<MemberId> owner = ctx.tx.members().find_by_card_no(member.party_card_no);
    if (owner && *owner != member.id) errors.push_back({"party_card_no", "duplicate", {}});
  }
  return errors;
}

namespace {

// Duplicates are conflicts (409); everything else is invalid input (422).
Error reference_error(std::vector<FieldError> errors) {
  bool only_duplicates = true;
  for (const FieldError& error : errors)
    only_duplicates = only_duplicates && error.code == "duplicate";
  if (only_duplicates) {
    Error conflict = Error::conflict("duplicate_member");
    conflict.fields = std::move(errors);
    return conflict;
  }
  return Error::invalid(std::move(errors));
}

}  // namespace

namespace {

// The member's discipline (item 21) is the view of the discipline cases (app/discipline.h): it is
// recorded through a case, never typed in, by anyone.
std::vector<FieldError> case_only_fields(const domain::MemberPatch& fields) {
  std::vector<FieldError> errors;
  for (const auto& [name, value] : fields) {
    const domain::MemberField* field = domain::find_member_field(name);
    if (field && field->restricted) errors.push_back({name, "discipline_member_field_by_case", {}});
  }
  return errors;
}

}  // namespace

Result<Member> prepare_new_member(Context& ctx, const domain::MemberPatch& fields,
                                  NewMemberLookups* lookups) {
  if (lookups && !lookups->write) lookups->write = reach_of(ctx, domain::Permission::kMemberWrite);
  const domain::Reach write =
      lookups ? *lookups->write : reach_of(ctx, domain::Permission::kMemberWrite);
  if (write.none()) return Error::forbidden("forbidden");
  Member member;
  std::vector<FieldError> errors = case_only_fields(fields);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  domain::apply_member_patch(member, fields, ctx.services.catalog, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  domain::derive_member_facts(member, ctx.services.rules, {});  // a new record has no gaps yet
  errors = domain::check_member(member, ctx.services.catalog, ctx.services.rules, ctx.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  errors = check_member_references(ctx, member, write, lookups);
  if (!errors.empty()) return reference_error(std::move(errors));
  return member;
}

Result<MemberDetail> create_member(Context& ctx, const domain::MemberPatch& fields) {
  Result<Member> member = prepare_new_member(ctx, fields);
  if (!member) return std::move(member).error();
  const std::string now = ctx.now();
  member->created_at = member->updated_at = now;
  ctx.tx.members().insert(*member);
  const std::vector<FieldChange> changes = domain::diff_members(Member(), *member);
  ctx.tx.members().append_event({0, member->id, now, ctx.actor.name, "create", changes, {}, {}});
  AuditEntry entry = AuditEntry::about_member("member.create", *member);
  entry.details = audit_changes(changes);
  ctx.audit(entry);
  Result<MemberDetail> detail = member_detail_in(ctx.tx, member->id);
  if (!detail) return detail;
  return shown_to(ctx, std::move(*detail));
}

Result<MemberDetail> update_member(Context& ctx, MemberId id, int64_t version,
                                   const domain::MemberPatch& fields) {
  const domain::Reach write = reach_of(ctx, domain::Permission::kMemberWrite);
  std::optional<Member> stored = ctx.tx.members().find(id);
  if (!stored) return Error::not_found("member");
  const bool seen =
      reach_of(ctx, domain::Permission::kMemberRead).covers_member(id, stored->org_path);
  if (!seen && !write.covers(stored->org_path)) return Error::not_found("member");
  // Whoever sees the record learns that its discipline is recorded through a case (422, the field
  // named), whatever else they may change; nothing is written.
  std::vector<FieldError> errors = case_only_fields(fields);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  // Seen (in scope, or one's own record) but not writable: forbidden.
  if (!write.covers(stored->org_path)) return Error::forbidden("forbidden");
  if (stored->version != version) return Error::stale_version();
  Member member = *stored;
  domain::apply_member_patch(member, fields, ctx.services.catalog, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  // Status and exit change only through their procedures (recognition, transfer, exit ...),
  // which keep the deciding document; the same value sent back is fine.
  for (const domain::MemberField& field : domain::member_fields()) {
    if (field.access == domain::FieldAccess::kProcedure && fields.count(field.name) &&
        domain::member_field_text(member, field) != domain::member_field_text(*stored, field))
      errors.push_back({field.name, "changed_by_procedure", {}});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  domain::derive_member_facts(member, ctx.services.rules, gaps_of(ctx.tx, member.id));
  errors =
      domain::check_member(member, ctx.services.catalog, ctx.services.rules, ctx.today(), false);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  errors = check_member_references(ctx, member, write);
  if (!errors.empty()) return reference_error(std::move(errors));
  std::vector<FieldChange> changes = domain::diff_members(*stored, member);
  if (changes.empty()) return get_member(ctx, id, false);  // nothing to save
  const std::string now = ctx.now();
  member.updated_at = now;
  if (!ctx.tx.members().update(member, *stored)) return Error::stale_version();
  AuditEntry entry = AuditEntry::about_member("member.update", member);
  entry.restricted = touches_restricted(changes);
  entry.details = audit_changes(changes);
  ctx.audit(entry);
  ctx.tx.members().append_event({0, id, now, ctx.actor.name, "update", std::move(changes), {}, {}});
  return get_member(ctx, id, false);
}

}  // namespace chibo::app
