// Use cases of the directives cascade (issue 13). A directive (resolution, directive,
// conclusion, plan, programme, or a document from above) is issued with tasks; the issuer
// assigns tasks to organizations below (all children, all of a kind, chosen ones, or a member),
// each receiving organization acknowledges, may pass the task further down (its own plan), and
// reports; the assigning level accepts or returns each report. Every change adjusts the
// roll-up (directive_rollup) along the receiving organization's path in the same transaction.
//
// Access: directive.read over the issuing organization, or over an organization that received
// an assignment of it; directive.write to issue, to assign from the issuer or from a received
// assignment, and to accept or return; directive.report to acknowledge, start, report and
// record study as the receiving organization. Outside the reach objects are "not found".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/ports/directives.h"
#include "domain/directives/rollup.h"
#include "domain/directives/targets.h"

namespace chibo::app {

// A task's report schedule as asked (cadence: quarterly, half_yearly, yearly).
struct ReportScheduleInput {
  std::string cadence;
  std::optional<Date> final_due_on;
};

struct TaskInput {
  std::string title;
  std::string description;
  std::optional<Date> due_on;
  std::optional<int> due_working_days;
  std::optional<ReportScheduleInput> report_schedule;
};

struct DirectiveRequest {
  OrgId org;
  std::string kind;
  std::string title;
  Date issued_on;
  int64_t document_id = 0;
  std::string number_symbol;
  std::string summary;
  std::vector<TaskInput> tasks;
};

struct AssignRequest {
  std::vector<int64_t> task_ids;
  domain::AssignmentTarget target;
  std::optional<Date> due_on;
  std::string note;
};

struct SubAssignRequest {
  domain::AssignmentTarget target;
  std::optional<Date> due_on;
  std::string note;
  int64_t plan_document_id = 0;
  std::string plan_number;
};

struct ReportFigure {
  std::string label;
  double value = 0;
  std::string unit;
};

struct ReportRequest {
  int64_t version = 0;
  // The scheduled period the report is for ("2027-Q1" ..., "final"); "": the assignment's own
  // (final) report.
  std::string period;
  std::string text;
  std::vector<ReportFigure> figures;
  int64_t document_id = 0;
  std::string attachment_note;
};

struct StudyRequest {
  OrgId org;
  Date held_on;
  int64_t attendees = 0;
  std::string note;
  std::optional<int64_t> version;
};

struct DirectiveListQuery {
  OrgId org;
  std::string kind;
  std::string q;
  std::optional<int> year;  // issued in this year
  std::string status;       // open, done, overdue (DirectiveQuery::status); empty: any
  int64_t offset = 0;
  int limit = 50;
};

struct DirectiveView {
  Directive directive;
  Organization org;
  std::vector<DirectiveTask> tasks;
  domain::RollupCounts rollup;  // at the issuing organization
  bool may_assign = false;
  std::vector<DirectiveFanout> fanouts;  // background fan-outs, newest first (the last few)
};

struct DirectiveList {
  std::vector<Directive> items;
  std::map<OrgId, Organization> orgs;
  int64_t total = 0;
};

struct AssignmentBatch {
  int64_t created = 0;
  int64_t skipped = 0;
  std::vector<Assignment> items;  // the first kBatchItems
  Date today;
  // Set when the fan-out is too large for one request (more than Services::fanout_inline_max
  // assignments): nothing was created yet, a background job creates them (progress here and
  // in the directive's `fanouts`).
  std::optional<DirectiveFanout> fanout;
};

// A scheduled period of an assignment's task and the state of its report.
struct AssignmentPeriod {
  domain::ReportPeriod period;
  domain::PeriodState state = domain::PeriodState::kDue;
};

struct AssignmentView {
  Assignment assignment;
  std::vector<AssignmentReport> reports;  // newest first
  std::vector<AssignmentPeriod> periods;  // none: the task has no report schedule
  domain::RollupCounts children;          // of the assignments passed down from it
  bool may_report = false;
  bool may_review = false;
  bool may_assign = false;
  Date today;
};

struct AssignmentList {
  std::vector<Assignment> items;
  int64_t total = 0;
  Date today;
};

struct AssignmentListQuery {
  OrgId org;  // subtree (directive lists, overdue) or the organization (an org's inbox)
  std::string direction = "received";  // received, assigned (an org's inbox)
  int64_t task_id = 0;
  std::optional<domain::AssignmentState> state;
  bool overdue_only = false;
  int64_t offset = 0;
  int limit = 50;
};

struct RollupRow {
  Organization org;
  domain::RollupCounts counts;
  int64_t members = 0;  // on the roll in the subtree
  bool has_children = false;
};

struct RollupView {
  int64_t directive_id = 0;
  int64_t period_overdue = 0;  // period reports marked overdue in `org`'s subtree
  Date as_of;
  std::vector<Organization> path;  // from the top the reader sees down to `org`
  RollupRow org;
  std::vector<RollupRow> children;  // with assignments; most lagging first
};

struct StudyList {
  std::vector<DirectiveStudy> items;
};

struct OverdueMarked {
  Date as_of;
  int64_t marked = 0;
  int64_t period_reports = 0;  // scheduled period reports marked overdue
};

// An open assignment near or past its due date, for the reminder job.
struct DueAssignment {
  Assignment assignment;
  int days_overdue = 0;  // negative: days left before the due date
};

Result<DirectiveList> list_directives(Context& ctx, const DirectiveListQuery& query);
Result<DirectiveView> issue_directive(Context& ctx, const DirectiveRequest& request);
Result<DirectiveView> get_directive(Context& ctx, int64_t id);
Result<RollupView> directive_rollup(Context& ctx, int64_t id, OrgId org);
Result<AssignmentList> list_directive_assignments(Context& ctx, int64_t id,
                                                  const AssignmentListQuery& query);
Result<StudyList> list_studies(Context& ctx, int64_t id, OrgId org);
Result<DirectiveStudy> record_study(Context& ctx, int64_t id, const StudyRequest& request);

Result<AssignmentBatch> assign_tasks(Context& ctx, int64_t directive_id,
                                     const AssignRequest& request);
Result<AssignmentBatch> assign_down(Context& ctx, int64_t assignment_id,
                                    const SubAssignRequest& request);
Result<AssignmentView> get_assignment(Context& ctx, int64_t id);
Result<AssignmentView> acknowledge_assignment(Context& ctx, int64_t id, int64_t version);
Result<AssignmentView> start_assignment(Context& ctx, int64_t id, int64_t version);
Result<AssignmentView> submit_report(Context& ctx, int64_t id, const ReportRequest& request);
// `period` names a scheduled period's report (not "final"): its newest pending report is
// reviewed, the assignment's state stays. "" or "final": the assignment's own report.
Result<AssignmentView> accept_report(Context& ctx, int64_t id, int64_t version,
                                     const std::string& comment, const std::string& period = "");
Result<AssignmentView> return_report(Context& ctx, int64_t id, int64_t version,
                                     const std::string& comment, const std::string& period = "");
Result<AssignmentList> org_assignments(Context& ctx, OrgId org, const AssignmentListQuery& query);
Result<AssignmentList> overdue_assignments(Context& ctx, const AssignmentListQuery& query);

// Marks overdue, as of today, the open assignments in the actor's directive.write reach whose
// due date has passed (HTTP, for administrators).
Result<OverdueMarked> mark_overdue_today(Context& ctx);

// For the background jobs (the actor is the system):
// marks overdue as of `as_of` every open assignment past its due date, adjusting the roll-up;
// idempotent (an assignment is marked once). Returns how many were marked now.
Result<int64_t> mark_overdue(Context& ctx, Date as_of);
// The same for the scheduled period reports (directive_period_overdue); how many were marked.
Result<int64_t> mark_period_overdue(Context& ctx, Date as_of);
// Open (not accepted) assignments due on or before `as_of` + `within_days` (so also those
// already overdue), earliest first, each with the responsible (receiving) organization in
// assignment.org_id / org_path / org_name and how many days it is overdue.
Result<std::vector<DueAssignment>> due_assignments(Context& ctx, Date as_of, int within_days,
                                                   int limit);

}  // namespace chibo::app
