// The background fan-out of the directives cascade (issue 13): a directive to every cell of the
// country (468,000 organizations) is more than one request should write. Above
// Services::fanout_inline_max assignments, the request records the fan-out (directive_fanouts)
// and schedules a run of the "fanout" job kind in its own transaction; the job runner
// (app/jobs.h) works through the targets in path order, one batch per step and transaction:
// the batch's assignments, their roll-up adjustments, the fan-out's cursor and the step's done
// mark commit together. A process killed in the middle leaves the batch out entirely; the next
// holder of the run starts after the last committed batch, so no assignment is lost or made
// twice (the unique target of directive_assignments is the last guard); app/fanout_steps.h
// holds what this shares with the review campaigns' fan-out. The roll-up is exact
// after every batch, and so when the fan-out is done.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/directives.h"
#include "app/fanout_steps.h"
#include "app/jobs.h"

namespace chibo::app {

inline constexpr const char* kJobFanout = "fanout";

// Records a background fan-out of `task_dues` from `assigner` to `target` (children, kind, or
// chosen organizations, already checked), expected to consider `total` assignments, and
// schedules its job run. Audited as "directive.fanout".
DirectiveFanout start_fanout(Context& ctx, const Directive& directive,
                             const std::vector<std::pair<int64_t, Date>>& task_dues,
                             const Organization& assigner, int64_t parent_id,
                             const domain::AssignmentTarget& target, int64_t total,
                             const std::string& note, int64_t plan_document_id,
                             const std::string& plan_number);

std::unique_ptr<JobKind> make_fanout_kind(FanoutKindOptions options);

}  // namespace chibo::app
