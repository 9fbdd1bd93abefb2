#include "app/member_changes.h"

#include <algorithm>

#include "app/access_control.h"
#include "app/audit_trail.h"
#include "app/lifecycle_support.h"
#include "domain/members/member_rules.h"

namespace chibo::app {

std::optional<Organization> check_member_org(Services& services, Transaction& tx, OrgId org_id,
                                             const domain::Reach& write, const std::string& field,
                                             std::vector<FieldError>& errors) {
  std::optional<Organization> org = tx.orgs().find(org_id);
  // An organization beyond the actor's reach is reported like one that does not exist.
  if (!org || !write.covers(org->path)) {
    errors.push_back({field, "org_not_found", {}});
    return std::nullopt;
  }
  if (!org->active()) {
    errors.push_back({field, "org_not_active", {{"name", org->name}}});
    return std::nullopt;
  }
  const domain::OrgKind* kind = services.catalog.org_kind(org->kind);
  if (!kind || !kind->holds_members) {
    errors.push_back({field, "org_cannot_hold_members", {{"name", org->name}}});
    return std::nullopt;
  }
  return org;
}

std::vector<FieldError> check_member_references(Services& services, Transaction& tx, Member& member,
                                                const domain::Reach& write) {
  std::vector<FieldError> errors;
  if (member.org_id.valid()) {
    if (std::optional<Organization> org =
            check_member_org(services, tx, member.org_id, write, "org_id", errors))
      member.org_path = org->path;
  }
  if (!member.citizen_id.empty()) {
    const std::optional<MemberId> owner = tx.members().find_by_citizen_id(member.citizen_id);
    if (owner && *owner != member.id) errors.push_back({"citizen_id", "duplicate", {}});
  }
  if (!member.party_card_no.empty()) {
    const std::optional<MemberId> owner = tx.members().find_by_card_no(member.party_card_no);
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

// Restricted fields are hidden from those who may not change them: to them they do not exist.
std::vector<FieldError> hidden_fields(const domain::MemberPatch& fields,
                                      bool may_write_restricted) {
  std::vector<FieldError> errors;
  if (may_write_restricted) return errors;
  for (const auto& [name, value] : fields) {
    const domain::MemberField* field = domain::find_member_field(name);
    if (field && field->restricted) errors.push_back({name, "unknown_field", {}});
  }
  return errors;
}

}  // namespace

Result<Member> prepare_new_member(Services& services, const Actor& actor, Transaction& tx,
                                  const domain::MemberPatch& fields) {
  const domain::Reach write = reach_of(services, actor, domain::Permission::kMemberWrite);
  const domain::Reach restricted = reach_of(services, actor, domain::Permission::kRestrictedWrite);
  if (write.none()) return Error::forbidden("forbidden");
  Member member;
  std::vector<FieldError> errors = hidden_fields(fields, !restricted.none());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  domain::apply_member_patch(member, fields, services.catalog, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  domain::derive_member_facts(member, services.rules, {});  // a new record has no gaps yet
  errors = domain::check_member(member, services.catalog, services.rules, services.clock.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  errors = check_member_references(services, tx, member, write);
  if (!errors.empty()) return reference_error(std::move(errors));
  if (!member.discipline.empty() && !restricted.covers(member.org_path)) {
    return Error::invalid_field("discipline", "unknown_field");
  }
  return member;
}

Result<MemberDetail> create_member_in(Services& services, const Actor& actor, Transaction& tx,
                                      const domain::MemberPatch& fields) {
  Result<Member> member = prepare_new_member(services, actor, tx, fields);
  if (!member) return std::move(member).error();
  const std::string now = services.clock.now_utc();
  member->created_at = member->updated_at = now;
  tx.members().insert(*member);
  const std::vector<FieldChange> changes = domain::diff_members(Member(), *member);
  tx.members().append_event({0, member->id, now, actor.name, "create", changes, {}, {}});
  audit(tx, services, actor,
        {"member.create", "member", std::to_string(member->id.value), member->org_path.str(),
         !member->discipline.empty(), "ok", audit_changes(changes)});
  Result<MemberDetail> detail = member_detail_in(tx, member->id);
  if (!detail) return detail;
  return shown_to(services, actor, std::move(*detail));
}

Result<MemberDetail> create_member(Services& services, const Actor& actor,
                                   const domain::MemberPatch& fields) {
  Result<MemberDetail> created = Error::internal("unset");
  Status status = services.store.write([&](Transaction& tx) -> Status {
    created = create_member_in(services, actor, tx, fields);
    return created ? Ok() : Status(created.error());
  });
  if (!status) return std::move(status).error();
  return created;
}

Result<MemberDetail> update_member(Services& services, const Actor& actor, MemberId id,
                                   int64_t version, const domain::MemberPatch& fields) {
  const domain::Reach write = reach_of(services, actor, domain::Permission::kMemberWrite);
  const domain::Reach restricted = reach_of(services, actor, domain::Permission::kRestrictedWrite);
  Status status = services.store.write([&](Transaction& tx) -> Status {
    std::optional<Member> stored = tx.members().find(id);
    if (!stored) return Error::not_found("member");
    // The inspection committee records discipline without the right to edit the rest.
    const bool restricted_only =
        !fields.empty() && std::all_of(fields.begin(), fields.end(), [](const auto& entry) {
          const domain::MemberField* field = domain::find_member_field(entry.first);
          return field && field->restricted;
        });
    if (!write.covers(stored->org_path) &&
        !(restricted_only && restricted.covers(stored->org_path))) {
      // Seen (in scope, or one's own record) but not writable: forbidden; else not found.
      if (reach_of(services, actor, domain::Permission::kMemberRead)
              .covers_member(id, stored->org_path))
        return Error::forbidden("forbidden");
      return Error::not_found("member");
    }
    std::vector<FieldError> errors = hidden_fields(fields, restricted.covers(stored->org_path));
    if (!errors.empty()) return Error::invalid(std::move(errors));
    if (stored->version != version) return Error::stale_version();
    Member member = *stored;
    domain::apply_member_patch(member, fields, services.catalog, errors);
    if (!errors.empty()) return Error::invalid(std::move(errors));
    // Status and exit change only through their procedures (recognition, transfer, exit ...),
    // which keep the deciding document; the same value sent back is fine.
    for (const domain::MemberField& field : domain::member_fields()) {
      if (field.access == domain::FieldAccess::kProcedure && fields.count(field.name) &&
          domain::member_field_text(member, field) != domain::member_field_text(*stored, field))
        errors.push_back({field.name, "changed_by_procedure", {}});
    }
    if (!errors.empty()) return Error::invalid(std::move(errors));
    domain::derive_member_facts(member, services.rules, gaps_of(tx, member.id));
    errors = domain::check_member(member, services.catalog, services.rules, services.clock.today(),
                                  false);
    if (!errors.empty()) return Error::invalid(std::move(errors));
    // A restricted-only change leaves the organization as it is: check it against that reach.
    errors = check_member_references(services, tx, member,
                                     write.covers(stored->org_path) ? write : restricted);
    if (!errors.empty()) return reference_error(std::move(errors));
    std::vector<FieldChange> changes = domain::diff_members(*stored, member);
    if (changes.empty()) return Ok();  // nothing to save; the version stays
    const std::string now = services.clock.now_utc();
    member.updated_at = now;
    if (!tx.members().update(member, *stored)) return Error::stale_version();
    audit(tx, services, actor,
          {"member.update", "member", std::to_string(id.value), member.org_path.str(),
           touches_restricted(changes), "ok", audit_changes(changes)});
    tx.members().append_event({0, id, now, actor.name, "update", std::move(changes), {}, {}});
    return Ok();
  });
  if (!status) return std::move(status).error();
  return get_member(services, actor, id, false);
}

}  // namespace chibo::app
