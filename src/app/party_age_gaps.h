// Recording a party-age gap from an old member's file (domain/lifecycle/historical_gap.h): the
// way old histories that the procedures cannot replay (removed in 2003, readmitted in 2008) enter
// party age. Needs member.decide over the member's organization; writes the gap, the member's
// derived party-age facts, the history event with the attesting document and the audit entry in
// one transaction, or nothing.
#pragma once

#include "app/context.h"
#include "domain/lifecycle/historical_gap.h"

namespace chibo::app {

Result<Member> record_gap(Context& ctx, MemberId id, int64_t version,
                          const domain::GapRequest& request);

}  // namespace chibo::app
