// Terms (nhiệm kỳ) and committees: an organization's terms and congresses, its current
// committee with warnings, a term's seats (history), appointing and ending seats.
#include <tuple>

#include "app/terms.h"
#include "http/api.h"
#include "http/endpoint.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/lifecycle_json.h"
#include "http/problem.h"
#include "http/request_body.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr size_t kNameChars = 255;
constexpr size_t kNoteChars = 1000;
constexpr size_t kReasonChars = 500;

json count_or_null(const std::optional<int>& value) { return value ? json(*value) : json(nullptr); }

json standing_json(const std::optional<domain::TermStanding>& standing) {
  if (!standing) return nullptr;
  auto rule = [](const domain::RuleParameter* parameter) -> json {
    if (!parameter) return nullptr;
    return {{"key", parameter->key}, {"value", parameter->value}, {"source", parameter->source}};
  };
  return {{"code", standing->code},
          {"due_on", standing->due_on.iso()},
          {"earliest_on", standing->earliest_on.iso()},
          {"latest_on", standing->latest_on.iso()},
          {"length", rule(standing->length)},
          {"tolerance", rule(standing->tolerance)}};
}

json term_json(const app::TermView& view) {
  const app::Term& t = view.term;
  return {{"id", t.id},
          {"org_id", t.org_id},
          {"name", t.name},
          {"congress_opened_on", date_or_null(t.congress_opened_on)},
          {"congress_closed_on", t.congress_closed_on.iso()},
          {"starts_on", t.starts_on().iso()},
          {"ends_on", date_or_null(t.ends_on())},
          {"congress_delegates", count_or_null(t.congress_delegates)},
          {"approved_committee_size", count_or_null(t.approved_committee_size)},
          {"approved_standing_size", count_or_null(t.approved_standing_size)},
          {"note", text_or_null(t.note)},
          {"current", view.current},
          {"standing", standing_json(view.standing)},
          {"version", t.version}};
}

json seat_json(const app::SeatView& view) {
  const app::TermSeat& s = view.seat;
  return {{"id", s.id},
          {"term_id", s.term_id},
          {"org_id", s.org_id.value},
          {"member_id", s.member_id.value},
          {"member_name", view.member_name},
          {"member_org_name", text_or_null(view.member_org_name)},
          {"position", s.position},
          {"started_on", s.started_on.iso()},
          {"ended_on", date_or_null(s.ended_on)},
          {"decision", document_json({s.decision_number, s.decision_authority})},
          {"decision_date", date_or_null(s.decision_date)},
          {"end_reason", text_or_null(s.end_reason)},
          {"version", s.version}};
}

json seats_json(const std::vector<app::SeatView>& seats) {
  json items = json::array();
  for (const app::SeatView& seat : seats) items.push_back(seat_json(seat));
  return items;
}

json org_ref(const domain::Organization& org) {
  return {{"id", org.id.value}, {"name", org.name}, {"kind", org.kind}};
}

json term_detail_json(const app::TermDetail& detail) {
  json body = term_json(detail.view);
  body["org"] = org_ref(detail.org);
  body["seats"] = seats_json(detail.seats);
  body["may_manage"] = detail.may_manage;
  return body;
}

json term_list_json(const app::TermList& list) {
  json items = json::array();
  for (const app::TermView& view : list.terms) items.push_back(term_json(view));
  return {{"org", org_ref(list.org)},
          {"items", std::move(items)},
          {"has_congress", list.has_congress},
          {"may_manage", list.may_manage}};
}

json committee_json(const app::CommitteeView& view) {
  json warnings = json::array();
  for (const domain::CompositionWarning& warning : view.warnings) {
    warnings.push_back({{"code", warning.code},
                        {"rule", warning.rule},
                        {"threshold", warning.threshold},
                        {"actual", warning.actual},
                        {"source", warning.source}});
  }
  return {{"org", org_ref(view.org)},
          {"term", view.current ? term_json(*view.current) : json(nullptr)},
          {"seats", seats_json(view.seats)},
          {"warnings", std::move(warnings)},
          {"standing_code", text_or_null(view.standing_code)},
          {"official_members", view.official_members},
          {"may_manage", view.may_manage}};
}

// A count field: a non-negative integer or null. Returns whether it was sent (and valid);
// `value` then holds it (nullopt for null).
bool read_count(JsonFields& fields, const std::string& name, std::optional<int>& value) {
  if (!fields.has(name)) return false;
  const std::optional<std::optional<long long>> read = fields.nullable_integer(name);
  if (!read) return false;  // wrong type: reported by the fields
  value.reset();
  if (!read->has_value()) return true;
  const long long number = read->value();
  if (number < 0 || number > 100000) {
    fields.add_error({name, "out_of_range", {{"min", "0"}, {"max", "100000"}}});
    return false;
  }
  value = static_cast<int>(number);
  return true;
}

Result<long long> path_id_or(const HttpRequest& request, const char* what) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found(what);
  return *id;
}

