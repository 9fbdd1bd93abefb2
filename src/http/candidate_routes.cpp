// /api/v1/candidates: admission files and their steps.
#include "app/candidates.h"
#include "http/api.h"
#include "http/idempotency.h"
#include "http/json_body.h"
#include "http/lifecycle_json.h"
#include "http/problem.h"
#include "http/query_params.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 500;
constexpr size_t kMaxQueryBytes = 200;
constexpr size_t kPlaceChars = 255;
constexpr size_t kNoteChars = 1000;

HttpResponse candidate_not_found(const HttpRequest& request) {
  return problem_response(Error::not_found("candidate"), request);
}

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

HttpResponse detail_response(int status, const app::CandidateDetail& detail) {
  return json_response(status, candidate_detail_json(detail))
      .with_header("ETag", "\"v" + std::to_string(detail.view.candidate.version) + "\"");
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

}  // namespace

void add_candidate_routes(Router& router, ApiContext& context) {
  app::Services& services = context.services;

  router.add("GET", "/api/v1/candidates", [&](HttpRequest& request) {
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
    if (!errors.empty()) return query_problem(std::move(errors), request);
    query.offset = (page - 1) * page_size;
    query.limit = static_cast<int>(page_size);
    auto list = app::list_candidates(services, actor_of(request), query);
    if (!list) {
      Error error = std::move(list).error();
      if (error.code == ErrorCode::kInvalid) {
        error.code = ErrorCode::kMalformed;
        error.reason = "invalid_parameter";
      }
      return problem_response(error, request);
    }
    json items = json::array();
    for (const app::CandidateView& view : list->items) items.push_back(candidate_json(view));
    return json_response(200, {{"items", std::move(items)},
                               {"total", list->total},
                               {"page", page},
                               {"page_size", page_size}});
  });

  router.add("POST", "/api/v1/candidates", no_query([&](HttpRequest& request) {
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               const app::CandidateInput input = read_input(fields, errors);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               // With an Idempotency-Key the reply is stored with the new file
               // (app/idempotency.h).
               return with_idempotency(services, request, [&](app::Transaction* tx) {
                 auto created =
                     tx ? app::create_candidate_in(services, actor_of(request), *tx, input)
                        : app::create_candidate(services, actor_of(request), input);
                 if (!created) return problem_response(created.error(), request);
                 return detail_response(201, *created)
                     .with_header("Location", "/api/v1/candidates/" +
                                                  std::to_string(created->view.candidate.id.value));
               });
             }));

  router.add("GET", "/api/v1/candidates/{id}", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return candidate_not_found(request);
               auto detail = app::get_candidate(services, actor_of(request), CandidateId(*id));
               if (!detail) return problem_response(detail.error(), request);
               return detail_response(200, *detail);
             }));

  router.add("PATCH", "/api/v1/candidates/{id}", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return candidate_not_found(request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               std::optional<long long> version = fields.integer("version", false);
               if (!version) version = if_match_version(request);
               const app::CandidateInput input = read_input(fields, errors);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!version) errors.push_back({"version", "required", {}});
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               auto updated = app::update_candidate(services, actor_of(request), CandidateId(*id),
                                                    *version, input);
               if (!updated) return problem_response(updated.error(), request);
               return detail_response(200, *updated);
             }));

  router.add("POST", "/api/v1/candidates/{id}/steps", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return candidate_not_found(request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               std::optional<domain::StepRecord> step = read_step(fields, errors);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty() || !step)
                 return problem_response(Error::invalid(std::move(errors)), request);
               // Keyed, a resent step gets its first reply, not "already recorded".
               return with_idempotency(services, request, [&](app::Transaction* tx) {
                 auto recorded = tx ? app::record_admission_step_in(services, actor_of(request),
                                                                    *tx, CandidateId(*id), *step)
                                    : app::record_admission_step(services, actor_of(request),
                                                                 CandidateId(*id), *step);
                 if (!recorded) return problem_response(recorded.error(), request);
                 return detail_response(201, *recorded);
               });
             }));

  // Withdraws a step recorded in error (the latest one); its content stays in the history.
  router.add("POST", "/api/v1/candidates/{id}/undo", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return candidate_not_found(request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               const auto code = fields.text("step");
               std::optional<domain::AdmissionStep> step;
               if (!code || !*code || (*code)->empty()) {
                 errors.push_back({"step", "required", {}});
               } else if (!(step = domain::parse_admission_step(**code))) {
                 errors.push_back({"step", "unknown_code", {{"value", (*code)->substr(0, 40)}}});
               }
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               // Keyed, a resent undo gets its first reply, not "not recorded".
               return with_idempotency(services, request, [&](app::Transaction* tx) {
                 auto undone = tx ? app::undo_admission_step_in(services, actor_of(request), *tx,
                                                                CandidateId(*id), *step)
                                  : app::undo_admission_step(services, actor_of(request),
                                                             CandidateId(*id), *step);
                 if (!undone) return problem_response(undone.error(), request);
                 return detail_response(200, *undone);
               });
             }));

  router.add("POST", "/api/v1/candidates/{id}/close", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return candidate_not_found(request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               const std::optional<long long> version = fields.integer("version", true);
               const std::optional<Date> on = read_date_field(fields, "on", true, errors);
               const auto reason = fields.text("reason");
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               const std::string why = reason && *reason ? **reason : "";
               // Keyed, a resent close gets its first reply, not a version conflict.
               return with_idempotency(services, request, [&](app::Transaction* tx) {
                 auto closed = tx ? app::close_candidate_in(services, actor_of(request), *tx,
                                                            CandidateId(*id), *version, *on, why)
                                  : app::close_candidate(services, actor_of(request),
                                                         CandidateId(*id), *version, *on, why);
                 if (!closed) return problem_response(closed.error(), request);
                 return detail_response(200, *closed);
               });
             }));
}

}  // namespace chibo::http
