#include "app/transfers.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/access_control.h"
#include "app/lifecycle_support.h"
#include "app/member_changes.h"
#include "domain/members/member_rules.h"

namespace chibo::app {

namespace {

using domain::TransferDirection;
using domain::TransferKind;
using domain::TransferState;
using nlohmann::json;

constexpr size_t kMaxNoteChars = 1000;

json transfer_json(const Transfer& t) {
  json value = {{"kind", std::string(domain::transfer_kind_code(t.kind))},
                {"direction", std::string(domain::transfer_direction_code(t.direction))},
                {"state", std::string(domain::transfer_state_code(t.state))},
                {"letter_date", t.letter_date.iso()}};
  if (!t.letter.number.empty()) value["letter_number"] = t.letter.number;
  if (t.from_org.valid()) value["from_org_id"] = t.from_org.value;
  if (t.to_org.valid()) value["to_org_id"] = t.to_org.value;
  if (!t.external_org.empty()) value["external_org"] = t.external_org;
  if (t.gap_days > 0) value["gap_days"] = t.gap_days;
  return value;
}

// Where the transfer shows: the path of the end inside the tree that `reach` covers.
bool visible(const Transfer& t, const domain::Reach& reach) {
  return (!t.from_path.empty() && reach.covers(t.from_path)) ||
         (!t.to_path.empty() && reach.covers(t.to_path));
}

// Views of transfers, with the names of their members and organizations read in two queries.
std::vector<TransferView> views_of(Context& ctx, std::vector<Transfer> transfers) {
  std::vector<MemberId> member_ids;
  std::vector<OrgId> org_ids;
  for (const Transfer& t : transfers) {
    if (t.member_id.valid()) member_ids.push_back(t.member_id);
    if (t.from_org.valid()) org_ids.push_back(t.from_org);
    if (t.to_org.valid()) org_ids.push_back(t.to_org);
  }
  std::map<MemberId, std::string> member_names;
  for (const auto& [member, org_name] : ctx.tx.lifecycle().members_with_org(member_ids))
    member_names[member.id] = member.full_name;
  std::map<OrgId, std::string> org_names;
  for (const Organization& org : ctx.tx.orgs().find_many(org_ids)) org_names[org.id] = org.name;
  const Date today = ctx.today();
  std::vector<TransferView> views;
  views.reserve(transfers.size());
  for (Transfer& transfer : transfers) {
    TransferView view;
    view.member_name =
        transfer.member_id.valid() ? member_names[transfer.member_id] : transfer.guest_name;
    if (transfer.from_org.valid()) view.from_name = org_names[transfer.from_org];
    if (transfer.to_org.valid()) view.to_name = org_names[transfer.to_org];
    if (transfer.direction == TransferDirection::kIncoming) view.from_name = transfer.external_org;
    if (transfer.direction == TransferDirection::kOutgoing) view.to_name = transfer.external_org;
    if (Result<Date> due = domain::present_by(transfer, ctx.services.rules, ctx.services.calendar))
      view.present_by = *due;
    view.overdue =
        domain::transfer_overdue(transfer, ctx.services.rules, ctx.services.calendar, today);
    view.transfer = std::move(transfer);
    views.push_back(std::move(view));
  }
  return views;
}

TransferView view_of(Context& ctx, Transfer transfer) {
  std::vector<Transfer> one;
  one.push_back(std::move(transfer));
  return std::move(views_of(ctx, std::move(one)).front());
}

void audit_transfer(Context& ctx, const Transfer& t, const std::string& action) {
  AuditEntry entry = AuditEntry::about("transfer." + action, "transfer", t.id.value,
                                       (!t.from_path.empty() ? t.from_path : t.to_path).str());
  entry.details = transfer_json(t);
  ctx.audit(entry);
}

// An official arrival from outside: a new member record, or a member who had left the tree by
// transfer coming back (the same CCCD). Stores the transfer and, for a letter presented late,
// its party-age gap (the days past the deadline do not count), before the member's party-age
// facts are derived from the gaps.
Status arrive(Context& ctx, Transfer& transfer, const TransferRequest& request) {
  domain::MemberPatch patch = request.arriving;
  patch["org_id"] = std::to_string(transfer.to_org.value);
  const auto status = patch.find("status");
  if (status == patch.end() || !status->second ||
      (*status->second != domain::status::kOfficial &&
       *status->second != domain::status::kProbationary)) {
    return Error::invalid_field("member.status", "arrival_status");
  }
  for (const char* procedure : {"exit_date", "exit_ground"}) {
    if (patch.count(procedure))
      return Error::invalid_field(std::string("member.") + procedure, "unknown_field");
  }
  transfer.standing = *status->second;
  Result<std::optional<domain::Gap>> late =
      domain::late_arrival_gap(transfer, request.on, ctx.services.rules, ctx.services.calendar);
  if (!late) return std::move(late).error();
  const std::optional<domain::Gap> gap = *late;
  transfer.gap_days = gap ? gap->days() : 0;
  const std::string now = ctx.now();
  auto store_transfer = [&](MemberId member) {
    transfer.member_id = member;
    ctx.tx.transfers().insert(transfer);
    if (gap) ctx.tx.lifecycle().add_gap(member, {*gap, "late_transfer", transfer.id}, now);
  };
  Member member;
  std::vector<FieldError> errors;
  domain::apply_member_patch(member, patch, ctx.services.catalog, errors);
  std::optional<Member> returning;
  if (!member.citizen_id.empty()) {
    if (std::optional<MemberId> owner = ctx.tx.members().find_by_citizen_id(member.citizen_id)) {
      returning = ctx.tx.members().find(*owner);
      if (returning && returning->status != domain::status::kTransferredOut) {
        Error conflict = Error::conflict("duplicate_member");
        conflict.fields = {{"member.citizen_id", "duplicate", {}}};
        return conflict;
      }
    }
  }
  if (returning) {
    Member back = *returning;
    back.exit_date.reset();
    back.exit_ground.clear();
    errors.clear();
    domain::apply_member_patch(back, patch, ctx.services.catalog, errors);
    for (FieldError& error :
         domain::check_member(back, ctx.services.catalog, ctx.services.rules, ctx.today()))
      errors.push_back(std::move(error));
    if (errors.empty())
      errors = check_member_references(ctx, back, reach_of(ctx, domain::Permission::kMemberDecide));
    if (!errors.empty()) {
      for (FieldError& error : errors) error.field = "member." + error.field;
      return Error::invalid(std::move(errors));
    }
    store_transfer(back.id);
    Status saved = save_lifecycle_change(ctx, *returning, back, "transfer_in", request.on,
                                         transfer.letter, transfer_json(transfer));
    if (!saved) return saved;
  } else {
    Result<Member> prepared = prepare_new_member(ctx, patch);
    if (!prepared) {
      Error error = std::move(prepared).error();
      for (FieldError& field : error.fields) field.field = "member." + field.field;
      return error;
    }
    Member arrived = std::move(*prepared);
    std::vector<domain::Gap> gaps;
    if (gap) gaps.push_back(*gap);
    domain::derive_member_facts(arrived, ctx.services.rules, gaps);
    arrived.created_at = arrived.updated_at = now;
    ctx.tx.members().insert(arrived);
    store_transfer(arrived.id);
    std::vector<FieldChange> changes = domain::diff_members(Member(), arrived);
    AuditEntry entry = AuditEntry::about_member("member.transfer_in", arrived);
    entry.details = audit_changes(changes);
    ctx.audit(entry);
    ctx.tx.members().append_event({0, arrived.id, now, ctx.actor.name, "transfer_in",
                                   std::move(changes), request.on, transfer.letter});
  }
  return Ok();
}

}  // namespace

domain::Permission transfer_permission(TransferKind kind) {
  return kind == TransferKind::kOfficial ? domain::Permission::kMemberDecide
                                         : domain::Permission::kMemberWrite;
}

Result<std::vector<TransferView>> list_transfers(Context& ctx, const TransferQuery& query) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kMemberRead);
  if (reach.none()) return Error::forbidden("forbidden");
  for (const std::string& state : query.states) {
    if (!domain::parse_transfer_state(state))
      return Error::invalid_field("state", "unknown_code", {{"value", state}});
  }
  std::vector<TransferView> views;
  TransferFilter filter;
  filter.limit = std::max(1, query.limit);
  filter.states = query.states;
  filter.kind = query.kind;
  filter.direction = query.direction;
  if (query.member.valid()) filter.member = query.member;
  if (query.org.valid()) {
    std::optional<Organization> org = ctx.tx.orgs().find(query.org);
    if (!org || !reach.covers(org->path)) return Error::not_found("organization");
    filter.subtree = org->path;
  } else if (!reach.everything) {
    if (reach.subtrees.empty()) return views;
    filter.within = reach.subtrees;
  }
  if (!query.overdue_only) {
    return views_of(ctx, ctx.tx.transfers().list(filter));
  }
  // Overdue needs the rules and the working calendar, so it is decided here, not in SQL:
  // the open transfers are read oldest (most overdue) first, page by page, until a list's
  // worth is found; none is lost to a cut made before the check.
  const size_t wanted = static_cast<size_t>(filter.limit);
  if (filter.states.empty()) filter.states = {"in_transit", "away"};
  filter.oldest_first = true;
  for (;;) {
    const std::vector<Transfer> page = ctx.tx.transfers().list(filter);
    for (TransferView& view : views_of(ctx, page)) {
      if (view.overdue && views.size() < wanted) views.push_back(std::move(view));
    }
    if (views.size() >= wanted || static_cast<int>(page.size()) < filter.limit) break;
    filter.offset += filter.limit;
  }
  // Replied newest first, as every list of transfers is.
  std::sort(views.begin(), views.end(), [](const TransferView& a, const TransferView& b) {
    if (a.transfer.started_on != b.transfer.started_on)
      return b.transfer.started_on < a.transfer.started_on;
    return b.transfer.id.value < a.transfer.id.value;
  });
  return views;
}

