// Inspection and supervision programmes (issue 15; rules-reference §8): yearly programmes per
// committee or inspection committee, the inspections planned in them, each inspection's stages
// with date and document, the conclusion's violations and recommendations tracked to closure.
#include <cstdint>
#include <tuple>

#include "app/inspection.h"
#include "domain/fields.h"
#include "http/api.h"
#include "http/endpoint.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/lifecycle_json.h"
#include "http/problem.h"
#include "http/query_params.h"
#include "http/request_body.h"

namespace chibo::http {

// Named, not anonymous: the unity build joins this file with the other route files.
namespace inspection_http {

using nlohmann::json;

constexpr size_t kTextChars = 4000;
constexpr size_t kLineChars = 500;
constexpr size_t kMaxInspections = 200;
constexpr size_t kMaxItems = 100;
constexpr size_t kMaxTeam = 30;

// ---- rendering ---------------------------------------------------------------------------------

json date_or_null(const std::optional<Date>& date) {
  return date ? json(date->iso()) : json(nullptr);
}

json programme_json(const app::InspectionProgramme& p, const std::string& org_name) {
  return {{"id", p.id},
          {"org_id", p.org_id.value},
          {"org_name", org_name},
          {"year", p.year},
          {"issuer", p.issuer},
          {"title", p.title},
          {"note", text_or_null(p.note)},
          {"created_at", p.created_at},
          {"created_by", p.created_by},
          {"version", p.version}};
}

json inspection_line_json(const app::InspectionLine& line) {
  const app::Inspection& i = line.inspection;
  return {
      {"id", i.id},
      {"programme_id", i.programme_id},
      {"kind", i.kind},
      {"subject_org_id", i.subject_org_id.valid() ? json(i.subject_org_id.value) : json(nullptr)},
      {"subject_member_id",
       i.subject_member_id.valid() ? json(i.subject_member_id.value) : json(nullptr)},
      {"subject_name", line.subject_name},
      {"content", i.content},
      {"starts_on", i.starts_on.iso()},
      {"ends_on", i.ends_on.iso()},
      {"team", i.team},
      {"stage", i.stage.empty() ? json("planned") : json(i.stage)},
      {"stage_on", date_or_null(i.stage_on)},
      {"conclusion", text_or_null(i.conclusion)},
      {"open_items", line.open_items},
      {"overdue_items", line.overdue_items},
      {"version", i.version}};
}

json programme_view_json(const app::ProgrammeView& view) {
  json body = programme_json(view.programme, view.org_name);
  json inspections = json::array();
  for (const auto& line : view.inspections) inspections.push_back(inspection_line_json(line));
  body["inspections"] = std::move(inspections);
  body["may_write"] = view.may_write;
  return body;
}

json programme_list_json(const std::vector<app::ProgrammeLine>& lines) {
  json items = json::array();
  for (const auto& line : lines) {
    json item = programme_json(line.programme, line.org_name);
    item["inspections"] = line.inspections;
    items.push_back(std::move(item));
  }
  return {{"items", std::move(items)}};
}

json item_json(const app::InspectionItemLine& line) {
  const app::InspectionItem& s = line.item;
  return {{"id", s.id},
          {"inspection_id", s.inspection_id},
          {"programme_id", line.programme_id},
          {"year", line.year},
          {"subject_name", line.subject_name},
          {"kind", s.kind},
          {"description", s.description},
          {"action", s.action},
          {"owner", s.owner},
          {"due_on", s.due_on.iso()},
          {"evidence", text_or_null(s.evidence)},
          {"state", s.state},
          {"closed_on", date_or_null(s.closed_on)},
          {"overdue", line.overdue},
          {"version", s.version}};
}

json item_list_json(const std::vector<app::InspectionItemLine>& lines) {
  json items = json::array();
  for (const auto& line : lines) items.push_back(item_json(line));
  return {{"items", std::move(items)}};
}

json inspection_view_json(const app::InspectionView& view) {
  json body = inspection_line_json(view.line);
  body["programme"] = programme_json(view.programme, view.programme_org_name);
  json stages = json::array();
  for (const auto& s : view.stages)
    stages.push_back({{"stage", s.stage},
                      {"on", s.on.iso()},
                      {"document_id", s.document_id ? json(*s.document_id) : json(nullptr)},
                      {"document_text", text_or_null(s.document_text)},
                      {"recorded_at", s.recorded_at},
                      {"recorded_by", s.recorded_by}});
  body["stages"] = std::move(stages);
  json items = json::array();
  for (const auto& line : view.items) items.push_back(item_json(line));
  body["items"] = std::move(items);
  body["next_stage"] = view.next_stage.empty() ? json(nullptr) : json(view.next_stage);
  body["may_record_next"] = view.may_record_next;
  return body;
}

// ---- decoding ----------------------------------------------------------------------------------

std::optional<long long> read_positive_id(JsonFields& fields, const std::string& name,
                                          bool required, std::vector<FieldError>& errors) {
  const auto value = fields.integer(name, required);
  if (value && *value <= 0) {
    errors.push_back({name, "invalid_id", {}});
    return std::nullopt;
  }
  return value;
}

std::string required_text(JsonFields& fields, const std::string& name, size_t max,
                          std::vector<FieldError>& errors) {
  const size_t before = errors.size();
  std::string text = read_text_field(fields, name, max, errors);
  if (text.empty() && errors.size() == before) errors.push_back({name, "required", {}});
  return text;
}

// Calls `each(nested, inner, index)` for each object of the array `name` (at most `max`),
// prefixing the nested errors with "name[i].".
template <class Each>
void read_array(JsonFields& fields, const std::string& name, size_t max, bool required,
                std::vector<FieldError>& errors, Each each) {
  const json* list = fields.raw(name);
  if (!list || list->is_null()) {
    if (required) errors.push_back({name, "required", {}});
    return;
  }
  if (!list->is_array() || list->size() > max) {
    errors.push_back({name,
                      list->is_array() ? "too_many" : "wrong_type",
                      {{"expected_code", "array"}, {"max", std::to_string(max)}}});
    return;
  }
  for (size_t index = 0; index < list->size(); ++index) {
    const std::string prefix = name + "[" + std::to_string(index) + "]";
    const json& entry = (*list)[index];
    if (!entry.is_object()) {
      errors.push_back({prefix, "wrong_type", {{"expected_code", "object"}}});
      continue;
    }
    JsonFields nested(entry);
    std::vector<FieldError> inner;
    each(nested, inner);
    for (FieldError& error : nested.finish()) inner.push_back(std::move(error));
    for (FieldError& error : inner) {
      error.field = prefix + "." + error.field;
      errors.push_back(std::move(error));
    }
  }
}

std::vector<std::string> read_team(JsonFields& fields, std::vector<FieldError>& errors) {
  std::vector<std::string> team;
  const json* list = fields.raw("team");
  if (!list || list->is_null()) {
    errors.push_back({"team", "required", {}});
    return team;
  }
  if (!list->is_array() || list->size() > kMaxTeam) {
    errors.push_back({"team",
                      list->is_array() ? "too_many" : "wrong_type",
                      {{"expected_code", "array"}, {"max", std::to_string(kMaxTeam)}}});
    return team;
  }
  for (size_t index = 0; index < list->size(); ++index) {
    const std::string field = "team[" + std::to_string(index) + "]";
    if (!(*list)[index].is_string()) {
      errors.push_back({field, "wrong_type", {{"expected_code", "string"}}});
      continue;
    }
    team.push_back(
        domain::clean_text_field(field, (*list)[index].get<std::string>(), kLineChars, errors)
            .value_or(std::string()));
  }
  return team;
}

std::vector<app::InspectionRequest> read_inspections(JsonFields& fields, const std::string& name,
                                                     std::vector<FieldError>& errors) {
  std::vector<app::InspectionRequest> list;
  read_array(fields, name, kMaxInspections, false, errors,
             [&](JsonFields& nested, std::vector<FieldError>& inner) {
               app::InspectionRequest r;
               r.kind = required_text(nested, "kind", 40, inner);
               if (const auto org = read_positive_id(nested, "subject_org_id", false, inner))
                 r.subject_org_id = OrgId(*org);
               if (const auto member = read_positive_id(nested, "subject_member_id", false, inner))
                 r.subject_member_id = MemberId(*member);
               r.content = required_text(nested, "content", kTextChars, inner);
               const auto starts = read_date_field(nested, "starts_on", true, inner);
               const auto ends = read_date_field(nested, "ends_on", true, inner);
               r.team = read_team(nested, inner);
               if (starts) r.starts_on = *starts;
               if (ends) r.ends_on = *ends;
               list.push_back(std::move(r));
             });
  return list;
}

Result<std::tuple<app::ProgrammeRequest>> decode_programme(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::ProgrammeRequest p;
  const auto org = read_positive_id(fields, "org_id", true, errors);
  const auto year = fields.integer("year", true);
  p.issuer = required_text(fields, "issuer", 40, errors);
  p.title = required_text(fields, "title", kLineChars, errors);
  p.note = read_text_field(fields, "note", kTextChars, errors);
  p.inspections = read_inspections(fields, "inspections", errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  p.org_id = OrgId(*org);
  p.year = static_cast<int>(*year);
  return std::tuple{std::move(p)};
}

Result<std::tuple<app::ProgrammePatch>> decode_programme_patch(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("inspection_programme");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::ProgrammePatch patch;
  patch.id = *id;
  if (fields.has("title")) patch.title = required_text(fields, "title", kLineChars, errors);
  if (fields.has("note")) patch.note = read_text_field(fields, "note", kTextChars, errors);
  patch.add_inspections = read_inspections(fields, "add_inspections", errors);
  patch.version = body->version();
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{std::move(patch)};
}

Result<std::tuple<OrgId, int>> decode_programme_list(const HttpRequest& request) {
  QueryParams params(request.query);
  const std::optional<long long> org = params.integer("org_id", 1, INT64_MAX);
  const std::optional<long long> year = params.integer("year", 1930, 9999);
  std::vector<FieldError> errors = params.finish();
  if (!org && errors.empty()) errors.push_back({"org_id", "required", {}});
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{OrgId(*org), year ? static_cast<int>(*year) : 0};
}

Result<std::tuple<int64_t>> decode_id(const HttpRequest& request, const char* what) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found(what);
  return std::tuple{static_cast<int64_t>(*id)};
}

void read_document_ref(JsonFields& fields, std::optional<int64_t>& id, std::string& text,
                       std::vector<FieldError>& errors) {
  if (const auto document = read_positive_id(fields, "document_id", false, errors)) id = *document;
  text = read_text_field(fields, "document_text", kLineChars, errors);
}

Result<std::tuple<app::StageRequest>> decode_stage(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("inspection");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::StageRequest stage;
  stage.id = *id;
  stage.stage = required_text(fields, "stage", 40, errors);
  const auto on = read_date_field(fields, "on", true, errors);
  read_document_ref(fields, stage.document_id, stage.document_text, errors);
  stage.version = body->version();
  if (Status done = body->finish(); !done) return std::move(done).error();
  stage.on = *on;
  return std::tuple{std::move(stage)};
}

Result<std::tuple<app::ConclusionRequest>> decode_conclusion(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("inspection");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::ConclusionRequest c;
  c.id = *id;
  const auto on = read_date_field(fields, "on", true, errors);
  read_document_ref(fields, c.document_id, c.document_text, errors);
  c.text = required_text(fields, "text", kTextChars, errors);
  read_array(fields, "items", kMaxItems, false, errors,
             [&](JsonFields& nested, std::vector<FieldError>& inner) {
               app::ItemRequest item;
               item.kind = required_text(nested, "kind", 40, inner);
               item.description = required_text(nested, "description", kTextChars, inner);
               item.action = required_text(nested, "action", kTextChars, inner);
               item.owner = required_text(nested, "owner", kLineChars, inner);
               if (const auto due = read_date_field(nested, "due_on", true, inner))
                 item.due_on = *due;
               c.items.push_back(std::move(item));
             });
  c.version = body->version();
  if (Status done = body->finish(); !done) return std::move(done).error();
  c.on = *on;
  return std::tuple{std::move(c)};
}

Result<std::tuple<app::CloseItemRequest>> decode_close_item(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("inspection_item");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::CloseItemRequest close;
  close.id = *id;
  close.evidence = required_text(fields, "evidence", kTextChars, errors);
  const auto closed_on = read_date_field(fields, "closed_on", true, errors);
  close.version = body->version();
  if (Status done = body->finish(); !done) return std::move(done).error();
  close.closed_on = *closed_on;
  return std::tuple{std::move(close)};
}

Result<std::tuple<app::InspectionItemQuery>> decode_item_list(const HttpRequest& request) {
  QueryParams params(request.query);
  app::InspectionItemQuery query;
  const std::optional<long long> org = params.integer("org_id", 1, INT64_MAX);
  if (const auto state = params.text("state")) query.state = *state;
  if (const auto kind = params.text("kind")) query.kind = *kind;
  if (const auto overdue = params.flag("overdue")) query.overdue = *overdue;
  if (const auto limit = params.integer("limit", 1, 1000)) query.limit = static_cast<int>(*limit);
  std::vector<FieldError> errors = params.finish();
  if (!query.state.empty() && query.state != "open" && query.state != "closed")
    errors.push_back({"state", "not_allowed", {{"allowed", "open, closed"}}});
  if (!query.kind.empty() && query.kind != "violation" && query.kind != "recommendation")
    errors.push_back({"kind", "not_allowed", {{"allowed", "violation, recommendation"}}});
  if (!org && errors.empty()) errors.push_back({"org_id", "required", {}});
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  query.org_id = OrgId(*org);
  return std::tuple{query};
}

}  // namespace inspection_http

void add_inspection_routes(Router& router, ApiContext& api) {
  using namespace inspection_http;
  router.add("POST", "/api/v1/inspection-programmes",
             writes(api, decode_programme, app::create_inspection_programme,
                    json_reply(201, programme_view_json)));
  router.add("GET", "/api/v1/inspection-programmes",
             lists(api, decode_programme_list, app::list_inspection_programmes,
                   json_reply(200, programme_list_json)));
  router.add(
      "GET", "/api/v1/inspection-programmes/{id}",
      reads(
          api,
          [](const HttpRequest& request) { return decode_id(request, "inspection_programme"); },
          app::get_inspection_programme, json_reply(200, programme_view_json)));
  router.add("PATCH", "/api/v1/inspection-programmes/{id}",
             writes(api, decode_programme_patch, app::update_inspection_programme,
                    json_reply(200, programme_view_json)));
  router.add("GET", "/api/v1/inspections/{id}",
             reads(
                 api, [](const HttpRequest& request) { return decode_id(request, "inspection"); },
                 app::get_inspection, json_reply(200, inspection_view_json)));
  router.add(
      "POST", "/api/v1/inspections/{id}/stages",
      writes(api, decode_stage, app::advance_inspection, json_reply(200, inspection_view_json)));
  router.add("POST", "/api/v1/inspections/{id}/conclusion",
             writes(api, decode_conclusion, app::conclude_inspection,
                    json_reply(200, inspection_view_json)));
  router.add(
      "GET", "/api/v1/inspection-items",
      lists(api, decode_item_list, app::list_inspection_items, json_reply(200, item_list_json)));
  router.add(
      "POST", "/api/v1/inspection-items/{id}/close",
      writes(api, decode_close_item, app::close_inspection_item, json_reply(200, item_json)));
}

}  // namespace chibo::http
