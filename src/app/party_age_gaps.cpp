#include "app/party_age_gaps.h"

#include "app/access_control.h"
#include "app/lifecycle_support.h"

namespace chibo::app {

Result<Member> record_gap(Context& ctx, MemberId id, int64_t version,
                          const domain::GapRequest& request) {
  std::optional<Member> stored = ctx.tx.members().find(id);
  if (!stored ||
      !reach_of(ctx, domain::Permission::kMemberRead).covers_member(id, stored->org_path))
    return Error::not_found("member");
  Status allowed = require_reach(ctx, domain::Permission::kMemberDecide,
                                 domain::Permission::kMemberRead, stored->org_path, "member", id);
  if (!allowed) return std::move(allowed).error();
  if (stored->version != version) return Error::stale_version();
  const std::vector<domain::Gap> existing = gaps_of(ctx.tx, id);
  std::vector<FieldError> errors =
      domain::check_historical_gap(*stored, request, existing, ctx.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  ctx.tx.lifecycle().add_gap(id, {{request.from, request.to}, request.reason, TransferId()},
                             ctx.now());
  Member member = *stored;  // save_lifecycle_change derives its party age with the new gap
  Status saved =
      save_lifecycle_change(ctx, *stored, member, "party_age_gap", request.from, request.document,
                            {{"from", request.from.iso()},
                             {"to", request.to.iso()},
                             {"reason", request.reason},
                             {"note", request.note}});
  if (!saved) return std::move(saved).error();
  return member;
}

}  // namespace chibo::app
