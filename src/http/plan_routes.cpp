// Personal action plans and commitments (issue 13): the signed-in member's plan of a year
// (read, record, edit until reviewed), one plan, its reviews (mid-year, year end), a member's
// plans (the annual review reads them) and a cell's list with who has and has not recorded,
// heads first.
#include <algorithm>
#include <tuple>

#include "app/plans.h"
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
namespace plans_http {

using nlohmann::json;
namespace plans = domain::plans;

// ---- rendering ---------------------------------------------------------------------------------

json rule_date_json(const std::optional<plans::RuleDate>& d) {
  if (!d) return nullptr;
  return {{"on", d->on.iso()}, {"key", d->key}, {"source", d->source}};
}

json window_json(const std::optional<plans::ReviewWindow>& w) {
  if (!w) return nullptr;
  return {{"opens", rule_date_json(w->opens)}, {"closes", rule_date_json(w->closes)}};
}

json plan_item_json(const plans::PlanItem& item) {
  return {{"id", item.id},
          {"content", item.content},
          {"measure", item.measure},
          {"due_on", item.due_on ? json(item.due_on->iso()) : json(nullptr)}};
}

json review_json(const plans::PlanReview& r) {
  json items = json::array();
  for (const auto& a : r.items) {
    items.push_back({{"item_id", a.item_id},
                     {"assessment", a.assessment},
                     {"comment", text_or_null(a.comment)}});
  }
  return {{"id", r.id},
          {"stage", r.stage},
          {"reviewed_on", r.reviewed_on.iso()},
          {"comment", text_or_null(r.comment)},
          {"reviewer", r.reviewer},
          {"items", std::move(items)}};
}

json plan_summary_json(const app::Plan& p) {
  json reviews = json::array();
  for (const auto& r : p.reviews) reviews.push_back(review_json(r));
  json items = json::array();
  for (const auto& item : p.items) items.push_back(plan_item_json(item));
  return {{"id", p.id},
          {"member_id", p.member_id.value},
          {"org_id", p.org_id.value},
          {"year", p.year},
          {"kind", p.kind},
          {"status", p.status()},
          {"head", p.head},
          {"recorded_on", p.recorded_on.iso()},
          {"items", std::move(items)},
          {"reviews", std::move(reviews)},
          {"version", p.version},
          {"updated_at", p.updated_at}};
}

json heads_json(const std::vector<app::PlanHead>& heads) {
  json items = json::array();
  for (const auto& h : heads) {
    items.push_back(
        {{"member_id", h.member_id.value}, {"full_name", h.full_name}, {"position", h.position}});
  }
  return items;
}

json plan_view_json(const app::PlanView& v) {
  json out = plan_summary_json(v.plan);
  out["member_name"] = v.member_name;
  out["org_name"] = v.org_name;
  out["due"] = rule_date_json(v.due);
  out["late"] = v.late;
  out["may_edit"] = v.may_edit;
  out["may_review"] = v.may_review;
  out["heads_missing"] = heads_json(v.heads_missing);
  return out;
}

json my_plan_json(const app::MyPlan& m) {
  return {{"member", {{"id", m.member_id.value}, {"full_name", m.member_name}}},
          {"org", {{"id", m.org_id.value}, {"name", m.org_name}}},
          {"year", m.year},
          {"head", m.head},
          {"due", rule_date_json(m.due)},
          {"plan", m.plan ? plan_view_json(*m.plan) : json(nullptr)},
          {"heads_missing", heads_json(m.heads_missing)}};
}

json member_plans_json(const app::MemberPlans& m) {
  json items = json::array();
  for (const auto& v : m.items) items.push_back(plan_view_json(v));
  return {{"member", {{"id", m.member_id.value}, {"full_name", m.member_name}}},
          {"items", std::move(items)}};
}

json cell_plans_json(const app::CellPlans& c) {
  json lines = json::array();
  for (const auto& l : c.lines) {
    lines.push_back({{"member_id", l.member_id.value},
                     {"full_name", l.full_name},
                     {"position", text_or_null(l.position)},
                     {"head", !l.position.empty()},
                     {"late", l.late},
                     {"plan", l.plan ? plan_summary_json(*l.plan) : json(nullptr)}});
  }
  return {{"org", {{"id", c.org.id.value}, {"name", c.org.name}, {"kind", c.org.kind}}},
          {"year", c.year},
          {"heads_due", rule_date_json(c.heads_due)},
          {"members_due", rule_date_json(c.members_due)},
          {"mid_year_window", window_json(c.mid_year)},
          {"year_end_window", window_json(c.year_end)},
          {"totals",
           {{"members", static_cast<int64_t>(c.lines.size())},
            {"recorded", c.recorded},
            {"not_recorded", c.not_recorded},
            {"heads_not_recorded", c.heads_not_recorded},
            {"reviewed_mid_year", c.reviewed_mid_year},
            {"reviewed_year_end", c.reviewed_year_end}}},
          {"lines", std::move(lines)},
          {"may_review", c.may_review}};
}

// ---- decoding ----------------------------------------------------------------------------------

Error plan_bad_parameters(std::vector<FieldError> errors) {
  return Error::malformed("invalid_parameter").with_fields(std::move(errors));
}

// ?year= (1900..9999); `fallback` when absent (nullopt: required).
Result<std::optional<int>> plan_year_param(QueryParams& params, std::optional<int> fallback,
                                           bool optional) {
  std::vector<FieldError> errors;
  const std::optional<long long> year = params.integer("year", 1900, 9999);
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  const bool reported = std::any_of(errors.begin(), errors.end(),
                                    [](const FieldError& e) { return e.field == "year"; });
  if (!year && !reported && !fallback && !optional) errors.push_back({"year", "required", {}});
  if (!errors.empty()) return plan_bad_parameters(std::move(errors));
  if (year) return std::optional<int>(static_cast<int>(*year));
  return fallback;
}

Result<std::tuple<int>> decode_my_plan(const HttpRequest& request) {
  QueryParams params(request.query);
  auto year = plan_year_param(params, std::nullopt, false);
  if (!year) return std::move(year).error();
  return std::tuple{**year};
}

Result<std::tuple<MemberId, std::optional<int>>> decode_member_plans(const HttpRequest& request) {
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("member");
  QueryParams params(request.query);
  auto year = plan_year_param(params, std::nullopt, true);
  if (!year) return std::move(year).error();
  return std::tuple{MemberId(*id), *year};
}

Result<std::tuple<OrgId, int>> decode_cell_plans(const HttpRequest& request) {
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("organization");
  QueryParams params(request.query);
  auto year = plan_year_param(params, std::nullopt, false);
  if (!year) return std::move(year).error();
  return std::tuple{OrgId(*id), **year};
}

std::vector<plans::PlanItem> read_plan_items(JsonFields& fields, std::vector<FieldError>& errors) {
  std::vector<plans::PlanItem> items;
  const json* raw = fields.raw("items");
  if (!raw || raw->is_null()) return items;
  if (!raw->is_array()) {
    errors.push_back({"items", "wrong_type", {{"expected_code", "array"}}});
    return items;
  }
  if (raw->size() > plans::kMaxItems) {
    errors.push_back({"items", "too_many", {{"max", std::to_string(plans::kMaxItems)}}});
    return items;
  }
  for (size_t i = 0; i < raw->size(); ++i) {
    const std::string field = "items[" + std::to_string(i) + "]";
    const json& value = (*raw)[i];
    if (!value.is_object()) {
      errors.push_back({field, "wrong_type", {{"expected_code", "object"}}});
      continue;
    }
    JsonFields item_fields(value);
    std::vector<FieldError> item_errors;
    plans::PlanItem item;
    item.content = read_text_field(item_fields, "content", plans::kContentChars, item_errors);
    item.measure = read_text_field(item_fields, "measure", plans::kMeasureChars, item_errors);
    item.due_on = read_date_field(item_fields, "due_on", false, item_errors);
    for (FieldError& e : item_fields.finish()) item_errors.push_back(std::move(e));
    for (FieldError& e : item_errors) {
      e.field = field + "." + e.field;
      errors.push_back(std::move(e));
    }
    items.push_back(std::move(item));
  }
  return items;
}

// kind and items, the body of a new plan and of an edit.
void read_plan_body(JsonFields& fields, std::vector<FieldError>& errors, app::PlanRequest& plan) {
  plan.kind = read_text_field(fields, "kind", 20, errors);
  plan.items = read_plan_items(fields, errors);
}

Result<std::tuple<app::PlanRequest>> decode_record_plan(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::PlanRequest plan;
  if (const auto year = fields.integer("year", true)) {
    if (*year < 1900 || *year > 9999) {
      errors.push_back({"year", "out_of_range", {{"min", "1900"}, {"max", "9999"}}});
    } else {
      plan.year = static_cast<int>(*year);
    }
  }
  read_plan_body(fields, errors, plan);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{std::move(plan)};
}

Result<std::tuple<int64_t, app::PlanRequest>> decode_update_plan(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("plan");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  app::PlanRequest plan;
  plan.version = body->version();
  read_plan_body(body->fields(), body->errors(), plan);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{static_cast<int64_t>(*id), std::move(plan)};
}

Result<std::tuple<int64_t, app::ReviewRequest>> decode_review(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("plan");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::ReviewRequest review;
  const size_t before = errors.size();
  review.stage = read_text_field(fields, "stage", 20, errors);
  if (review.stage.empty() && errors.size() == before) errors.push_back({"stage", "required", {}});
  review.comment = read_text_field(fields, "comment", plans::kCommentChars, errors);
  const json* raw = fields.raw("items");
  if (!raw || raw->is_null()) {
    errors.push_back({"items", "required", {}});
  } else if (!raw->is_array()) {
    errors.push_back({"items", "wrong_type", {{"expected_code", "array"}}});
  } else if (raw->size() > plans::kMaxItems) {
    errors.push_back({"items", "too_many", {{"max", std::to_string(plans::kMaxItems)}}});
  } else {
    for (size_t i = 0; i < raw->size(); ++i) {
      const std::string field = "items[" + std::to_string(i) + "]";
      const json& value = (*raw)[i];
      if (!value.is_object()) {
        errors.push_back({field, "wrong_type", {{"expected_code", "object"}}});
        continue;
      }
      JsonFields item_fields(value);
      std::vector<FieldError> item_errors;
      plans::ItemAssessment a;
      if (const auto item_id = item_fields.integer("item_id", true)) a.item_id = *item_id;
      a.assessment = read_text_field(item_fields, "assessment", 20, item_errors);
      a.comment = read_text_field(item_fields, "comment", plans::kCommentChars, item_errors);
      for (FieldError& e : item_fields.finish()) item_errors.push_back(std::move(e));
      for (FieldError& e : item_errors) {
        e.field = field + "." + e.field;
        errors.push_back(std::move(e));
      }
      review.items.push_back(std::move(a));
    }
  }
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{static_cast<int64_t>(*id), std::move(review)};
}

}  // namespace plans_http

void add_plan_routes(Router& router, ApiContext& api) {
  using namespace plans_http;
  router.add("GET", "/api/v1/plans/mine",
             lists(api, decode_my_plan, app::get_my_plan, json_reply(200, my_plan_json)));
  router.add("POST", "/api/v1/plans/mine",
             writes(api, decode_record_plan, app::record_my_plan, json_reply(201, plan_view_json)));
  router.add(
      "GET", "/api/v1/plans/{id}",
      reads(api, path_id_of<int64_t>("plan"), app::get_plan, json_reply(200, plan_view_json)));
  router.add("PUT", "/api/v1/plans/{id}",
             writes(api, decode_update_plan, app::update_plan, json_reply(200, plan_view_json)));
  router.add("POST", "/api/v1/plans/{id}/reviews",
             writes(api, decode_review, app::review_plan, json_reply(201, plan_view_json)));
  router.add(
      "GET", "/api/v1/members/{id}/plans",
      lists(api, decode_member_plans, app::get_member_plans, json_reply(200, member_plans_json)));
  router.add("GET", "/api/v1/orgs/{id}/plans",
             lists(api, decode_cell_plans, app::get_cell_plans, json_reply(200, cell_plans_json)));
}

}  // namespace chibo::http
