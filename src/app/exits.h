// Use cases of leaving the roll (removal, expulsion, leaving, death) and of exemption from
// activities. Leaving the roll is the committees' decision (member.decide), except a death,
// which the cell records (member.write); exemption is the cell's (member.write).
#pragma once

#include "app/context.h"
#include "domain/lifecycle/exits.h"

namespace chibo::app {

Result<Member> record_exit(Services& services, const Actor& actor, MemberId id, int64_t version,
                           const domain::ExitRequest& request);

Result<Member> record_exemption(Services& services, const Actor& actor, MemberId id,
                                int64_t version, const domain::ExemptionRequest& request);

// The same inside a transaction of the caller's (a keyed request: app/idempotency.h); each
// plain form runs its _in form in a transaction of its own (app/own_write.h).
Result<Member> record_exit_in(Services& services, const Actor& actor, Transaction& tx, MemberId id,
                              int64_t version, const domain::ExitRequest& request);
Result<Member> record_exemption_in(Services& services, const Actor& actor, Transaction& tx,
                                   MemberId id, int64_t version,
                                   const domain::ExemptionRequest& request);

}  // namespace chibo::app
