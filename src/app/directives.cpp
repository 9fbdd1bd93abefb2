// The directive-level use cases: issue, read, list, roll-up, study. Assignment use cases are in
// app/assignments.cpp.
#include "app/directives.h"

#include <algorithm>

#include "app/access_control.h"
#include "app/directive_support.h"
#include "domain/directives/directive_rules.h"
#include "domain/directives/study_rollup.h"
#include "text/fold.h"

namespace chibo::app {

using domain::Permission;
using namespace directive_support;

namespace {

DirectiveView directive_view(Context& ctx, Directive directive) {
  DirectiveView view;
  view.tasks = ctx.tx.directives().tasks_of(directive.id);
  for (DirectiveTask& task : view.tasks) task.periods = task_periods(ctx, task, task.due_on);
  const auto rollup = ctx.tx.directives().rollup(directive.id, {directive.org_id});
  if (auto it = rollup.find(directive.org_id); it != rollup.end()) view.rollup = it->second;
  view.may_assign = reach_of(ctx, Permission::kDirectiveWrite).covers(directive.org_path);
  view.fanouts = ctx.tx.directives().fanouts_of(directive.id, 10);
  if (std::optional<Organization> org = ctx.tx.orgs().find(directive.org_id)) view.org = *org;
  view.directive = std::move(directive);
  return view;
}

// The organization a subtree view is about: `org` when given (readable, inside the directive's
// issuer subtree), else the issuer when the actor reads it, else the actor's own top
// organization under the issuer.
Result<Organization> view_org(Context& ctx, const Directive& directive, OrgId org) {
  const domain::Reach reach = reach_of(ctx, Permission::kDirectiveRead);
  if (org.valid()) {
    std::optional<Organization> found = ctx.tx.orgs().find(org);
    if (!found || !reach.covers(found->path) || !directive.org_path.contains(found->path))
      return Error::not_found("organization");
    return std::move(*found);
  }
  if (reach.covers(directive.org_path)) {
    if (std::optional<Organization> found = ctx.tx.orgs().find(directive.org_id)) return *found;
  }
  for (const OrgPath& top : reach.subtrees) {
    if (directive.org_path.contains(top)) {
      if (std::optional<Organization> found = ctx.tx.orgs().find(top.leaf())) return *found;
    }
  }
  return Error::not_found("organization");
}

// The change of the roll-up's `studied` along `org`'s path when its own recorded attendance
// goes from `before` to `after`, by the rule of domain/directives/study_rollup.h (each member
// counted once: an organization counts the larger of its own attendance and its children's).
// Read from the stored roll-up before the change; stops where nothing changes any more.
std::map<OrgId, domain::RollupCounts> study_deltas(Context& ctx, int64_t directive_id,
                                                   const Organization& org, int64_t before,
                                                   int64_t after) {
  std::map<OrgId, domain::RollupCounts> deltas;
  if (before == after) return deltas;
  const std::vector<OrgId> path = org.path.ids();
  const auto stored = ctx.tx.directives().rollup(directive_id, path);
  auto studied_at = [&](OrgId id) -> int64_t {
    auto it = stored.find(id);
    return it == stored.end() ? 0 : it->second.studied;
  };
  auto children_studied = [&](OrgId id) -> int64_t {
    std::vector<OrgId> ids;
    for (const Organization& child : ctx.tx.orgs().children(id, true)) ids.push_back(child.id);
    int64_t sum = 0;
    for (const auto& [child, counts] : ctx.tx.directives().rollup(directive_id, ids))
      sum += counts.studied;
    return sum;
  };
  int64_t change = domain::studied_of(after, children_studied(org.id)) - studied_at(org.id);
  deltas[org.id].studied = change;
  for (size_t i = path.size() - 1; i-- > 0 && change != 0;) {
    const OrgId above = path[i];
    std::optional<DirectiveStudy> own = ctx.tx.directives().find_study(directive_id, above);
    const int64_t value =
        domain::studied_of(own ? own->attendees : 0, children_studied(above) + change);
    change = value - studied_at(above);
    deltas[above].studied = change;
  }
  return deltas;
}

}  // namespace

Result<DirectiveList> list_directives(Context& ctx, const DirectiveListQuery& query) {
  const domain::Reach reach = reach_of(ctx, Permission::kDirectiveRead);
  DirectiveQuery filter;
  if (!reach.everything) {
    if (reach.subtrees.empty()) return Error::forbidden("forbidden");
    filter.within = reach.subtrees;
  }
  if (query.org.valid()) {
    std::optional<Organization> org = ctx.tx.orgs().find(query.org);
    if (!org || !reach.covers(org->path)) return Error::not_found("organization");
    filter.subtree = org->path;
  }
  filter.kind = query.kind;
  filter.q = text::fold(query.q);
  filter.year = query.year;
  filter.status = query.status;
  filter.offset = query.offset;
  filter.limit = query.limit;
  DirectivePage page = ctx.tx.directives().page(filter);
  DirectiveList list;
  list.total = page.total;
  std::vector<OrgId> ids;
  for (const Directive& d : page.items) ids.push_back(d.org_id);
  for (Organization& org : ctx.tx.orgs().find_many(ids)) list.orgs[org.id] = std::move(org);
  list.items = std::move(page.items);
  return list;
}

Result<DirectiveView> issue_directive(Context& ctx, const DirectiveRequest& request) {
  const domain::Reach write = reach_of(ctx, Permission::kDirectiveWrite);
  if (!write.everything && write.subtrees.empty()) return Error::forbidden("forbidden");
  std::optional<Organization> org = ctx.tx.orgs().find(request.org);
  if (!org || !reach_of(ctx, Permission::kDirectiveRead).covers(org->path))
    return Error::invalid_field("org_id", "org_not_found");
  if (!reach_of(ctx, Permission::kDirectiveWrite).covers(org->path))
    return Error::forbidden("forbidden");
  if (!org->active()) return Error::invalid_field("org_id", "org_not_active");
  std::vector<FieldError> errors;
  if (!domain::known_directive_kind(request.kind))
    errors.push_back(
        {"kind", request.kind.empty() ? "required" : "unknown_code", {{"subject", "directive"}}});
  check_text("title", request.title, kTitleChars, true, errors);
  check_text("summary", request.summary, kSummaryChars, false, errors);
  check_text("number_symbol", request.number_symbol, kNumberChars, false, errors);
  if (request.issued_on > ctx.today()) errors.push_back({"issued_on", "date_in_future", {}});
  std::string number_symbol = request.number_symbol;
  if (request.document_id > 0) {
    if (!request.number_symbol.empty()) {
      errors.push_back({"number_symbol", "one_of", {{"fields", "document_id, number_symbol"}}});
    } else {
      number_symbol = linked_document(ctx, request.document_id, "document_id", errors);
    }
  }
  if (request.tasks.empty()) errors.push_back({"tasks", "required", {}});
  std::vector<DirectiveTask> tasks;
  Result<domain::PeriodReportDue> period_due =
      domain::period_report_due(ctx.services.rules, request.issued_on);
  for (size_t i = 0; i < request.tasks.size(); ++i) {
    const TaskInput& input = request.tasks[i];
    const std::string field = "tasks[" + std::to_string(i) + "]";
    check_text(field + ".title", input.title, kTaskTitleChars, true, errors);
    check_text(field + ".description", input.description, kNoteChars, false, errors);
    std::optional<Date> due =
        domain::task_due_date({input.due_on, input.due_working_days}, request.issued_on,
                              ctx.services.calendar, field, errors);
    DirectiveTask task;
    task.position = static_cast<int>(i + 1);
    task.title = input.title;
    task.description = input.description;
    task.due_on = due.value_or(Date());
    task.due_working_days = input.due_working_days;
    if (input.report_schedule && due) {
      const std::string sfield = field + ".report_schedule";
      std::optional<domain::ReportCadence> cadence =
          domain::parse_report_cadence(input.report_schedule->cadence);
      if (!cadence) {
        errors.push_back({sfield + ".cadence",
                          input.report_schedule->cadence.empty() ? "required" : "unknown_code",
                          {{"value", input.report_schedule->cadence}}});
      } else if (!period_due) {
        return std::move(period_due).error();
      } else {
        domain::ReportSchedule schedule{*cadence, input.report_schedule->final_due_on};
        const size_t before = errors.size();
        domain::check_report_schedule(schedule, request.issued_on, *due, sfield, errors);
        if (errors.size() == before) {
          Result<std::vector<domain::ReportPeriod>> periods = domain::report_periods(
              schedule, request.issued_on, *due, *period_due, ctx.services.calendar);
          if (!periods) {
            errors.push_back(
                {sfield, "calendar_year_missing",
                 periods.error().fields.empty() ? Params{} : periods.error().fields[0].params});
          } else {
            task.report_schedule = schedule;
            task.periods = std::move(*periods);
          }
        }
      }
    }
    tasks.push_back(std::move(task));
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  Directive directive;
  directive.org_id = org->id;
  directive.org_path = org->path;
  directive.kind = request.kind;
  directive.title = request.title;
  directive.document_id = request.document_id;
  directive.number_symbol = number_symbol;
  directive.issued_on = request.issued_on;
  directive.summary = request.summary;
  directive.search_text = domain::directive_search_text(directive.title, number_symbol);
  directive.created_by = ctx.actor.name;
  directive.created_at = directive.updated_at = ctx.now();
  ctx.tx.directives().insert(directive);
  for (DirectiveTask& task : tasks) {
    task.directive_id = directive.id;
    task.created_at = directive.created_at;
  }
  ctx.tx.directives().insert_tasks(tasks);
  for (const DirectiveTask& task : tasks) {
    if (task.report_schedule) ctx.tx.directives().insert_task_periods(task.id, task.periods);
  }
  AuditEntry entry =
      AuditEntry::about("directive.issue", "directive", directive.id, org->path.str());
  nlohmann::json task_json = nlohmann::json::array();
  for (const DirectiveTask& t : tasks)
    task_json.push_back({{"id", t.id},
                         {"due_on", t.due_on.iso()},
                         {"report_cadence", t.report_schedule ? std::string(domain::cadence_code(
                                                                    t.report_schedule->cadence))
                                                              : std::string()}});
  entry.with("kind", directive.kind)
      .with("title", directive.title)
      .with("number_symbol", directive.number_symbol)
      .with("issued_on", directive.issued_on.iso())
      .with("tasks", std::move(task_json));
  ctx.audit(entry);
  directive.task_count = static_cast<int64_t>(tasks.size());
  return directive_view(ctx, std::move(directive));
}

Result<DirectiveView> get_directive(Context& ctx, int64_t id) {
  Result<Directive> directive = readable_directive(ctx, id);
  if (!directive) return std::move(directive).error();
  return directive_view(ctx, std::move(*directive));
}

Result<RollupView> directive_rollup(Context& ctx, int64_t id, OrgId org_id) {
  Result<Directive> directive = readable_directive(ctx, id);
  if (!directive) return std::move(directive).error();
  Result<Organization> org = view_org(ctx, *directive, org_id);
  if (!org) return std::move(org).error();
  RollupView view;
  view.directive_id = directive->id;
  view.as_of = ctx.today();
  // The breadcrumb: the organizations on the path the reader sees, from the issuer down.
  const domain::Reach reach = reach_of(ctx, Permission::kDirectiveRead);
  std::vector<OrgId> crumbs;
  for (const OrgId& on_path : org->path.ids()) {
    if (on_path == org->id) break;
    crumbs.push_back(on_path);
  }
  std::map<OrgId, Organization> crumb_orgs;
  for (Organization& o : ctx.tx.orgs().find_many(crumbs)) crumb_orgs[o.id] = std::move(o);
  for (const OrgId& crumb : crumbs) {
    auto it = crumb_orgs.find(crumb);
    if (it != crumb_orgs.end() && reach.covers(it->second.path) &&
        directive->org_path.contains(it->second.path)) {
      view.path.push_back(it->second);
    }
  }
  view.path.push_back(*org);
  std::vector<Organization> children = ctx.tx.orgs().children(org->id, false);
  std::vector<OrgId> ids = {org->id};
  for (const Organization& child : children) ids.push_back(child.id);
  const auto counts = ctx.tx.directives().rollup(directive->id, ids);
  const auto members = ctx.tx.orgs().counts(ids);
  std::vector<OrgId> child_ids(ids.begin() + 1, ids.end());
  const auto grandchildren = ctx.tx.orgs().active_child_counts(child_ids);
  auto row_of = [&](const Organization& o) {
    RollupRow row;
    row.org = o;
    if (auto it = counts.find(o.id); it != counts.end()) row.counts = it->second;
    if (auto it = members.find(o.id); it != members.end()) row.members = it->second.on_roll;
    if (auto it = grandchildren.find(o.id); it != grandchildren.end())
      row.has_children = it->second > 0;
    return row;
  };
  view.org = row_of(*org);
  view.org.has_children = !children.empty();
  view.period_overdue = ctx.tx.directives().period_overdue_count(directive->id, org->path);
  for (const Organization& child : children) {
    RollupRow row = row_of(child);
    if (row.counts.total == 0 && row.counts.studied == 0) continue;
    view.children.push_back(std::move(row));
  }
  std::stable_sort(view.children.begin(), view.children.end(),
                   [](const RollupRow& a, const RollupRow& b) {
                     return domain::lags_behind(a.counts, b.counts);
                   });
  return view;
}

Result<StudyList> list_studies(Context& ctx, int64_t id, OrgId org_id) {
  Result<Directive> directive = readable_directive(ctx, id);
  if (!directive) return std::move(directive).error();
  Result<Organization> org = view_org(ctx, *directive, org_id);
  if (!org) return std::move(org).error();
  StudyList list;
  list.items = ctx.tx.directives().studies_in(directive->id, org->path);
  return list;
}

Result<DirectiveStudy> record_study(Context& ctx, int64_t id, const StudyRequest& request) {
  Result<Directive> directive = readable_directive(ctx, id);
  if (!directive) return std::move(directive).error();
  std::optional<Organization> org = ctx.tx.orgs().find(request.org);
  if (!org || !reach_of(ctx, Permission::kDirectiveRead).covers(org->path) ||
      !directive->org_path.contains(org->path)) {
    return Error::invalid_field("org_id", "org_not_found");
  }
  if (!reach_of(ctx, Permission::kDirectiveReport).covers(org->path))
    return Error::forbidden("forbidden");
  int64_t members = 0;
  const auto counts = ctx.tx.orgs().counts({org->id});
  if (auto it = counts.find(org->id); it != counts.end()) members = it->second.on_roll;
  std::vector<FieldError> errors;
  if (request.held_on < directive->issued_on) {
    errors.push_back({"held_on", "before_issued_on", {{"issued_on", directive->issued_on.iso()}}});
  } else if (request.held_on > ctx.today()) {
    errors.push_back({"held_on", "date_in_future", {}});
  }
  if (request.attendees < 0) {
    errors.push_back({"attendees", "out_of_range", {{"min", "0"}}});
  } else if (request.attendees > members) {
    errors.push_back({"attendees", "exceeds_members", {{"max", std::to_string(members)}}});
  }
  check_text("note", request.note, kNoteChars, false, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  std::optional<DirectiveStudy> existing = ctx.tx.directives().find_study(directive->id, org->id);
  DirectiveStudy study;
  int64_t before_attendees = 0;
  if (existing) {
    if (!request.version || *request.version != existing->version) return Error::stale_version();
    before_attendees = existing->attendees;
    study = *existing;
  } else {
    study.directive_id = directive->id;
    study.org_id = org->id;
    study.org_path = org->path;
    study.created_at = ctx.now();
  }
  study.held_on = request.held_on;
  study.attendees = request.attendees;
  study.members = members;
  study.note = request.note;
  study.updated_at = ctx.now();
  if (existing) {
    if (!ctx.tx.directives().update_study(study, *existing)) return Error::stale_version();
  } else {
    ctx.tx.directives().insert_study(study);
  }
  ctx.tx.directives().adjust_rollup(
      directive->id, study_deltas(ctx, directive->id, *org, before_attendees, study.attendees));
  AuditEntry entry =
      AuditEntry::about("directive.study", "directive", directive->id, org->path.str());
  entry.with("organization_id", org->id.value)
      .with("held_on", study.held_on.iso())
      .with("attendees", study.attendees)
      .with("members", members);
  ctx.audit(entry);
  study.org_name = org->name;
  study.org_kind = org->kind;
  return study;
}

}  // namespace chibo::app