auto term_path(const char* what) {
  return [what](const HttpRequest& request) -> Result<std::tuple<int64_t>> {
    Result<long long> id = path_id_or(request, what);
    if (!id) return std::move(id).error();
    return std::tuple<int64_t>(*id);
  };
}

Result<std::tuple<OrgId, app::CongressRequest>> decode_congress(const HttpRequest& request) {
  Result<long long> id = path_id_or(request, "organization");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::CongressRequest congress;
  congress.name = read_text_field(fields, "name", kNameChars, errors);
  congress.opened_on = read_date_field(fields, "opened_on", false, errors);
  const std::optional<Date> closed_on = read_date_field(fields, "closed_on", true, errors);
  read_count(fields, "delegates", congress.delegates);
  read_count(fields, "approved_committee_size", congress.approved_committee_size);
  read_count(fields, "approved_standing_size", congress.approved_standing_size);
  congress.note = read_text_field(fields, "note", kNoteChars, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  congress.closed_on = *closed_on;
  return std::tuple{OrgId(*id), std::move(congress)};
}

Result<std::tuple<int64_t, int64_t, app::TermPatch>> decode_term_patch(const HttpRequest& request) {
  Result<long long> id = path_id_or(request, "term");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  const int64_t version = body->version();
  app::TermPatch patch;
  if (fields.has("name")) {
    patch.name = read_text_field(fields, "name", kNameChars, errors);
    if (patch.name->empty()) errors.push_back({"name", "required", {}});
  }
  if (fields.has("opened_on"))
    patch.opened_on = read_date_field(fields, "opened_on", false, errors);
  for (auto [name, slot] :
       {std::pair{"delegates", &app::TermPatch::delegates},
        std::pair{"approved_committee_size", &app::TermPatch::approved_committee_size},
        std::pair{"approved_standing_size", &app::TermPatch::approved_standing_size}}) {
    std::optional<int> value;
    if (read_count(fields, name, value)) (patch.*slot).emplace(value);
  }
  if (fields.has("note")) patch.note = read_text_field(fields, "note", kNoteChars, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{static_cast<int64_t>(*id), version, std::move(patch)};
}

Result<std::tuple<int64_t, app::SeatRequest>> decode_seat(const HttpRequest& request) {
  Result<long long> id = path_id_or(request, "term");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::SeatRequest seat;
  if (const auto member = fields.integer("member_id", true)) seat.member = MemberId(*member);
  const size_t before = errors.size();
  seat.position = read_text_field(fields, "position", 60, errors);
  if (seat.position.empty() && errors.size() == before)
    errors.push_back({"position", "required", {}});
  const std::optional<Date> started_on = read_date_field(fields, "started_on", true, errors);
  seat.decision = read_document(fields, "decision", errors);
  seat.decision_date = read_date_field(fields, "decision_date", false, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  seat.started_on = *started_on;
  return std::tuple{static_cast<int64_t>(*id), std::move(seat)};
}

Result<std::tuple<int64_t, int64_t, Date, std::string>> decode_seat_end(
    const HttpRequest& request) {
  Result<long long> id = path_id_or(request, "seat");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  const int64_t version = body->version();
  const std::optional<Date> on = read_date_field(body->fields(), "on", true, body->errors());
  const size_t before = body->errors().size();
  std::string reason = read_text_field(body->fields(), "reason", kReasonChars, body->errors());
  if (reason.empty() && body->errors().size() == before)
    body->add_error({"reason", "required", {}});
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{static_cast<int64_t>(*id), version, *on, std::move(reason)};
}

Result<std::tuple<OrgId>> decode_org(const HttpRequest& request) {
  Result<long long> id = path_id_or(request, "organization");
  if (!id) return std::move(id).error();
  return std::tuple<OrgId>(OrgId(*id));
}

}  // namespace

void add_term_routes(Router& router, ApiContext& api) {
  const auto detail = [](int status) {
    return json_reply(status, [](const app::TermDetail& d) { return term_detail_json(d); });
  };
  router.add("GET", "/api/v1/orgs/{id}/terms",
             reads(api, decode_org, app::list_terms, json_reply(200, term_list_json)));
  // A congress closed: the next term opens (with an Idempotency-Key, a resend gets this reply).
  router.add("POST", "/api/v1/orgs/{id}/terms",
             writes(api, decode_congress, app::record_congress, detail(201)));
  router.add("GET", "/api/v1/orgs/{id}/committee",
             reads(api, decode_org, app::get_committee, json_reply(200, committee_json)));
  router.add("GET", "/api/v1/terms/{id}",
             reads(api, term_path("term"), app::get_term, detail(200)));
  router.add("PATCH", "/api/v1/terms/{id}",
             writes(api, decode_term_patch, app::update_term, detail(200)));
  router.add("POST", "/api/v1/terms/{id}/seats",
             writes(api, decode_seat, app::appoint_seat, json_reply(201, seat_json)));
  router.add("POST", "/api/v1/seats/{id}/end",
             writes(api, decode_seat_end, app::end_seat, json_reply(200, seat_json)));
}

}  // namespace chibo::http
