// What the background fan-outs share (the directives cascade, issue 13; a review campaign's
// units, issue 15): a fan-out is recorded by the request with its job run (kind `kind`, key
// "<kind>:<id>", payload {"<field>": id}); the job runner (app/jobs.h) then works through the
// targets in path order, one batch per step and transaction. Each batch commits with its done
// mark "<kind>:<id>:<batch>" (job_steps) and the fan-out's cursor (the last path written, the
// batch count as the optimistic guard), so a process killed mid-batch leaves the batch out and
// the next holder of the run starts after the last committed one. What differs between the
// fan-outs (which rows a batch writes, where the cursor lives) stays with each kind.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/jobs.h"

namespace chibo::app {

struct FanoutKindOptions {
  int batch_rows = 2000;  // rows per step (one transaction)
  int step_ms = 0;        // tests only: each step takes at least this long
};

// "<kind>:<id>", the job run's key.
std::string fanout_job_key(const std::string& kind, int64_t id);
// "<kind>:<id>:<batch>", the done mark of the fan-out's batch number `batch` (from 0).
std::string fanout_step_key(const std::string& kind, int64_t id, int64_t batch);
// The fan-out's id in a run's payload ({"<field>": id}); nullopt when the payload is not one.
std::optional<int64_t> fanout_payload_id(const std::string& payload, const std::string& field);

// Schedules the run of fan-out `id` of `kind`, due now (in the request's transaction).
void schedule_fanout(Context& ctx, const std::string& kind, const std::string& field, int64_t id);
// Marks batch `batch` of fan-out `id` done; conflict "job_lease_lost" when it already is (a
// batch committed once is never done again).
Status mark_fanout_batch(Context& ctx, const JobRow& job, const std::string& kind, int64_t id,
                         int64_t batch);
// Tests only: makes the step last options.step_ms (a fault test kills a process mid-run).
void pace_fanout_step(const FanoutKindOptions& options);

}  // namespace chibo::app
