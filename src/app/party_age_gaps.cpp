#include "app/party_age_gaps.h"

#include <nlohmann/json.hpp>

#include "app/access_control.h"
#include "app/lifecycle_support.h"
#include "app/own_write.h"

namespace chibo::app {

Result<Member> record_gap_in(Services& services, const Actor& actor, Transaction& tx, MemberId id,
                             int64_t version, const domain::GapRequest& request) {
  std::optional<Member> stored = tx.members().find(id);
  if (!stored || !reach_of(services, actor, domain::Permission::kMemberRead)
                      .covers_member(id, stored->org_path))
    return Error::not_found("member");
  Status allowed = require_reach(services, actor, domain::Permission::kMemberDecide,
                                 domain::Permission::kMemberRead, stored->org_path, "member", id);
  if (!allowed) return std::move(allowed).error();
  if (stored->version != version) return Error::stale_version();
  const std::vector<domain::Gap> existing = gaps_of(tx, id);
  std::vector<FieldError> errors =
      domain::check_historical_gap(*stored, request, existing, services.clock.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  tx.lifecycle().add_gap(id, {{request.from, request.to}, request.reason, TransferId()},
                         services.clock.now_utc());
  Member member = *stored;  // save_lifecycle_change derives its party age with the new gap
  const nlohmann::json details = {{"from", request.from.iso()},
                                  {"to", request.to.iso()},
                                  {"reason", request.reason},
                                  {"note", request.note}};
  Status saved = save_lifecycle_change(
      tx, services, actor, *stored, member, "party_age_gap", request.from, request.document,
      details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  if (!saved) return std::move(saved).error();
  return member;
}

Result<Member> record_gap(Services& services, const Actor& actor, MemberId id, int64_t version,
                          const domain::GapRequest& request) {
  return own_write(services, [&](Transaction& tx) {
    return record_gap_in(services, actor, tx, id, version, request);
  });
}

}  // namespace chibo::app
