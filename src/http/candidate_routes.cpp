// /api/v1/candidates: admission files and their steps.
#include "app/candidates.h"
#include "http/endpoint.h"
#include "http/lifecycle_json.h"
#include "http/query_params.h"
#include "http/request_body.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;
constexpr size_t kMaxQueryBytes = 200;
constexpr size_t kPlaceChars = 255;
constexpr size_t kNoteChars = 1000;

// The candidate fields of a body; type problems go to the fields' errors.
app::CandidateInput read_input(JsonFields& fields, std::vector<FieldError>& errors) {
  app::CandidateInput input;
  for (const std::string& name : domain::candidate_person_fields()) {
    const auto value = name == "org_id" ? fields.text_or_number(name) : fields.text(name);
    if (value) input.person[name] = *value;
  }
  input.youth_union_member = fields.boolean("youth_union_member");
  input.readmission_of = fields.nullable_integer("readmission_of");
  input.record_cleared_on = fields.text("record_cleared_on");
  input.over_age_approval = fields.text("over_age_approval");
  (void)errors;
  return input;
}

// A candidate's file with its version as the ETag.
auto detail_reply(int status) {
  return [status](const app::CandidateDetail& detail) {
    return json_response(status, candidate_detail_json(detail))
        .with_header("ETag", "\"v" + std::to_string(detail.view.candidate.version) + "\"");
  };
}

// A step's body: {"step", "on", "document", "vote", "introducers", "youth_union",
// "received_on", "place", "note"}.
std::optional<domain::StepRecord> read_step(JsonFields& fields, std::vector<FieldError>& errors) {
  domain::StepRecord step;
  const auto code = fields.text("step");
  if (!code || !*code || (*code)->empty()) {
    errors.push_back({"step", "required", {}});
  } else if (auto parsed = domain::parse_admission_step(**code)) {
    step.step = *parsed;
  } else {
    errors.push_back({"step", "unknown_code", {{"value", (*code)->substr(0, 40)}}});
  }
  const std::optional<Date> on = read_date_field(fields, "on", true, errors);
  if (on) step.on = *on;
  step.document = read_document(fields, "document", errors);
  step.vote = read_vote(fields, "vote", errors);
  step.introducers = read_introducers(fields, "introducers", errors);
  step.youth_union = fields.boolean("youth_union").value_or(false);
  step.received_on = read_date_field(fields, "received_on", false, errors);
  step.place = read_text_field(fields, "place", kPlaceChars, errors);
  step.note = read_text_field(fields, "note", kNoteChars, errors);
  if (!errors.empty()) return std::nullopt;
  return step;
}

Result<std::tuple<app::CandidateQuery>> decode_candidate_query(const HttpRequest& request) {
  QueryParams params(request.query);
  app::CandidateQuery query;
  if (const auto org = params.integer("org", 1, INT64_MAX)) query.org = OrgId(*org);
  query.statuses = params.list("status");
  query.phases = params.list("phase");
  query.q = params.text("q").value_or("");
  const long long page = params.integer("page", 1, 1000000).value_or(1);
  const long long page_size =
      params.integer("page_size", 1, kMaxPageSize).value_or(kDefaultPageSize);
  std::vector<FieldError> errors = params.finish();
  if (query.q.size() > kMaxQueryBytes)
    errors.push_back({"q", "too_long", {{"max", std::to_string(kMaxQueryBytes)}}});
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  query.offset = (page - 1) * page_size;
  query.limit = static_cast<int>(page_size);
  return std::tuple{std::move(query)};
}

Result<std::tuple<app::CandidateInput>> decode_new_candidate(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  app::CandidateInput input = read_input(body->fields(), body->errors());
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{std::move(input)};
}

// The candidate {id} and its JSON body, for the routes that act on one file.
Result<std::pair<CandidateId, RequestBody>> candidate_body(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  if (!id) return Error::not_found("candidate");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  return std::pair{CandidateId(*id), std::move(*body)};
}

