#include "app/exits.h"

#include <nlohmann/json.hpp>

#include "app/access_control.h"
#include "app/lifecycle_support.h"

namespace chibo::app {

namespace {

// Loads the member the actor may change with `permission`.
Result<Member> member_for_change(Context& ctx, MemberId id, int64_t version,
                                 domain::Permission permission) {
  std::optional<Member> stored = ctx.tx.members().find(id);
  if (!stored ||
      !reach_of(ctx, domain::Permission::kMemberRead).covers_member(id, stored->org_path))
    return Error::not_found("member");
  Status allowed = require_reach(ctx, permission, domain::Permission::kMemberRead, stored->org_path,
                                 "member", id);
  if (!allowed) return std::move(allowed).error();
  if (stored->version != version) return Error::stale_version();
  return *stored;
}

}  // namespace

Result<Member> record_exit(Context& ctx, MemberId id, int64_t version,
                           const domain::ExitRequest& request) {
  const domain::Permission needed = request.status == domain::status::kDeceased
                                        ? domain::Permission::kMemberWrite
                                        : domain::Permission::kMemberDecide;
  Result<Member> stored = member_for_change(ctx, id, version, needed);
  if (!stored) return std::move(stored).error();
  std::vector<FieldError> errors =
      domain::check_exit(*stored, request, ctx.services.catalog, ctx.services.rules, ctx.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  Member member = *stored;
  domain::apply_exit(member, request);
  nlohmann::json details = {{"status", request.status}, {"ground", request.ground}};
  if (!request.note.empty()) details["note"] = request.note;
  Status saved =
      save_lifecycle_change(ctx, *stored, member, "exit", request.on, request.document, details);
  if (!saved) return std::move(saved).error();
  // A temporary absence ends with the membership.
  if (std::optional<Transfer> open = ctx.tx.transfers().open_for(id)) {
    Transfer closed = *open;
    closed.state = domain::TransferState::kCancelled;
    closed.completed_on = request.on;
    closed.note = "ended: the member left the roll";
    closed.updated_at = ctx.now();
    if (!ctx.tx.transfers().update(closed, *open)) return Error::stale_version();
  }
  return member;
}

Result<Member> record_exemption(Context& ctx, MemberId id, int64_t version,
                                const domain::ExemptionRequest& request) {
  Result<Member> stored = member_for_change(ctx, id, version, domain::Permission::kMemberWrite);
  if (!stored) return std::move(stored).error();
  std::vector<FieldError> errors =
      domain::check_exemption(*stored, request, ctx.services.rules, ctx.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  Member member = *stored;
  domain::apply_exemption(member, request);
  nlohmann::json details = {{"action", request.start ? "start" : "end"}};
  if (!request.note.empty()) details["note"] = request.note;
  Status saved =
      save_lifecycle_change(ctx, *stored, member, request.start ? "exemption" : "exemption_end",
                            request.on, request.document, details);
  if (!saved) return std::move(saved).error();
  return member;
}

}  // namespace chibo::app
