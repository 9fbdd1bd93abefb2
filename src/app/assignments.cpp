// The assignment use cases of the directives cascade: fan-out from the issuer and from a
// received assignment, the state changes, reports and their review, the lists (an
// organization's received and given assignments, a subtree's overdue ones) and the functions
// the background jobs call (mark overdue, assignments due). Declared in app/directives.h.
#include <algorithm>

#include "app/access_control.h"
#include "app/directive_fanout.h"
#include "app/directive_support.h"
#include "app/directives.h"
#include "domain/directives/directive_rules.h"

namespace chibo::app {

using domain::AssignmentAction;
using domain::AssignmentState;
using domain::Permission;
using namespace directive_support;

namespace {

// The task of `assignment` (with its schedule).
std::optional<DirectiveTask> assignment_task(Context& ctx, const Assignment& assignment) {
  for (DirectiveTask& task : ctx.tx.directives().tasks_of(assignment.directive_id)) {
    if (task.id == assignment.task_id) return std::move(task);
  }
  return std::nullopt;
}

std::string report_period_key(const AssignmentReport& report) {
  return report.period.empty() ? std::string(domain::kFinalPeriod) : report.period;
}

// The assignment's scheduled periods with the state of each one's report.
std::vector<AssignmentPeriod> assignment_periods(Context& ctx, const Assignment& assignment,
                                                 const std::vector<AssignmentReport>& reports) {
  std::vector<AssignmentPeriod> out;
  std::optional<DirectiveTask> task = assignment_task(ctx, assignment);
  if (!task || !task->report_schedule) return out;
  std::vector<domain::PeriodReportSeen> seen;
  for (const AssignmentReport& r : reports) seen.push_back({report_period_key(r), r.review});
  for (domain::ReportPeriod& p : task_periods(ctx, *task, assignment.due_on)) {
    AssignmentPeriod item;
    item.state = domain::period_state(p, seen, ctx.today());
    item.period = std::move(p);
    out.push_back(std::move(item));
  }
  return out;
}

AssignmentView assignment_view(Context& ctx, Assignment assignment) {
  AssignmentView view;
  view.today = ctx.today();
  view.reports = ctx.tx.directives().reports_of(assignment.id);
  view.periods = assignment_periods(ctx, assignment, view.reports);
  view.children = ctx.tx.directives().child_counts(assignment.id);
  view.may_report = reach_of(ctx, Permission::kDirectiveReport).covers(assignment.org_path);
  view.may_review = reach_of(ctx, Permission::kDirectiveWrite).covers(assignment.assigner_path);
  view.may_assign = !assignment.member_id.valid() &&
                    reach_of(ctx, Permission::kDirectiveWrite).covers(assignment.org_path);
  view.assignment = std::move(assignment);
  return view;
}

// The assignment, when the actor may take `action` on it: the receiving organization in
// `permission`'s reach (receiver's actions) or the assigning one (accept, return).
Result<Assignment> actionable(Context& ctx, int64_t id, AssignmentAction action,
                              Permission permission) {
  Result<Assignment> assignment = readable_assignment(ctx, id);
  if (!assignment) return assignment;
  const OrgPath& path = domain::side_of(action) == domain::AssignmentSide::kAssigner
                            ? assignment->assigner_path
                            : assignment->org_path;
  if (!reach_of(ctx, permission).covers(path)) return Error::forbidden("forbidden");
  return assignment;
}

// Moves `assignment` by `action`, adjusting the roll-up and auditing; `details` join the entry.
Result<Assignment> transition(Context& ctx, Assignment assignment, AssignmentAction action,
                              int64_t version, nlohmann::json details = nlohmann::json::object()) {
  if (assignment.version != version) return Error::stale_version();
  Result<AssignmentState> next = domain::next_state(assignment.state, action);
  if (!next) return std::move(next).error();
  const Assignment before = assignment;
  const bool cleared = assignment.overdue && *next == AssignmentState::kAccepted;
  assignment.state = *next;
  if (cleared) assignment.overdue = false;
  assignment.updated_at = ctx.now();
  if (!ctx.tx.directives().update_assignment(assignment, before)) return Error::stale_version();
  const domain::RollupCounts delta = domain::transition_delta(before.state, *next, cleared);
  if (!delta.empty()) {
    std::map<OrgId, domain::RollupCounts> deltas;
    add_along(deltas, assignment.org_path, delta);
    ctx.tx.directives().adjust_rollup(assignment.directive_id, deltas);
  }
  AuditEntry entry = AuditEntry::about("assignment." + std::string(domain::action_code(action)),
                                       "assignment", assignment.id, assignment.org_path.str());
  entry.with("directive_id", assignment.directive_id)
      .with("from", std::string(domain::state_code(before.state)))
      .with("to", std::string(domain::state_code(*next)));
  for (auto& [key, value] : details.items()) entry.with(key, value);
  ctx.audit(entry);
  return assignment;
}

Result<AssignmentView> simple_step(Context& ctx, int64_t id, int64_t version,
                                   AssignmentAction action) {
  Result<Assignment> assignment = actionable(ctx, id, action, Permission::kDirectiveReport);
  if (!assignment) return std::move(assignment).error();
  Result<Assignment> moved = transition(ctx, std::move(*assignment), action, version);
  if (!moved) return std::move(moved).error();
  return assignment_view(ctx, std::move(*moved));
}

// Reviews the pending report of a scheduled period (not the final one): the report's review
// changes, the assignment's state stays.
Result<AssignmentView> review_period(Context& ctx, Assignment assignment, int64_t version,
                                     AssignmentAction action, const std::string& comment,
                                     const std::string& period) {
  if (assignment.version != version) return Error::stale_version();
  std::vector<AssignmentReport> reports = ctx.tx.directives().reports_of(assignment.id);
  auto pending = std::find_if(reports.begin(), reports.end(), [&](const AssignmentReport& r) {
    return r.period == period && r.review == "pending";
  });
  if (pending == reports.end())
    return Error::conflict("directive_period_not_reported", {{"period", period}});
  pending->review = action == AssignmentAction::kAccept ? "accepted" : "returned";
  pending->review_comment = comment;
  pending->reviewed_by = ctx.actor.name;
  pending->reviewed_at = ctx.now();
  ctx.tx.directives().update_review(*pending);
  if (action == AssignmentAction::kAccept)
    ctx.tx.directives().clear_period_overdue(assignment.id, period);
  AuditEntry entry =
      AuditEntry::about("assignment.period_" + std::string(domain::action_code(action)),
                        "assignment", assignment.id, assignment.org_path.str());
  entry.with("directive_id", assignment.directive_id)
      .with("period", period)
      .with("report_id", pending->id)
      .with("comment", comment);
  ctx.audit(entry);
  return assignment_view(ctx, std::move(assignment));
}

// Whether `period` is one of the assignment's scheduled periods; else a field error.
void check_period(Context& ctx, const Assignment& assignment, const std::string& period,
                  std::vector<FieldError>& errors) {
  std::optional<DirectiveTask> task = assignment_task(ctx, assignment);
  const bool scheduled = task && task->report_schedule;
  if (period.empty() || (period == domain::kFinalPeriod && scheduled)) return;
  if (scheduled) {
    for (const domain::ReportPeriod& p : task_periods(ctx, *task, assignment.due_on))
      if (p.key == period) return;
  }
  errors.push_back({"period", "directive_period_unknown", {{"period", period}}});
}

// Reviews the pending report of an assignment (accept or return).
Result<AssignmentView> review(Context& ctx, int64_t id, int64_t version, AssignmentAction action,
                              const std::string& comment, const std::string& period) {
  Result<Assignment> assignment = actionable(ctx, id, action, Permission::kDirectiveWrite);
  if (!assignment) return std::move(assignment).error();
  std::vector<FieldError> errors;
  check_text("comment", comment, kNoteChars, action == AssignmentAction::kReturn, errors);
  check_period(ctx, *assignment, period, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (!period.empty() && period != domain::kFinalPeriod)
    return review_period(ctx, std::move(*assignment), version, action, comment, period);
  Result<Assignment> moved =
      transition(ctx, std::move(*assignment), action, version, {{"comment", comment}});
  if (!moved) return std::move(moved).error();
  std::vector<AssignmentReport> reports = ctx.tx.directives().reports_of(moved->id);
  auto own = std::find_if(reports.begin(), reports.end(), [](const AssignmentReport& r) {
    return r.period.empty() || r.period == domain::kFinalPeriod;
  });
  if (own != reports.end() && own->review == "pending") {
    AssignmentReport& report = *own;
    report.review = action == AssignmentAction::kAccept ? "accepted" : "returned";
    report.review_comment = comment;
    report.reviewed_by = ctx.actor.name;
    report.reviewed_at = ctx.now();
    ctx.tx.directives().update_review(report);
  }
  return assignment_view(ctx, std::move(*moved));
}

std::string figures_json(const std::vector<ReportFigure>& figures) {
  nlohmann::json items = nlohmann::json::array();
  for (const ReportFigure& f : figures) {
    items.push_back({{"label", f.label}, {"value", f.value}, {"unit", f.unit}});
  }
  return items.dump();
}

}  // namespace

Result<AssignmentBatch> assign_tasks(Context& ctx, int64_t directive_id,
                                     const AssignRequest& request) {
  Result<Directive> directive = readable_directive(ctx, directive_id);
  if (!directive) return std::move(directive).error();
  if (!reach_of(ctx, Permission::kDirectiveWrite).covers(directive->org_path))
    return Error::forbidden("forbidden");
  std::optional<Organization> issuer = ctx.tx.orgs().find(directive->org_id);
  if (!issuer) return Error::not_found("directive");
  std::vector<FieldError> errors;
  const std::vector<DirectiveTask> tasks = ctx.tx.directives().tasks_of(directive->id);
  std::vector<std::pair<int64_t, Date>> task_dues;
  if (request.task_ids.empty()) errors.push_back({"task_ids", "required", {}});
  for (size_t i = 0; i < request.task_ids.size(); ++i) {
    const std::string field = "task_ids[" + std::to_string(i) + "]";
    auto task = std::find_if(tasks.begin(), tasks.end(),
                             [&](const DirectiveTask& t) { return t.id == request.task_ids[i]; });
    if (task == tasks.end()) {
      errors.push_back({field, "task_not_found", {}});
      continue;
    }
    if (std::any_of(task_dues.begin(), task_dues.end(),
                    [&](const auto& due) { return due.first == task->id; })) {
      errors.push_back({field, "repeated", {}});
      continue;
    }
    // A task whose schedule names the final report's own date is due then.
    Date due = domain::final_report_due(task->report_schedule, task->due_on);
    if (request.due_on) {
      domain::check_assignment_due(*request.due_on, directive->issued_on, due, "due_on", errors);
      due = *request.due_on;
    }
    task_dues.emplace_back(task->id, due);
  }
  check_text("note", request.note, kNoteChars, false, errors);
  const int64_t many = large_kind_target(ctx, request.target, *issuer, task_dues.size());
  std::vector<TargetCandidate> targets;
  if (many == 0) targets = resolve_targets(ctx, request.target, *issuer, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  AssignmentBatch batch;
  const int64_t count = static_cast<int64_t>(task_dues.size()) *
                        (many > 0 ? many : static_cast<int64_t>(targets.size()));
  if (count > ctx.services.fanout_inline_max &&
      request.target.mode != domain::TargetMode::kMember) {
    // Too many for one request: a background job makes them (app/directive_fanout.h).
    batch.today = ctx.today();
    batch.fanout = start_fanout(ctx, *directive, task_dues, *issuer, 0, request.target, count,
                                request.note, 0, "");
  } else {
    batch = fan_out(ctx, *directive, task_dues, *issuer, 0, targets, request.target.member,
                    request.note, 0, "");
  }
  AuditEntry entry =
      AuditEntry::about("directive.assign", "directive", directive->id, issuer->path.str());
  entry.with("task_ids", request.task_ids)
      .with("created", batch.created)
      .with("skipped", batch.skipped);
  if (batch.fanout) entry.with("fanout_id", batch.fanout->id);
  ctx.audit(entry);
  return batch;
}

Result<AssignmentBatch> assign_down(Context& ctx, int64_t assignment_id,
                                    const SubAssignRequest& request) {
  Result<Assignment> received =
      actionable(ctx, assignment_id, AssignmentAction::kAssignDown, Permission::kDirectiveWrite);
  if (!received) return std::move(received).error();
  if (received->member_id.valid()) return Error::conflict("assignment_to_member");
  std::optional<Directive> directive = ctx.tx.directives().find(received->directive_id);
  std::optional<Organization> org = ctx.tx.orgs().find(received->org_id);
  if (!directive || !org) return Error::not_found("assignment");
  std::vector<FieldError> errors;
  Date due = received->due_on;
  if (request.due_on) {
    domain::check_assignment_due(*request.due_on, directive->issued_on, received->due_on, "due_on",
                                 errors);
    due = *request.due_on;
  }
  check_text("note", request.note, kNoteChars, false, errors);
  check_text("plan_number", request.plan_number, kNumberChars, false, errors);
  std::string plan_number = request.plan_number;
  if (request.plan_document_id > 0) {
    if (!request.plan_number.empty()) {
      errors.push_back({"plan_number", "one_of", {{"fields", "plan_document_id, plan_number"}}});
    } else {
      plan_number = linked_document(ctx, request.plan_document_id, "plan_document_id", errors);
    }
  }
  const int64_t many = large_kind_target(ctx, request.target, *org, 1);
  std::vector<TargetCandidate> targets;
  if (many == 0) targets = resolve_targets(ctx, request.target, *org, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  // Passing the task down takes it on: an unacknowledged assignment is acknowledged first.
  Assignment parent = *received;
  if (parent.state == AssignmentState::kAssigned) {
    Result<Assignment> taken =
        transition(ctx, parent, AssignmentAction::kAssignDown, parent.version);
    if (!taken) return std::move(taken).error();
    parent = std::move(*taken);
  } else if (parent.state == AssignmentState::kAccepted) {
    return Error::conflict("assignment_state", {{"state", "accepted"}, {"action", "assign_down"}});
  }
  AssignmentBatch batch;
  const int64_t count = many > 0 ? many : static_cast<int64_t>(targets.size());
  if (count > ctx.services.fanout_inline_max &&
      request.target.mode != domain::TargetMode::kMember) {
    batch.today = ctx.today();
    batch.fanout =
        start_fanout(ctx, *directive, {{parent.task_id, due}}, *org, parent.id, request.target,
                     count, request.note, request.plan_document_id, plan_number);
  } else {
    batch = fan_out(ctx, *directive, {{parent.task_id, due}}, *org, parent.id, targets,
                    request.target.member, request.note, request.plan_document_id, plan_number);
  }
  AuditEntry entry =
      AuditEntry::about("assignment.assign_down", "assignment", parent.id, org->path.str());
  entry.with("directive_id", parent.directive_id)
      .with("created", batch.created)
      .with("skipped", batch.skipped)
      .with("plan_number", plan_number);
  if (batch.fanout) entry.with("fanout_id", batch.fanout->id);
  ctx.audit(entry);
  return batch;
}

Result<AssignmentView> get_assignment(Context& ctx, int64_t id) {
  Result<Assignment> assignment = readable_assignment(ctx, id);
  if (!assignment) return std::move(assignment).error();
  return assignment_view(ctx, std::move(*assignment));
}

Result<AssignmentView> acknowledge_assignment(Context& ctx, int64_t id, int64_t version) {
  return simple_step(ctx, id, version, AssignmentAction::kAcknowledge);
}

Result<AssignmentView> start_assignment(Context& ctx, int64_t id, int64_t version) {
  return simple_step(ctx, id, version, AssignmentAction::kStart);
}

namespace {

// A scheduled period's report: recorded for review, the assignment's state stays. Refused once
// the period has an accepted report, or while one waits for review.
Result<AssignmentView> submit_period_report(Context& ctx, Assignment assignment,
                                            const ReportRequest& request) {
  if (assignment.version != request.version) return Error::stale_version();
  if (assignment.state == AssignmentState::kAccepted)
    return Error::conflict("assignment_state", {{"state", "accepted"}, {"action", "report"}});
  for (const AssignmentReport& r : ctx.tx.directives().reports_of(assignment.id)) {
    if (r.period != request.period) continue;
    if (r.review == "accepted")
      return Error::conflict("directive_period_accepted", {{"period", request.period}});
    if (r.review == "pending")
      return Error::conflict("directive_period_pending", {{"period", request.period}});
  }
  AssignmentReport report;
  report.assignment_id = assignment.id;
  report.period = request.period;
  report.body = request.text;
  report.figures = figures_json(request.figures);
  report.document_id = request.document_id;
  report.attachment_note = request.attachment_note;
  report.submitted_by = ctx.actor.name;
  report.submitted_at = ctx.now();
  ctx.tx.directives().insert_report(report);
  AuditEntry entry = AuditEntry::about("assignment.period_report", "assignment", assignment.id,
                                       assignment.org_path.str());
  entry.with("directive_id", assignment.directive_id)
      .with("period", request.period)
      .with("report_id", report.id)
      .with("figures", request.figures.size());
  ctx.audit(entry);
  return assignment_view(ctx, std::move(assignment));
}

}  // namespace

Result<AssignmentView> submit_report(Context& ctx, int64_t id, const ReportRequest& request) {
  Result<Assignment> assignment =
      actionable(ctx, id, AssignmentAction::kReport, Permission::kDirectiveReport);
  if (!assignment) return std::move(assignment).error();
  std::vector<FieldError> errors;
  check_text("text", request.text, kReportChars, true, errors);
  check_text("attachment_note", request.attachment_note, kNoteChars, false, errors);
  for (size_t i = 0; i < request.figures.size(); ++i) {
    const std::string field = "figures[" + std::to_string(i) + "]";
    check_text(field + ".label", request.figures[i].label, 200, true, errors);
    check_text(field + ".unit", request.figures[i].unit, 50, false, errors);
  }
  if (request.document_id > 0) linked_document(ctx, request.document_id, "document_id", errors);
  check_period(ctx, *assignment, request.period, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (!request.period.empty() && request.period != domain::kFinalPeriod) {
    return submit_period_report(ctx, std::move(*assignment), request);
  }
  Result<Assignment> moved = transition(ctx, std::move(*assignment), AssignmentAction::kReport,
                                        request.version, {{"figures", request.figures.size()}});
  if (!moved) return std::move(moved).error();
  AssignmentReport report;
  report.period = request.period;
  report.assignment_id = moved->id;
  report.body = request.text;
  report.figures = figures_json(request.figures);
  report.document_id = request.document_id;
  report.attachment_note = request.attachment_note;
  report.submitted_by = ctx.actor.name;
  report.submitted_at = ctx.now();
  ctx.tx.directives().insert_report(report);
  return assignment_view(ctx, std::move(*moved));
}

Result<AssignmentView> accept_report(Context& ctx, int64_t id, int64_t version,
                                     const std::string& comment, const std::string& period) {
  return review(ctx, id, version, AssignmentAction::kAccept, comment, period);
}

Result<AssignmentView> return_report(Context& ctx, int64_t id, int64_t version,
                                     const std::string& comment, const std::string& period) {
  return review(ctx, id, version, AssignmentAction::kReturn, comment, period);
}

Result<AssignmentList> list_directive_assignments(Context& ctx, int64_t id,
                                                  const AssignmentListQuery& query) {
  Result<Directive> directive = readable_directive(ctx, id);
  if (!directive) return std::move(directive).error();
  const domain::Reach reach = reach_of(ctx, Permission::kDirectiveRead);
  AssignmentQuery filter;
  filter.directive_id = directive->id;
  if (query.org.valid()) {
    std::optional<Organization> org = ctx.tx.orgs().find(query.org);
    if (!org || !reach.covers(org->path)) return Error::not_found("organization");
    filter.subtree = org->path;
  } else if (!reach.covers(directive->org_path)) {
    // The reader's own parts of the tree under the issuer.
    for (const OrgPath& top : reach.subtrees) {
      if (directive->org_path.contains(top)) filter.within.push_back(top);
    }
    if (filter.within.empty()) return Error::not_found("organization");
  }
  filter.task_id = query.task_id;
  filter.state = query.state;
  if (query.overdue_only) filter.overdue_on = ctx.today();
  filter.offset = query.offset;
  filter.limit = query.limit;
  AssignmentPage page = ctx.tx.directives().assignments(filter);
  return AssignmentList{std::move(page.items), page.total, ctx.today()};
}

Result<AssignmentList> org_assignments(Context& ctx, OrgId org_id,
                                       const AssignmentListQuery& query) {
  std::optional<Organization> org = ctx.tx.orgs().find(org_id);
  if (!org || !reach_of(ctx, Permission::kDirectiveRead).covers(org->path))
    return Error::not_found("organization");
  AssignmentQuery filter;
  if (query.direction == "assigned") {
    filter.assigner_org_id = org->id;
  } else {
    filter.org_id = org->id;
  }
  filter.state = query.state;
  if (query.overdue_only) filter.overdue_on = ctx.today();
  filter.by_due = true;
  filter.offset = query.offset;
  filter.limit = query.limit;
  AssignmentPage page = ctx.tx.directives().assignments(filter);
  return AssignmentList{std::move(page.items), page.total, ctx.today()};
}

Result<AssignmentList> overdue_assignments(Context& ctx, const AssignmentListQuery& query) {
  const domain::Reach reach = reach_of(ctx, Permission::kDirectiveRead);
  if (!reach.everything && reach.subtrees.empty()) return Error::forbidden("forbidden");
  AssignmentQuery filter;
  if (query.org.valid()) {
    std::optional<Organization> org = ctx.tx.orgs().find(query.org);
    if (!org || !reach.covers(org->path)) return Error::not_found("organization");
    filter.subtree = org->path;
  } else if (!reach.everything) {
    filter.within = reach.subtrees;  // every subtree the reader reaches
  }
  filter.overdue_on = ctx.today();
  filter.by_due = true;
  filter.offset = query.offset;
  filter.limit = query.limit;
  AssignmentPage page = ctx.tx.directives().assignments(filter);
  return AssignmentList{std::move(page.items), page.total, ctx.today()};
}

namespace {

// Marks in batches until none is left; each batch's roll-up adjusted with it.
int64_t mark_in(Context& ctx, Date as_of, const std::optional<OrgPath>& subtree) {
  constexpr int kMarkBatch = 1000;
  int64_t marked = 0;
  for (;;) {
    std::vector<Assignment> batch = ctx.tx.directives().mark_overdue(as_of, subtree, kMarkBatch);
    std::map<int64_t, std::map<OrgId, domain::RollupCounts>> by_directive;
    domain::RollupCounts one;
    one.overdue = 1;
    for (const Assignment& a : batch) add_along(by_directive[a.directive_id], a.org_path, one);
    for (const auto& [directive, deltas] : by_directive)
      ctx.tx.directives().adjust_rollup(directive, deltas);
    marked += static_cast<int64_t>(batch.size());
    if (batch.size() < static_cast<size_t>(kMarkBatch)) break;
  }
  return marked;
}

}  // namespace

Result<int64_t> mark_overdue(Context& ctx, Date as_of) {
  const domain::Reach reach = reach_of(ctx, Permission::kDirectiveWrite);
  int64_t marked = 0;
  if (reach.everything) {
    marked = mark_in(ctx, as_of, std::nullopt);
  } else {
    for (const OrgPath& subtree : reach.subtrees) marked += mark_in(ctx, as_of, subtree);
  }
  if (marked > 0) {
    AuditEntry entry = AuditEntry::about("directive.mark_overdue", "directive", 0);
    entry.with("as_of", as_of.iso()).with("marked", marked);
    ctx.audit(entry);
  }
  return marked;
}

Result<int64_t> mark_period_overdue(Context& ctx, Date as_of) {
  const domain::Reach reach = reach_of(ctx, Permission::kDirectiveWrite);
  int64_t marked = 0;
  if (reach.everything) {
    marked = ctx.tx.directives().mark_period_overdue(as_of, std::nullopt);
  } else {
    for (const OrgPath& subtree : reach.subtrees)
      marked += ctx.tx.directives().mark_period_overdue(as_of, subtree);
  }
  if (marked > 0) {
    AuditEntry entry = AuditEntry::about("directive.mark_period_overdue", "directive", 0);
    entry.with("as_of", as_of.iso()).with("marked", marked);
    ctx.audit(entry);
  }
  return marked;
}

Result<OverdueMarked> mark_overdue_today(Context& ctx) {
  const domain::Reach reach = reach_of(ctx, Permission::kDirectiveWrite);
  if (!reach.everything && reach.subtrees.empty()) return Error::forbidden("forbidden");
  Result<int64_t> marked = mark_overdue(ctx, ctx.today());
  if (!marked) return std::move(marked).error();
  Result<int64_t> periods = mark_period_overdue(ctx, ctx.today());
  if (!periods) return std::move(periods).error();
  return OverdueMarked{ctx.today(), *marked, *periods};
}

Result<std::vector<DueAssignment>> due_assignments(Context& ctx, Date as_of, int within_days,
                                                   int limit) {
  const domain::Reach reach = reach_of(ctx, Permission::kDirectiveRead);
  if (!reach.everything) return Error::forbidden("forbidden");
  AssignmentQuery filter;
  filter.due_until = as_of.add_days(within_days);
  filter.by_due = true;
  filter.limit = limit;
  std::vector<DueAssignment> due;
  for (Assignment& a : ctx.tx.directives().assignments(filter).items) {
    const int days = as_of.serial() - a.due_on.serial();
    due.push_back({std::move(a), days});
  }
  return due;
}

}  // namespace chibo::app