Result<std::tuple<CandidateId, int64_t, app::CandidateInput>> decode_candidate_patch(
    const HttpRequest& request) {
  auto read = candidate_body(request);
  if (!read) return std::move(read).error();
  RequestBody& body = read->second;
  const int64_t version = body.version();
  app::CandidateInput input = read_input(body.fields(), body.errors());
  if (Status done = body.finish(); !done) return std::move(done).error();
  return std::tuple{read->first, version, std::move(input)};
}

Result<std::tuple<CandidateId, domain::StepRecord>> decode_step(const HttpRequest& request) {
  auto read = candidate_body(request);
  if (!read) return std::move(read).error();
  RequestBody& body = read->second;
  std::optional<domain::StepRecord> step = read_step(body.fields(), body.errors());
  if (Status done = body.finish(); !done) return std::move(done).error();
  return std::tuple{read->first, std::move(*step)};
}

Result<std::tuple<CandidateId, domain::AdmissionStep>> decode_undo(const HttpRequest& request) {
  auto read = candidate_body(request);
  if (!read) return std::move(read).error();
  RequestBody& body = read->second;
  const auto code = body.fields().text("step");
  std::optional<domain::AdmissionStep> step;
  if (!code || !*code || (*code)->empty()) {
    body.add_error({"step", "required", {}});
  } else if (!(step = domain::parse_admission_step(**code))) {
    body.add_error({"step", "unknown_code", {{"value", (*code)->substr(0, 40)}}});
  }
  if (Status done = body.finish(); !done) return std::move(done).error();
  return std::tuple{read->first, *step};
}

Result<std::tuple<CandidateId, int64_t, Date, std::string>> decode_close(
    const HttpRequest& request) {
  auto read = candidate_body(request);
  if (!read) return std::move(read).error();
  RequestBody& body = read->second;
  const int64_t version = body.version();
  const std::optional<Date> on = read_date_field(body.fields(), "on", true, body.errors());
  const auto reason = body.fields().text("reason");
  if (Status done = body.finish(); !done) return std::move(done).error();
  return std::tuple{read->first, version, *on, reason && *reason ? **reason : std::string()};
}

HttpResponse render_created(const app::CandidateDetail& created) {
  return detail_reply(201)(created).with_header(
      "Location", "/api/v1/candidates/" + std::to_string(created.view.candidate.id.value));
}

}  // namespace

// Keyed POSTs: a resent creation, step, undo or close gets its first reply, not "already
// recorded" or a version conflict.
void add_candidate_routes(Router& router, ApiContext& api) {
  router.add(
      "GET", "/api/v1/candidates",
      lists(api, decode_candidate_query, app::list_candidates,
            [](const app::CandidateList& list, const HttpRequest& request) {
              json items = json::array();
              for (const app::CandidateView& view : list.items)
                items.push_back(candidate_json(view));
              // Echo the paging the decoder accepted.
              QueryParams params(request.query);
              return json_response(
                  200, {{"items", std::move(items)},
                        {"total", list.total},
                        {"page", params.integer("page", 1, 1000000).value_or(1)},
                        {"page_size",
                         params.integer("page_size", 1, kMaxPageSize).value_or(kDefaultPageSize)}});
            }));
  router.add("POST", "/api/v1/candidates",
             writes(api, decode_new_candidate, app::create_candidate, render_created));
  router.add(
      "GET", "/api/v1/candidates/{id}",
      reads(api, path_id_of<CandidateId>("candidate"), app::get_candidate, detail_reply(200)));
  router.add("PATCH", "/api/v1/candidates/{id}",
             writes(api, decode_candidate_patch, app::update_candidate, detail_reply(200)));
  router.add("POST", "/api/v1/candidates/{id}/steps",
             writes(api, decode_step, app::record_admission_step, detail_reply(201)));
  // Withdraws a step recorded in error (the latest one); its content stays in the history.
  router.add("POST", "/api/v1/candidates/{id}/undo",
             writes(api, decode_undo, app::undo_admission_step, detail_reply(200)));
  router.add("POST", "/api/v1/candidates/{id}/close",
             writes(api, decode_close, app::close_candidate, detail_reply(200)));
}

}  // namespace chibo::http