Result<TransferView> get_transfer(Context& ctx, TransferId id) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kMemberRead);
  std::optional<Transfer> transfer = ctx.tx.transfers().find(id);
  if (!transfer || !visible(*transfer, reach)) return Error::not_found("transfer");
  return view_of(ctx, std::move(*transfer));
}

Result<TransferView> start_transfer(Context& ctx, TransferRequest request) {
  Transfer& t = request.transfer;
  const domain::Permission needed = transfer_permission(t.kind);
  const domain::Reach reach = reach_of(ctx, needed);
  if (reach.none()) return Error::forbidden("forbidden");
  std::vector<FieldError> errors;
  if (!t.note.empty() && t.note.size() > kMaxNoteChars)
    errors.push_back({"note", "too_long", {{"max", std::to_string(kMaxNoteChars)}}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  std::optional<Member> member;
  if (t.direction != TransferDirection::kIncoming) {
    member = ctx.tx.members().find(t.member_id);
    // A member beyond the reach is not found, like one that does not exist.
    if (!member || !reach.covers(member->org_path))
      return Error::invalid_field("member_id", "member_not_found");
    t.from_org = member->org_id;
    t.from_path = member->org_path;
    if (std::optional<Transfer> open = ctx.tx.transfers().open_for(member->id)) {
      return Error::conflict("transfer_open", {{"transfer_id", std::to_string(open->id.value)}});
    }
  }
  if (t.direction != TransferDirection::kOutgoing) {
    std::vector<FieldError> org_errors;
    std::optional<Organization> to =
        check_member_org(ctx, t.to_org, reach, "to_org_id", org_errors);
    if (!to) return Error::invalid(std::move(org_errors));
    t.to_path = to->path;
  } else {
    t.to_org = OrgId();
  }
  std::vector<FieldError> checks =
      domain::check_new_transfer(t, member ? &*member : nullptr, request.on, ctx.services.rules,
                                 ctx.services.calendar, ctx.today());
  if (!checks.empty()) return Error::invalid(std::move(checks));
  const std::string now = ctx.now();
  t.started_on = request.on;
  t.created_at = t.updated_at = now;
  const bool official = t.kind == TransferKind::kOfficial;
  if (official && t.direction == TransferDirection::kInternal) {
    Member moved = *member;
    moved.org_id = t.to_org;
    moved.org_path = t.to_path;
    t.state = TransferState::kCompleted;
    t.completed_on = request.on;
    t.standing = member->status;
    ctx.tx.transfers().insert(t);
    Status saved = save_lifecycle_change(ctx, *member, moved, "transfer", request.on, t.letter,
                                         transfer_json(t));
    if (!saved) return std::move(saved).error();
  } else if (official && t.direction == TransferDirection::kOutgoing) {
    Member leaving = *member;
    leaving.status = std::string(domain::status::kTransferredOut);
    leaving.exit_date = request.on;
    leaving.exit_ground = std::string(domain::status::kTransferredOut);
    t.state = TransferState::kInTransit;
    t.standing = member->status;
    ctx.tx.transfers().insert(t);
    Status saved = save_lifecycle_change(ctx, *member, leaving, "transfer_out", request.on,
                                         t.letter, transfer_json(t));
    if (!saved) return std::move(saved).error();
  } else if (official) {
    t.state = TransferState::kCompleted;
    t.completed_on = request.on;
    Status arrived = arrive(ctx, t, request);
    if (!arrived) return std::move(arrived).error();
  } else {
    t.state = TransferState::kAway;
    if (member) t.standing = member->status;
    ctx.tx.transfers().insert(t);
    if (member) {
      ctx.tx.members().append_event(
          {0, member->id, now, ctx.actor.name, "transfer_temporary", {}, request.on, t.letter});
    }
  }
  audit_transfer(ctx, t, "start");
  return view_of(ctx, t);
}

namespace {

// Loads an open transfer the actor may act on, for completing or cancelling it.
Result<Transfer> open_transfer(Context& ctx, TransferId id, int64_t version) {
  std::optional<Transfer> transfer = ctx.tx.transfers().find(id);
  const domain::Reach read = reach_of(ctx, domain::Permission::kMemberRead);
  if (!transfer || !visible(*transfer, read)) return Error::not_found("transfer");
  const domain::Reach reach = reach_of(ctx, transfer_permission(transfer->kind));
  if (!visible(*transfer, reach)) return Error::forbidden("forbidden");
  if (transfer->version != version) return Error::stale_version();
  return *transfer;
}

}  // namespace

Result<TransferView> complete_transfer(Context& ctx, TransferId id, int64_t version, Date on,
                                       const std::string& note) {
  if (note.size() > kMaxNoteChars)
    return Error::invalid_field("note", "too_long", {{"max", std::to_string(kMaxNoteChars)}});
  Result<Transfer> found = open_transfer(ctx, id, version);
  if (!found) return std::move(found).error();
  Transfer before = *found;
  Transfer t = *found;
  std::vector<FieldError> errors = domain::check_transfer_completion(t, on, ctx.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  t.state =
      t.kind == TransferKind::kOfficial ? TransferState::kCompleted : TransferState::kReturned;
  t.completed_on = on;
  if (!note.empty()) t.note = note;
  t.updated_at = ctx.now();
  if (!ctx.tx.transfers().update(t, before)) return Error::stale_version();
  if (t.kind == TransferKind::kTemporary && t.member_id.valid()) {
    ctx.tx.members().append_event(
        {0, t.member_id, t.updated_at, ctx.actor.name, "transfer_return", {}, on, {}});
  }
  audit_transfer(ctx, t, "complete");
  return view_of(ctx, t);
}

Result<TransferView> cancel_transfer(Context& ctx, TransferId id, int64_t version, Date on,
                                     const std::string& reason) {
  if (reason.empty()) return Error::invalid_field("reason", "required");
  if (reason.size() > kMaxNoteChars)
    return Error::invalid_field("reason", "too_long", {{"max", std::to_string(kMaxNoteChars)}});
  Result<Transfer> found = open_transfer(ctx, id, version);
  if (!found) return std::move(found).error();
  Transfer before = *found;
  Transfer t = *found;
  std::vector<FieldError> errors = domain::check_transfer_completion(t, on, ctx.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  t.state = TransferState::kCancelled;
  t.completed_on = on;
  t.note = reason;
  t.updated_at = ctx.now();
  if (!ctx.tx.transfers().update(t, before)) return Error::stale_version();
  if (t.kind == TransferKind::kOfficial && t.direction == TransferDirection::kOutgoing) {
    // The member did not leave after all: back on the roll as they were.
    std::optional<Member> member = ctx.tx.members().find(t.member_id);
    if (!member) return Error::internal("transfer without member");
    Member back = *member;
    back.status = t.standing.empty() ? std::string(domain::status::kOfficial) : t.standing;
    back.exit_date.reset();
    back.exit_ground.clear();
    Status saved = save_lifecycle_change(ctx, *member, back, "transfer_cancelled", on, t.letter,
                                         transfer_json(t));
    if (!saved) return std::move(saved).error();
  } else if (t.member_id.valid()) {
    ctx.tx.members().append_event(
        {0, t.member_id, t.updated_at, ctx.actor.name, "transfer_cancelled", {}, on, {}});
  }
  audit_transfer(ctx, t, "cancel");
  return view_of(ctx, t);
}

}  // namespace chibo::app
