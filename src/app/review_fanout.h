// The background fan-out of a review campaign (issue 15): a campaign opened at the root writes
// a unit per organization of the country (~480,000), more than one request should write. Above
// Services::fanout_inline_max organizations (the directives' threshold), open_review_campaign
// records the campaign with fanout_state "running" and the organizations to write, and
// schedules a run of the "review_fanout" job kind in the same transaction; the job runner
// (app/jobs.h) writes the units in path order, one batch per step and transaction (the batch's
// units, the campaign's cursor and the step's done mark together, app/fanout_steps.h). A
// process killed in the middle leaves the batch out entirely and the next holder of the run
// starts after the last committed batch; the primary key (campaign, organization) of
// review_units is the last guard against a unit written twice. While the fan-out runs, the
// steps that need the units (self-assessments, proposals, decisions, superiors' reviews,
// organizations' grades, closing) are refused with 409 "review_fanning_out" (the units
// written and the total as parameters); reading the campaign shows the progress.
#pragma once

#include <memory>

#include "app/fanout_steps.h"
#include "app/jobs.h"

namespace chibo::app {

inline constexpr const char* kJobReviewFanout = "review_fanout";

std::unique_ptr<JobKind> make_review_fanout_kind(FanoutKindOptions options);

}  // namespace chibo::app
