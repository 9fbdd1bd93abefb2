// Write use cases for member records. Every change is validated as a whole record, checked
// against the store (organization, unique CCCD and card number), written, and recorded as an
// event in the member's history, all in one transaction.
#pragma once

#include <string>
#include <unordered_map>

#include "app/member_views.h"
#include "domain/members/member_fields.h"

namespace chibo::app {

// A new member; the result is the new record as the actor sees it.
Result<MemberDetail> create_member(Context& ctx, const domain::MemberPatch& fields);

// Applies `fields` to the stored record when `version` is still current (else kStaleVersion
// and nothing changes).
Result<MemberDetail> update_member(Context& ctx, MemberId id, int64_t version,
                                   const domain::MemberPatch& fields);

// What prepare_new_member looks up once for many new members (an import): the writer's reach,
// the organizations seen, and the citizen ids and card numbers of the batch's members checked
// before (the caller reports those duplicates itself; the store is not asked about them, as
// rows already written in the batch would answer).
struct NewMemberLookups {
  std::optional<domain::Reach> write;
  std::unordered_map<int64_t, std::optional<Organization>> orgs;
  const std::unordered_map<std::string, long long>* batch_citizen_ids = nullptr;
  const std::unordered_map<std::string, long long>* batch_card_nos = nullptr;
};

// Builds a new member from `fields` and checks it completely, without writing: field errors
// first, then the store's (organization, duplicates), as `actor` may write (an organization
// outside their reach is "not found"). Used by create and by imports (with `lookups`).
Result<Member> prepare_new_member(Context& ctx, const domain::MemberPatch& fields,
                                  NewMemberLookups* lookups = nullptr);

// The organization `org_id` names, when `write` reaches it, it is active and it holds members;
// else nullopt with the reason appended against `field`.
std::optional<Organization> check_member_org(Context& ctx, OrgId org_id, const domain::Reach& write,
                                             const std::string& field,
                                             std::vector<FieldError>& errors);

// Checks that need stored data: the organization is active and holds members, CCCD and card
// number are not someone else's.
std::vector<FieldError> check_member_references(Context& ctx, Member& member,
                                                const domain::Reach& write,
                                                NewMemberLookups* lookups = nullptr);

}  // namespace chibo::app
