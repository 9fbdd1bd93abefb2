#include "app/member_changes.h"

#include "domain/members/member_rules.h"

namespace chibo::app {

std::vector<FieldError> check_member_references(Services& services, Transaction& tx,
                                                Member& member) {
  std::vector<FieldError> errors;
  if (member.org_id.valid()) {
    std::optional<Organization> org = tx.orgs().find(member.org_id);
    if (!org) {
      errors.push_back({"org_id", "org_not_found", {}});
    } else if (!org->active()) {
      errors.push_back({"org_id", "org_not_active", {{"name", org->name}}});
    } else {
      const domain::OrgKind* kind = services.catalog.org_kind(org->kind);
      if (!kind || !kind->holds_members) {
        errors.push_back({"org_id", "org_cannot_hold_members", {{"name", org->name}}});
      } else {
        member.org_path = org->path;
      }
    }
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

Result<Member> prepare_new_member(Services& services, Transaction& tx,
                                  const domain::MemberPatch& fields) {
  Member member;
  std::vector<FieldError> errors;
  domain::apply_member_patch(member, fields, services.catalog, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  errors = domain::check_member(member, services.catalog, services.rules, services.clock.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  errors = check_member_references(services, tx, member);
  if (!errors.empty()) return reference_error(std::move(errors));
  return member;
}

Result<MemberDetail> create_member(Services& services, const Actor& actor,
                                   const domain::MemberPatch& fields) {
  MemberId created;
  Status status = services.store.write([&](Transaction& tx) -> Status {
    Result<Member> member = prepare_new_member(services, tx, fields);
    if (!member) return std::move(member).error();
    const std::string now = services.clock.now_utc();
    member->created_at = member->updated_at = now;
    tx.members().insert(*member);
    tx.members().append_event(
        {0, member->id, now, actor.name, "create", domain::diff_members(Member(), *member)});
    created = member->id;
    return Ok();
  });
  if (!status) return std::move(status).error();
  return get_member(services, created);
}

Result<MemberDetail> update_member(Services& services, const Actor& actor, MemberId id,
                                   int64_t version, const domain::MemberPatch& fields) {
  Status status = services.store.write([&](Transaction& tx) -> Status {
    std::optional<Member> stored = tx.members().find(id);
    if (!stored) return Error::not_found("member");
    if (stored->version != version) return Error::stale_version();
    Member member = *stored;
    std::vector<FieldError> errors;
    domain::apply_member_patch(member, fields, services.catalog, errors);
    if (!errors.empty()) return Error::invalid(std::move(errors));
    errors = domain::check_member(member, services.catalog, services.rules, services.clock.today());
    if (!errors.empty()) return Error::invalid(std::move(errors));
    errors = check_member_references(services, tx, member);
    if (!errors.empty()) return reference_error(std::move(errors));
    std::vector<FieldChange> changes = domain::diff_members(*stored, member);
    if (changes.empty()) return Ok();  // nothing to save; the version stays
    const std::string now = services.clock.now_utc();
    member.updated_at = now;
    if (!tx.members().update(member, *stored)) return Error::stale_version();
    tx.members().append_event({0, id, now, actor.name, "update", std::move(changes)});
    return Ok();
  });
  if (!status) return std::move(status).error();
  return get_member(services, id);
}

}  // namespace chibo::app
