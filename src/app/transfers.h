// Use cases of transfers (chuyển sinh hoạt đảng). Official transfers need member.decide (the
// committee above the base organization introduces the member), temporary ones member.write;
// both over the member's organization, and over the destination when it is in the tree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/members/member_fields.h"

namespace chibo::app {

struct TransferView {
  Transfer transfer;
  std::string member_name;  // or the guest's name
  std::string from_name;    // the organization in the tree, or the outside one
  std::string to_name;
  std::optional<Date> present_by;
  bool overdue = false;
};

struct TransferQuery {
  OrgId org;  // either end in its subtree; invalid: all the actor may read
  std::vector<std::string> states;
  std::optional<domain::TransferKind> kind;
  std::optional<domain::TransferDirection> direction;
  bool overdue_only = false;
  MemberId member;
  int limit = 500;  // the list's length at most
};

struct TransferRequest {
  Transfer transfer;  // kind, direction, purpose, member_id, to_org, external_org, letter,
                      // letter_date, until, note, guest_name, guest_citizen_id
  Date on;            // the day of the move, the letter, or the arrival
  // An official arrival from outside: the member's record as they bring it (the fields of
  // POST /members; status official or probationary).
  domain::MemberPatch arriving;
};

Result<std::vector<TransferView>> list_transfers(Context& ctx, const TransferQuery& query);
Result<TransferView> get_transfer(Context& ctx, TransferId id);
Result<TransferView> start_transfer(Context& ctx, TransferRequest request);
// Receipt confirmed (outgoing official) or back home (temporary).
Result<TransferView> complete_transfer(Context& ctx, TransferId id, int64_t version, Date on,
                                       const std::string& note);
// Withdrawn before completion: an outgoing member is back on the roll as before.
Result<TransferView> cancel_transfer(Context& ctx, TransferId id, int64_t version, Date on,
                                     const std::string& reason);

// The permission a kind of transfer needs.
domain::Permission transfer_permission(domain::TransferKind kind);

}  // namespace chibo::app
