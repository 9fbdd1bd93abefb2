// The directives cascade (issue 13): directives and their tasks, the assignments tree (fan-out,
// passing down, acknowledging, reporting, accepting or returning), study sessions, the roll-up
// per subtree, an organization's received and given assignments, overdue lists.
#include <tuple>

#include "app/directives.h"
#include "http/api.h"
#include "http/endpoint.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/lifecycle_json.h"
#include "http/problem.h"
#include "http/query_params.h"
#include "http/request_body.h"

namespace chibo::http {

// Named (not anonymous): route files are compiled in unity batches.
namespace directive_http {

using nlohmann::json;

constexpr long long kMaxLimit = 500;

json org_ref_json(OrgId id, const std::string& name, const std::string& kind) {
  return {{"id", id.value}, {"name", name}, {"kind", kind}};
}

json counts_json(const domain::RollupCounts& c, int64_t members) {
  return {{"total", c.total},
          {"assigned", c.assigned},
          {"acknowledged", c.acknowledged},
          {"in_progress", c.in_progress},
          {"reported", c.reported},
          {"accepted", c.accepted},
          {"returned", c.returned},
          {"overdue", c.overdue},
          {"studied", c.studied},
          {"members", members}};
}

json period_json(const domain::ReportPeriod& p) {
  return {{"period", p.key},
          {"starts_on", p.starts_on.iso()},
          {"ends_on", p.ends_on.iso()},
          {"due_on", p.due_on.iso()}};
}

json schedule_json(const app::DirectiveTask& t) {
  if (!t.report_schedule) return nullptr;
  json periods = json::array();
  for (const domain::ReportPeriod& p : t.periods) periods.push_back(period_json(p));
  const auto& final_due = t.report_schedule->final_due_on;
  return {{"cadence", std::string(domain::cadence_code(t.report_schedule->cadence))},
          {"final_due_on", final_due ? json(final_due->iso()) : json(nullptr)},
          {"periods", std::move(periods)}};
}

json task_json(const app::DirectiveTask& t) {
  return {{"id", t.id},
          {"position", t.position},
          {"title", t.title},
          {"description", t.description},
          {"due_on", t.due_on.iso()},
          {"due_working_days", t.due_working_days ? json(*t.due_working_days) : json(nullptr)},
          {"report_schedule", schedule_json(t)}};
}

json directive_item_json(const app::Directive& d, const std::string& org_name,
                         const std::string& org_kind) {
  return {{"id", d.id},
          {"kind", d.kind},
          {"title", d.title},
          {"org", org_ref_json(d.org_id, org_name, org_kind)},
          {"issued_on", d.issued_on.iso()},
          {"number_symbol", d.number_symbol},
          {"document_id", d.document_id > 0 ? json(d.document_id) : json(nullptr)},
          {"task_count", d.task_count},
          {"version", d.version}};
}

json fanout_json(const app::DirectiveFanout& f) {
  json tasks = json::array();
  for (const auto& [task, due] : f.tasks) tasks.push_back(task);
  return {{"id", f.id},
          {"state", f.state},
          {"parent_id", f.parent_id > 0 ? json(f.parent_id) : json(nullptr)},
          {"assigner_org_id", f.assigner_org_id.value},
          {"task_ids", std::move(tasks)},
          {"target_mode", f.target_mode},
          {"target_kind", f.target_kind},
          {"total", f.total},
          {"done", f.done},
          {"created", f.created},
          {"skipped", f.skipped},
          {"created_at", f.created_at},
          {"updated_at", f.updated_at},
          {"finished_at", text_or_null(f.finished_at)}};
}

json directive_json(const app::DirectiveView& view) {
  json body = directive_item_json(view.directive, view.org.name, view.org.kind);
  json tasks = json::array();
  for (const app::DirectiveTask& t : view.tasks) tasks.push_back(task_json(t));
  body["task_count"] = view.tasks.size();
  body["summary"] = view.directive.summary;
  body["tasks"] = std::move(tasks);
  body["rollup"] = counts_json(view.rollup, 0);
  body["may_assign"] = view.may_assign;
  body["created_at"] = view.directive.created_at;
  json fanouts = json::array();
  for (const app::DirectiveFanout& f : view.fanouts) fanouts.push_back(fanout_json(f));
  body["fanouts"] = std::move(fanouts);
  return body;
}

json directive_list_json(const app::DirectiveList& list) {
  json items = json::array();
  for (const app::Directive& d : list.items) {
    auto org = list.orgs.find(d.org_id);
    items.push_back(directive_item_json(d, org != list.orgs.end() ? org->second.name : "",
                                        org != list.orgs.end() ? org->second.kind : ""));
  }
  return {{"items", std::move(items)}, {"total", list.total}};
}

json assignment_json(const app::Assignment& a, Date today) {
  return {
      {"id", a.id},
      {"directive_id", a.directive_id},
      {"directive_title", a.directive_title},
      {"number_symbol", a.number_symbol},
      {"task_id", a.task_id},
      {"task_title", a.task_title},
      {"parent_id", a.parent_id > 0 ? json(a.parent_id) : json(nullptr)},
      {"assigner_org", org_ref_json(a.assigner_org_id, a.assigner_name, a.assigner_kind)},
      {"org", org_ref_json(a.org_id, a.org_name, a.org_kind)},
      {"member", a.member_id.valid() ? json{{"id", a.member_id.value}, {"full_name", a.member_name}}
                                     : json(nullptr)},
      {"state", std::string(domain::state_code(a.state))},
      {"due_on", a.due_on.iso()},
      {"overdue", domain::is_overdue(a.state, a.due_on, today)},
      {"note", a.note},
      {"plan_document_id", a.plan_document_id > 0 ? json(a.plan_document_id) : json(nullptr)},
      {"plan_number", a.plan_number},
      {"version", a.version},
      {"created_at", a.created_at},
      {"updated_at", a.updated_at}};
}

json assignment_list_json(const app::AssignmentList& list) {
  json items = json::array();
  for (const app::Assignment& a : list.items) items.push_back(assignment_json(a, list.today));
  return {{"items", std::move(items)}, {"total", list.total}};
}

json batch_json(const app::AssignmentBatch& batch) {
  json items = json::array();
  for (const app::Assignment& a : batch.items) items.push_back(assignment_json(a, batch.today));
  return {{"created", batch.created},
          {"skipped", batch.skipped},
          {"items", std::move(items)},
          {"fanout", batch.fanout ? fanout_json(*batch.fanout) : json(nullptr)}};
}

json report_json(const app::AssignmentReport& r) {
  json figures = json::parse(r.figures.empty() ? "[]" : r.figures, nullptr, false);
  if (figures.is_discarded()) figures = json::array();
  return {{"id", r.id},
          {"text", r.body},
          {"figures", std::move(figures)},
          {"document_id", r.document_id > 0 ? json(r.document_id) : json(nullptr)},
          {"attachment_note", r.attachment_note},
          {"submitted_at", r.submitted_at},
          {"review", r.review},
          {"review_comment", r.review_comment},
          {"reviewed_at", text_or_null(r.reviewed_at)},
          {"period", text_or_null(r.period)}};
}

json assignment_detail_json(const app::AssignmentView& view) {
  json body = assignment_json(view.assignment, view.today);
  json reports = json::array();
  for (const app::AssignmentReport& r : view.reports) reports.push_back(report_json(r));
  body["reports"] = std::move(reports);
  json periods = json::array();
  for (const app::AssignmentPeriod& p : view.periods) {
    json item = period_json(p.period);
    item["state"] = std::string(domain::period_state_code(p.state));
    periods.push_back(std::move(item));
  }
  body["periods"] = std::move(periods);
  body["children"] = counts_json(view.children, 0);
  body["may_report"] = view.may_report;
  body["may_review"] = view.may_review;
  body["may_assign"] = view.may_assign;
  return body;
}

json rollup_row_json(const app::RollupRow& row) {
  const domain::RollupPercents p = domain::percents_of(row.counts, row.members);
  return {{"org", org_ref_json(row.org.id, row.org.name, row.org.kind)},
          {"counts", counts_json(row.counts, row.members)},
          {"percents",
           {{"acknowledged", p.acknowledged},
            {"reported", p.reported},
            {"accepted", p.accepted},
            {"overdue", p.overdue},
            {"studied", p.studied}}},
          {"status", std::string(domain::rollup_status(row.counts))},
          {"has_children", row.has_children}};
}

json rollup_json(const app::RollupView& view) {
  json path = json::array();
  for (const domain::Organization& o : view.path)
    path.push_back(org_ref_json(o.id, o.name, o.kind));
  json children = json::array();
  for (const app::RollupRow& row : view.children) children.push_back(rollup_row_json(row));
  return {{"directive_id", view.directive_id}, {"as_of", view.as_of.iso()},
          {"path", std::move(path)},           {"org", rollup_row_json(view.org)},
          {"children", std::move(children)},   {"period_overdue", view.period_overdue}};
}

json study_json(const app::DirectiveStudy& s) {
  return {{"id", s.id},
          {"directive_id", s.directive_id},
          {"org", org_ref_json(s.org_id, s.org_name, s.org_kind)},
          {"held_on", s.held_on.iso()},
          {"attendees", s.attendees},
          {"members", s.members},
          {"note", s.note},
          {"version", s.version}};
}

json study_list_json(const app::StudyList& list) {
  json items = json::array();
  for (const app::DirectiveStudy& s : list.items) items.push_back(study_json(s));
  return {{"items", std::move(items)}};
}

// --- decoding -------------------------------------------------------------------------------

Error bad_query(std::vector<FieldError> errors) {
  return Error::malformed("invalid_parameter").with_fields(std::move(errors));
}

std::optional<std::string> enum_param(QueryParams& params, const std::string& name,
                                      std::initializer_list<const char*> allowed,
                                      std::vector<FieldError>& errors) {
  const auto text = params.text(name);
  if (!text || text->empty()) return std::nullopt;
  for (const char* value : allowed) {
    if (*text == value) return *text;
  }
  errors.push_back({name, "unknown_code", {{"value", text->substr(0, 40)}}});
  return std::nullopt;
}

constexpr std::initializer_list<const char*> kStates = {"assigned", "acknowledged", "in_progress",
                                                        "reported", "accepted",     "returned"};
constexpr std::initializer_list<const char*> kKinds = {
    "resolution", "directive", "conclusion", "plan", "programme", "higher_document"};

void read_page(QueryParams& params, app::AssignmentListQuery& query) {
  query.offset = params.integer("offset", 0, INT64_MAX).value_or(0);
  query.limit = static_cast<int>(params.integer("limit", 1, kMaxLimit).value_or(50));
}

void read_state_filters(QueryParams& params, app::AssignmentListQuery& query,
                        std::vector<FieldError>& errors) {
  if (auto state = enum_param(params, "state", kStates, errors))
    query.state = domain::parse_state(*state);
  query.overdue_only = params.flag("overdue").value_or(false);
}

Result<long long> path_of(const HttpRequest& request, const char* what) {
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found(what);
  return *id;
}

Result<std::tuple<app::DirectiveListQuery>> decode_list(const HttpRequest& request) {
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  app::DirectiveListQuery query;
  if (const auto org = params.integer("org", 1, INT64_MAX)) query.org = OrgId(*org);
  query.kind = enum_param(params, "kind", kKinds, errors).value_or("");
  for (FieldError& error : errors)
    if (error.field == "kind") error.params.emplace_back("subject", "directive");
  if (const auto q = params.text("q")) {
    if (q->size() > 800) {
      errors.push_back({"q", "too_long", {{"max", "200"}}});
    } else {
      query.q = *q;
    }
  }
  if (const auto year = params.integer("year", 1930, 2200)) query.year = static_cast<int>(*year);
  query.status = enum_param(params, "status", {"open", "done", "overdue"}, errors).value_or("");
  query.offset = params.integer("offset", 0, INT64_MAX).value_or(0);
  query.limit = static_cast<int>(params.integer("limit", 1, kMaxLimit).value_or(50));
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return bad_query(std::move(errors));
  return std::tuple{std::move(query)};
}

// A date field that must be there.
std::optional<Date> required_date(JsonFields& fields, const std::string& name,
                                  std::vector<FieldError>& errors) {
  return read_date_field(fields, name, true, errors);
}

// A positive id field, optional.
int64_t optional_id(JsonFields& fields, const std::string& name) {
  if (!fields.has(name)) return 0;
  const auto value = fields.nullable_integer(name);
  if (!value || !value->has_value()) return 0;
  if (**value < 1) {
    fields.add_error({name, "invalid_id", {}});
    return 0;
  }
  return **value;
}

std::vector<app::TaskInput> read_tasks(JsonFields& fields, std::vector<FieldError>& errors) {
  std::vector<app::TaskInput> tasks;
  const json* raw = fields.raw("tasks");
  if (!raw || raw->is_null()) return tasks;
  if (!raw->is_array()) {
    errors.push_back({"tasks", "wrong_type", {{"expected_code", "array"}}});
    return tasks;
  }
  if (raw->size() > 100) {
    errors.push_back({"tasks", "too_many", {{"max", "100"}}});
    return tasks;
  }
  for (size_t i = 0; i < raw->size(); ++i) {
    const std::string field = "tasks[" + std::to_string(i) + "]";
    const json& item = (*raw)[i];
    if (!item.is_object()) {
      errors.push_back({field, "wrong_type", {{"expected_code", "object"}}});
      continue;
    }
    JsonFields task_fields(item);
    std::vector<FieldError> task_errors;
    app::TaskInput task;
    task.title = read_text_field(task_fields, "title", 500, task_errors);
    task.description = read_text_field(task_fields, "description", 4000, task_errors);
    task.due_on = read_date_field(task_fields, "due_on", false, task_errors);
    if (task_fields.has("due_working_days")) {
      if (const auto days = task_fields.integer("due_working_days", false)) {
        if (*days < 1 || *days > 1000) {
          task_errors.push_back(
              {"due_working_days", "out_of_range", {{"min", "1"}, {"max", "1000"}}});
        } else {
          task.due_working_days = static_cast<int>(*days);
        }
      }
    }
    if (const json* schedule = task_fields.raw("report_schedule");
        schedule && !schedule->is_null()) {
      if (!schedule->is_object()) {
        task_errors.push_back({"report_schedule", "wrong_type", {{"expected_code", "object"}}});
      } else {
        JsonFields schedule_fields(*schedule);
        std::vector<FieldError> own;
        app::ReportScheduleInput input;
        input.cadence = read_text_field(schedule_fields, "cadence", 20, own);
        input.final_due_on = read_date_field(schedule_fields, "final_due_on", false, own);
        for (FieldError& e : schedule_fields.finish()) own.push_back(std::move(e));
        for (FieldError& e : own) {
          e.field = "report_schedule." + e.field;
          task_errors.push_back(std::move(e));
        }
        task.report_schedule = std::move(input);
      }
    }
    for (FieldError& e : task_fields.finish()) task_errors.push_back(std::move(e));
    for (FieldError& e : task_errors) {
      e.field = field + "." + e.field;
      errors.push_back(std::move(e));
    }
    // A task with a broken due field is reported there, not again as "one of".
    if (task_errors.empty() || task.due_on || task.due_working_days)
      tasks.push_back(std::move(task));
  }
  return tasks;
}

std::optional<domain::AssignmentTarget> read_target(JsonFields& fields,
                                                    std::vector<FieldError>& errors) {
  const json* raw = fields.raw("target");
  if (!raw || raw->is_null()) {
    errors.push_back({"target", "required", {}});
    return std::nullopt;
  }
  if (!raw->is_object()) {
    errors.push_back({"target", "wrong_type", {{"expected_code", "object"}}});
    return std::nullopt;
  }
  JsonFields target_fields(*raw);
  std::vector<FieldError> own;
  domain::AssignmentTarget target;
  const std::string mode = read_text_field(target_fields, "mode", 20, own);
  const std::optional<domain::TargetMode> parsed = domain::parse_target_mode(mode);
  if (mode.empty()) {
    own.push_back({"mode", "required", {}});
  } else if (!parsed) {
    own.push_back({"mode", "unknown_code", {{"value", mode.substr(0, 40)}}});
  } else {
    target.mode = *parsed;
  }
  target.kind = read_text_field(target_fields, "kind", 40, own);
  if (const json* ids = target_fields.raw("org_ids"); ids && !ids->is_null()) {
    if (!ids->is_array()) {
      own.push_back({"org_ids", "wrong_type", {{"expected_code", "array"}}});
    } else {
      for (size_t i = 0; i < ids->size(); ++i) {
        const json& id = (*ids)[i];
        if (!id.is_number_integer() || id.get<long long>() < 1) {
          own.push_back(
              {"org_ids[" + std::to_string(i) + "]", "wrong_type", {{"expected_code", "integer"}}});
        } else {
          target.orgs.push_back(OrgId(id.get<long long>()));
        }
      }
    }
  }
  if (const int64_t member = optional_id(target_fields, "member_id"))
    target.member = MemberId(member);
  for (FieldError& e : target_fields.finish()) own.push_back(std::move(e));
  for (FieldError& e : own) {
    e.field = "target." + e.field;
    errors.push_back(std::move(e));
  }
  if (!own.empty()) return std::nullopt;
  return target;
}

Result<std::tuple<app::DirectiveRequest>> decode_issue(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::DirectiveRequest out;
  if (const auto org = fields.integer("org_id", true)) out.org = OrgId(*org);
  out.kind = read_text_field(fields, "kind", 40, errors);
  for (FieldError& error : errors)  // "kind" of a directive, not of an organization
    if (error.field == "kind") error.params.emplace_back("subject", "directive");
  out.title = read_text_field(fields, "title", 1000, errors);
  const std::optional<Date> issued_on = required_date(fields, "issued_on", errors);
  out.document_id = optional_id(fields, "document_id");
  out.number_symbol = read_text_field(fields, "number_symbol", 100, errors);
  out.summary = read_text_field(fields, "summary", 8000, errors);
  if (!fields.has("tasks")) errors.push_back({"tasks", "required", {}});
  out.tasks = read_tasks(fields, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  out.issued_on = *issued_on;
  return std::tuple{std::move(out)};
}

Result<std::tuple<int64_t>> decode_directive_id(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = path_of(request, "directive");
  if (!id) return std::move(id).error();
  return std::tuple<int64_t>(*id);
}

Result<std::tuple<int64_t>> decode_assignment_id(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = path_of(request, "assignment");
  if (!id) return std::move(id).error();
  return std::tuple<int64_t>(*id);
}

Result<std::tuple<int64_t, OrgId>> decode_directive_org(const HttpRequest& request) {
  Result<long long> id = path_of(request, "directive");
  if (!id) return std::move(id).error();
  QueryParams params(request.query);
  OrgId org;
  if (const auto value = params.integer("org", 1, INT64_MAX)) org = OrgId(*value);
  if (std::vector<FieldError> errors = params.finish(); !errors.empty())
    return bad_query(std::move(errors));
  return std::tuple{static_cast<int64_t>(*id), org};
}

Result<std::tuple<int64_t, app::AssignmentListQuery>> decode_directive_assignments(
    const HttpRequest& request) {
  Result<long long> id = path_of(request, "directive");
  if (!id) return std::move(id).error();
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  app::AssignmentListQuery query;
  if (const auto org = params.integer("org", 1, INT64_MAX)) query.org = OrgId(*org);
  if (const auto task = params.integer("task", 1, INT64_MAX)) query.task_id = *task;
  read_state_filters(params, query, errors);
  read_page(params, query);
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return bad_query(std::move(errors));
  return std::tuple{static_cast<int64_t>(*id), std::move(query)};
}

Result<std::tuple<OrgId, app::AssignmentListQuery>> decode_org_assignments(
    const HttpRequest& request) {
  Result<long long> id = path_of(request, "organization");
  if (!id) return std::move(id).error();
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  app::AssignmentListQuery query;
  query.direction =
      enum_param(params, "direction", {"received", "assigned"}, errors).value_or("received");
  read_state_filters(params, query, errors);
  read_page(params, query);
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return bad_query(std::move(errors));
  return std::tuple{OrgId(*id), std::move(query)};
}

Result<std::tuple<app::AssignmentListQuery>> decode_overdue(const HttpRequest& request) {
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  app::AssignmentListQuery query;
  if (const auto org = params.integer("org", 1, INT64_MAX)) query.org = OrgId(*org);
  read_page(params, query);
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return bad_query(std::move(errors));
  return std::tuple{std::move(query)};
}

std::vector<int64_t> read_task_ids(JsonFields& fields, std::vector<FieldError>& errors) {
  std::vector<int64_t> ids;
  const json* raw = fields.raw("task_ids");
  if (!raw || raw->is_null()) {
    errors.push_back({"task_ids", "required", {}});
    return ids;
  }
  if (!raw->is_array()) {
    errors.push_back({"task_ids", "wrong_type", {{"expected_code", "array"}}});
    return ids;
  }
  for (size_t i = 0; i < raw->size(); ++i) {
    const json& item = (*raw)[i];
    if (!item.is_number_integer() || item.get<long long>() < 1) {
      errors.push_back(
          {"task_ids[" + std::to_string(i) + "]", "wrong_type", {{"expected_code", "integer"}}});
      continue;
    }
    ids.push_back(item.get<long long>());
  }
  if (raw->empty()) errors.push_back({"task_ids", "required", {}});
  return ids;
}

Result<std::tuple<int64_t, app::AssignRequest>> decode_assign(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = path_of(request, "directive");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::AssignRequest out;
  out.task_ids = read_task_ids(fields, errors);
  std::optional<domain::AssignmentTarget> target = read_target(fields, errors);
  out.due_on = read_date_field(fields, "due_on", false, errors);
  out.note = read_text_field(fields, "note", 4000, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  out.target = std::move(*target);
  return std::tuple{static_cast<int64_t>(*id), std::move(out)};
}

Result<std::tuple<int64_t, app::SubAssignRequest>> decode_sub_assign(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = path_of(request, "assignment");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::SubAssignRequest out;
  std::optional<domain::AssignmentTarget> target = read_target(fields, errors);
  out.due_on = read_date_field(fields, "due_on", false, errors);
  out.note = read_text_field(fields, "note", 4000, errors);
  out.plan_document_id = optional_id(fields, "plan_document_id");
  out.plan_number = read_text_field(fields, "plan_number", 100, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  out.target = std::move(*target);
  return std::tuple{static_cast<int64_t>(*id), std::move(out)};
}

Result<std::tuple<int64_t, int64_t>> decode_step(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = path_of(request, "assignment");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  const int64_t version = body->version();
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{static_cast<int64_t>(*id), version};
}

Result<std::tuple<int64_t, int64_t, std::string, std::string>> decode_review(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = path_of(request, "assignment");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  const int64_t version = body->version();
  std::string comment = read_text_field(body->fields(), "comment", 4000, body->errors());
  std::string period = read_text_field(body->fields(), "period", 20, body->errors());
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{static_cast<int64_t>(*id), version, std::move(comment), std::move(period)};
}

std::vector<app::ReportFigure> read_figures(JsonFields& fields, std::vector<FieldError>& errors) {
  std::vector<app::ReportFigure> figures;
  const json* raw = fields.raw("figures");
  if (!raw || raw->is_null()) return figures;
  if (!raw->is_array()) {
    errors.push_back({"figures", "wrong_type", {{"expected_code", "array"}}});
    return figures;
  }
  if (raw->size() > 100) {
    errors.push_back({"figures", "too_many", {{"max", "100"}}});
    return figures;
  }
  for (size_t i = 0; i < raw->size(); ++i) {
    const std::string field = "figures[" + std::to_string(i) + "]";
    const json& item = (*raw)[i];
    if (!item.is_object()) {
      errors.push_back({field, "wrong_type", {{"expected_code", "object"}}});
      continue;
    }
    JsonFields figure_fields(item);
    std::vector<FieldError> own;
    app::ReportFigure figure;
    figure.label = read_text_field(figure_fields, "label", 200, own);
    if (figure.label.empty() && own.empty()) own.push_back({"label", "required", {}});
    figure.unit = read_text_field(figure_fields, "unit", 50, own);
    const json* value = figure_fields.raw("value");
    if (!value || value->is_null()) {
      own.push_back({"value", "required", {}});
    } else if (!value->is_number()) {
      own.push_back({"value", "wrong_type", {{"expected_code", "number"}}});
    } else {
      figure.value = value->get<double>();
    }
    for (FieldError& e : figure_fields.finish()) own.push_back(std::move(e));
    for (FieldError& e : own) {
      e.field = field + "." + e.field;
      errors.push_back(std::move(e));
    }
    figures.push_back(std::move(figure));
  }
  return figures;
}

Result<std::tuple<int64_t, app::ReportRequest>> decode_report(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = path_of(request, "assignment");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::ReportRequest out;
  out.version = body->version();
  out.text = read_text_field(fields, "text", 20000, errors);
  out.figures = read_figures(fields, errors);
  out.document_id = optional_id(fields, "document_id");
  out.attachment_note = read_text_field(fields, "attachment_note", 1000, errors);
  out.period = read_text_field(fields, "period", 20, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{static_cast<int64_t>(*id), std::move(out)};
}

Result<std::tuple<int64_t, app::StudyRequest>> decode_study(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = path_of(request, "directive");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::StudyRequest out;
  if (const auto org = fields.integer("org_id", true)) out.org = OrgId(*org);
  const std::optional<Date> held_on = required_date(fields, "held_on", errors);
  if (const auto attendees = fields.integer("attendees", true)) out.attendees = *attendees;
  out.note = read_text_field(fields, "note", 4000, errors);
  out.version = body->optional_version();
  if (Status done = body->finish(); !done) return std::move(done).error();
  out.held_on = *held_on;
  return std::tuple{static_cast<int64_t>(*id), std::move(out)};
}

Result<std::tuple<>> decode_mark(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request, true);
  if (!body) return std::move(body).error();
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple<>();
}

json marked_json(const app::OverdueMarked& marked) {
  return {{"as_of", marked.as_of.iso()},
          {"marked", marked.marked},
          {"period_reports", marked.period_reports}};
}

}  // namespace directive_http

void add_directive_routes(Router& router, ApiContext& api) {
  namespace d = directive_http;
  const auto detail = [](int status) {
    return json_reply(status, [](const app::DirectiveView& v) { return d::directive_json(v); });
  };
  const auto assignment = [](int status) {
    return json_reply(status,
                      [](const app::AssignmentView& v) { return d::assignment_detail_json(v); });
  };
  // A fan-out left to the background: the job runner is told at once rather than at its next
  // tick (chibo serve --jobs-interval-ms).
  const auto batch = [&api](int status) {
    return json_reply(status, [&api](const app::AssignmentBatch& b) {
      if (b.fanout && api.wake_jobs) api.wake_jobs();
      return d::batch_json(b);
    });
  };
  router.add(
      "GET", "/api/v1/directives",
      lists(api, d::decode_list, app::list_directives, json_reply(200, d::directive_list_json)));
  router.add("POST", "/api/v1/directives",
             writes(api, d::decode_issue, app::issue_directive, detail(201)));
  router.add("POST", "/api/v1/directives/mark-overdue",
             writes(api, d::decode_mark, app::mark_overdue_today, json_reply(200, d::marked_json)));
  router.add("GET", "/api/v1/directives/{id}",
             reads(api, d::decode_directive_id, app::get_directive, detail(200)));
  router.add("GET", "/api/v1/directives/{id}/assignments",
             reads(api, d::decode_directive_assignments, app::list_directive_assignments,
                   json_reply(200, d::assignment_list_json)));
  router.add("POST", "/api/v1/directives/{id}/assignments",
             writes(api, d::decode_assign, app::assign_tasks, batch(201)));
  router.add(
      "GET", "/api/v1/directives/{id}/rollup",
      reads(api, d::decode_directive_org, app::directive_rollup, json_reply(200, d::rollup_json)));
  router.add(
      "GET", "/api/v1/directives/{id}/studies",
      reads(api, d::decode_directive_org, app::list_studies, json_reply(200, d::study_list_json)));
  router.add("POST", "/api/v1/directives/{id}/studies",
             writes(api, d::decode_study, app::record_study, json_reply(200, d::study_json)));
  router.add("GET", "/api/v1/assignments/overdue",
             reads(api, d::decode_overdue, app::overdue_assignments,
                   json_reply(200, d::assignment_list_json)));
  router.add("GET", "/api/v1/assignments/{id}",
             reads(api, d::decode_assignment_id, app::get_assignment, assignment(200)));
  router.add("POST", "/api/v1/assignments/{id}/acknowledge",
             writes(api, d::decode_step, app::acknowledge_assignment, assignment(200)));
  router.add("POST", "/api/v1/assignments/{id}/start",
             writes(api, d::decode_step, app::start_assignment, assignment(200)));
  router.add("POST", "/api/v1/assignments/{id}/assignments",
             writes(api, d::decode_sub_assign, app::assign_down, batch(201)));
  router.add("POST", "/api/v1/assignments/{id}/reports",
             writes(api, d::decode_report, app::submit_report, assignment(201)));
  router.add("POST", "/api/v1/assignments/{id}/accept",
             writes(api, d::decode_review, app::accept_report, assignment(200)));
  router.add("POST", "/api/v1/assignments/{id}/return",
             writes(api, d::decode_review, app::return_report, assignment(200)));
  router.add("GET", "/api/v1/orgs/{id}/assignments",
             reads(api, d::decode_org_assignments, app::org_assignments,
                   json_reply(200, d::assignment_list_json)));
}

}  // namespace chibo::http
