// Use cases of leaving the roll (removal, expulsion, leaving, death) and of exemption from
// activities. Leaving the roll is the committees' decision (member.decide), except a death,
// which the cell records (member.write); exemption is the cell's (member.write).
#pragma once

#include "app/context.h"
#include "domain/lifecycle/exits.h"

namespace chibo::app {

Result<Member> record_exit(Context& ctx, MemberId id, int64_t version,
                           const domain::ExitRequest& request);
Result<Member> record_exemption(Context& ctx, MemberId id, int64_t version,
                                const domain::ExemptionRequest& request);

}  // namespace chibo::app
