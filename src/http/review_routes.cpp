// The annual review and classification (issue 15): campaigns, self-assessments, the cell's
// proposals, the committee's decisions (band and quota checked), the superior's annulment or
// re-grade, organizations' grades, a member's grades by year, shortcomings tracked to closure.
// Scores are JSON numbers on the 100-point scale with at most one decimal (89.5).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <tuple>

#include "app/review.h"
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
namespace review_http {

using app::Grade;
using nlohmann::json;

constexpr size_t kReviewTextChars = 4000;
constexpr size_t kReviewLineChars = 500;
constexpr size_t kMaxDecisions = 500;

// ---- rendering ---------------------------------------------------------------------------------

json grade_json(const std::optional<Grade>& grade) {
  return grade ? json(std::string(domain::review::grade_code(*grade))) : json(nullptr);
}

json score_json(const std::optional<int>& tenths) {
  return tenths ? json(*tenths / 10.0) : json(nullptr);
}

json pct_json(const std::optional<int>& value) { return value ? json(*value) : json(nullptr); }

json rule_json(const std::optional<domain::review::AppliedRule>& rule) {
  if (!rule) return nullptr;
  return {{"key", rule->key}, {"value", rule->value}, {"source", rule->source}};
}

json campaign_json(const app::ReviewCampaign& c) {
  return {{"id", c.id},
          {"org_id", c.org_id.value},
          {"year", c.year},
          {"review_date", c.review_date.iso()},
          {"title", c.title},
          {"state", c.state},
          {"units", c.units},
          {"version", c.version},
          {"created_at", c.created_at},
          {"created_by", c.created_by},
          {"fanout",
           {{"state", c.fanout_state},
            {"units", c.units},
            {"total", c.fanout_total},
            {"finished_at",
             c.fanout_finished_at.empty() ? json(nullptr) : json(c.fanout_finished_at)}}}};
}

json campaigns_json(const std::vector<app::ReviewCampaign>& list) {
  json items = json::array();
  for (const auto& c : list) items.push_back(campaign_json(c));
  return {{"items", std::move(items)}};
}

json counts_json(const std::array<int64_t, 5>& counts) {
  return {{"excellent", counts[4]},
          {"good", counts[3]},
          {"completed", counts[2]},
          {"not_completed", counts[1]}};
}

json unit_json(const app::ReviewUnit& u) {
  return {{"org_id", u.org_id.value},
          {"grade", grade_json(u.grade)},
          {"score", score_json(u.score)},
          {"tasks_on_time_pct", pct_json(u.tasks_on_time_pct)},
          {"tasks_exceeded_pct", pct_json(u.tasks_exceeded_pct)},
          {"tasks_late_pct", pct_json(u.tasks_late_pct)},
          {"note", text_or_null(u.note)},
          {"decided_at", text_or_null(u.decided_at)},
          {"decided_by", text_or_null(u.decided_by)}};
}

json shortcoming_json(const app::ShortcomingLine& line) {
  const app::Shortcoming& s = line.item;
  return {{"id", s.id},
          {"campaign_id", s.campaign_id},
          {"year", s.year},
          {"member_id", s.member_id.valid() ? json(s.member_id.value) : json(nullptr)},
          {"org_id", s.org_id.value},
          {"subject_name", line.subject_name},
          {"kind", s.kind},
          {"description", s.description},
          {"action", s.action},
          {"owner", s.owner},
          {"due_on", s.due_on.iso()},
          {"evidence", text_or_null(s.evidence)},
          {"state", s.state},
          {"closed_on", s.closed_on ? json(s.closed_on->iso()) : json(nullptr)},
          {"overdue", line.overdue},
          {"version", s.version}};
}

json shortcomings_json(const std::vector<app::ShortcomingLine>& lines) {
  json items = json::array();
  for (const auto& line : lines) items.push_back(shortcoming_json(line));
  return items;
}

json review_json(const std::optional<app::MemberReview>& r) {
  if (!r) return nullptr;
  return {{"self_assessment", r->self_at.empty() ? json(nullptr)
                                                 : json({{"score", score_json(r->self_score)},
                                                         {"grade", grade_json(r->self_grade)},
                                                         {"text", text_or_null(r->self_text)},
                                                         {"at", r->self_at}})},
          {"proposal", r->cell_at.empty() ? json(nullptr)
                                          : json({{"grade", grade_json(r->cell_grade)},
                                                  {"comment", r->cell_comment},
                                                  {"vote",
                                                   {{"in_favour", r->votes_for},
                                                    {"against", r->votes_against},
                                                    {"entitled", r->votes_entitled}}},
                                                  {"at", r->cell_at}})},
          {"grade", grade_json(r->grade)},
          {"score", score_json(r->score)},
          {"disciplined_in_year", r->disciplined},
          {"rules", text_or_null(r->grade_rules)},
          {"decided_at", text_or_null(r->decided_at)},
          {"decided_by", text_or_null(r->decided_by)},
          {"superior_action", text_or_null(r->superior_action)},
          {"superior_reason", text_or_null(r->superior_reason)},
          {"group_org_id", r->group_org_id.value},
          {"version", r->version}};
}

json eligibility_json(const domain::review::Eligibility& e) {
  return {{"reviewed", e.reviewed},
          {"reason", text_or_null(e.reason)},
          {"reviewable_from", e.reviewable_from ? json(e.reviewable_from->iso()) : json(nullptr)},
          {"rule", rule_json(e.rule)}};
}

json member_line_json(const app::MemberLine& line) {
  return {{"member_id", line.member_id.value},
          {"full_name", line.full_name},
          {"status", line.status},
          {"eligibility", eligibility_json(line.eligibility)},
          {"is_head", line.is_head},
          {"review", review_json(line.review)},
          {"last_year_shortcomings", shortcomings_json(line.last_year)}};
}

json member_lines_json(const std::vector<app::MemberLine>& lines) {
  json items = json::array();
  for (const auto& line : lines) items.push_back(member_line_json(line));
  return {{"items", std::move(items)}};
}

json campaign_view_json(const app::CampaignView& v) {
  json children = json::array();
  for (const auto& child : v.children) {
    json item = unit_json(child.unit);
    item["name"] = child.name;
    item["kind"] = child.kind;
    children.push_back(std::move(item));
  }
  json members = json::array();
  for (const auto& line : v.members) members.push_back(member_line_json(line));
  json quota = nullptr;
  if (v.quota) {
    const auto& a = v.quota->answer;
    quota = {{"group_org_id", v.quota->group_org_id.value},
             {"excellent", a.count.excellent},
             {"good_or_above", a.count.good_or_above},
             {"allowed", a.allowed},
             {"within", a.within},
             {"rule", rule_json(a.rule)}};
  }
  json campaign = campaign_json(v.campaign);
  campaign["org_name"] = v.campaign_org_name;
  return {{"campaign", std::move(campaign)},
          {"org", {{"id", v.org.id.value}, {"name", v.org.name}, {"kind", v.org.kind}}},
          {"unit", v.unit ? unit_json(*v.unit) : json(nullptr)},
          {"summary",
           {{"members", counts_json(v.counts.members)}, {"orgs", counts_json(v.counts.orgs)}}},
          {"children", std::move(children)},
          {"members", std::move(members)},
          {"quota", std::move(quota)},
          {"may_write", v.may_write},
          {"may_decide", v.may_decide}};
}

json member_reviews_json(const app::MemberReviews& m) {
  json years = json::array();
  for (const auto& y : m.years) {
    json item = review_json(y.review);
    item["year"] = y.review.year;
    item["campaign_id"] = y.review.campaign_id;
    item["campaign_title"] = y.campaign_title;
    item["org_id"] = y.review.org_id.value;
    item["shortcomings"] = shortcomings_json(y.shortcomings);
    years.push_back(std::move(item));
  }
  return {{"member", {{"id", m.member_id.value}, {"full_name", m.full_name}}},
          {"years", std::move(years)},
          {"screening",
           {{"listed", m.screening.listed},
            {"consecutive_not_completed", m.screening.consecutive},
            {"year", m.screening_year > 0 ? json(m.screening_year) : json(nullptr)},
            {"rule", rule_json(m.screening.rule)}}}};
}

json shortcoming_list_json(const std::vector<app::ShortcomingLine>& lines) {
  return {{"items", shortcomings_json(lines)}};
}

// ---- decoding ----------------------------------------------------------------------------------

// A score on the 100-point scale with at most one decimal, as tenths.
std::optional<int> read_score(JsonFields& fields, const std::string& name, bool required,
                              std::vector<FieldError>& errors) {
  const json* value = fields.raw(name);
  if (!value || value->is_null()) {
    if (required) errors.push_back({name, "required", {}});
    return std::nullopt;
  }
  if (!value->is_number()) {
    errors.push_back({name, "wrong_type", {{"expected_code", "number"}}});
    return std::nullopt;
  }
  const double points = value->get<double>();
  if (!std::isfinite(points) || points < 0 || points > 100) {
    errors.push_back({name, "out_of_range", {{"min", "0"}, {"max", "100"}}});
    return std::nullopt;
  }
  const double tenths = points * 10;
  const long long rounded = std::llround(tenths);
  if (std::fabs(tenths - static_cast<double>(rounded)) > 1e-6) {
    errors.push_back({name, "score_precision", {}});
    return std::nullopt;
  }
  return static_cast<int>(rounded);
}

std::optional<Grade> read_grade(JsonFields& fields, const std::string& name, bool required,
                                std::vector<FieldError>& errors) {
  const size_t before = errors.size();
  std::string code = read_text_field(fields, name, 40, errors);
  if (code.empty()) {
    if (required && errors.size() == before) errors.push_back({name, "required", {}});
    return std::nullopt;
  }
  std::optional<Grade> grade = domain::review::parse_grade(code);
  if (!grade)
    errors.push_back(
        {name, "not_allowed", {{"allowed", "excellent, good, completed, not_completed"}}});
  return grade;
}

std::optional<int> read_pct(JsonFields& fields, const std::string& name,
                            std::vector<FieldError>& errors) {
  const auto value = fields.nullable_integer(name);
  if (!value || !*value) return std::nullopt;
  if (**value < 0 || **value > 100) {
    errors.push_back({name, "out_of_range", {{"min", "0"}, {"max", "100"}}});
    return std::nullopt;
  }
  return static_cast<int>(**value);
}

std::optional<long long> read_id(JsonFields& fields, const std::string& name, bool required,
                                 std::vector<FieldError>& errors) {
  const auto value = fields.integer(name, required);
  if (value && *value <= 0) {
    errors.push_back({name, "invalid_id", {}});
    return std::nullopt;
  }
  return value;
}

std::string read_required_text(JsonFields& fields, const std::string& name, size_t max,
                               std::vector<FieldError>& errors) {
  const size_t before = errors.size();
  std::string text = read_text_field(fields, name, max, errors);
  if (text.empty() && errors.size() == before) errors.push_back({name, "required", {}});
  return text;
}

Result<long long> review_path_id(const HttpRequest& request, const char* what) {
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found(what);
  return *id;
}

// A campaign's path id and a JSON body.
Result<std::pair<int64_t, RequestBody>> campaign_body(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = review_path_id(request, "review_campaign");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  return std::pair{static_cast<int64_t>(*id), std::move(*body)};
}

Result<std::tuple<app::CampaignRequest>> decode_campaign(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::CampaignRequest campaign;
  const auto org = read_id(fields, "org_id", true, errors);
  const auto year = fields.integer("year", true);
  if (year && (*year < 2000 || *year > 9999))
    errors.push_back({"year", "out_of_range", {{"min", "2000"}, {"max", "9999"}}});
  const auto review_date = read_date_field(fields, "review_date", true, errors);
  campaign.title = read_required_text(fields, "title", kReviewLineChars, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  campaign.org_id = OrgId(*org);
  campaign.year = static_cast<int>(*year);
  campaign.review_date = *review_date;
  return std::tuple{std::move(campaign)};
}

Result<std::tuple<OrgId>> decode_campaign_list(const HttpRequest& request) {
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  const std::optional<long long> org = params.integer("org_id", 1, INT64_MAX);
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!org && errors.empty()) errors.push_back({"org_id", "required", {}});
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{OrgId(*org)};
}

Result<std::tuple<int64_t, std::optional<OrgId>>> decode_campaign_get(const HttpRequest& request) {
  Result<long long> id = review_path_id(request, "review_campaign");
  if (!id) return std::move(id).error();
  QueryParams params(request.query);
  const std::optional<long long> org = params.integer("org_id", 1, INT64_MAX);
  std::vector<FieldError> errors = params.finish();
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{static_cast<int64_t>(*id),
                    org ? std::optional<OrgId>(OrgId(*org)) : std::nullopt};
}

Result<std::tuple<int64_t, app::SelfAssessmentRequest>> decode_self_assessment(
    const HttpRequest& request) {
  auto read = campaign_body(request);
  if (!read) return std::move(read).error();
  auto& [id, body] = *read;
  JsonFields& fields = body.fields();
  std::vector<FieldError>& errors = body.errors();
  app::SelfAssessmentRequest self;
  const auto member = read_id(fields, "member_id", true, errors);
  const auto score = read_score(fields, "score", true, errors);
  const auto grade = read_grade(fields, "grade", true, errors);
  self.text = read_text_field(fields, "text", kReviewTextChars, errors);
  if (Status done = body.finish(); !done) return std::move(done).error();
  self.member_id = MemberId(*member);
  self.score = *score;
  self.grade = *grade;
  return std::tuple{id, std::move(self)};
}

Result<std::tuple<int64_t, app::ProposalRequest>> decode_proposal(const HttpRequest& request) {
  auto read = campaign_body(request);
  if (!read) return std::move(read).error();
  auto& [id, body] = *read;
  JsonFields& fields = body.fields();
  std::vector<FieldError>& errors = body.errors();
  app::ProposalRequest proposal;
  const auto member = read_id(fields, "member_id", true, errors);
  const auto grade = read_grade(fields, "grade", true, errors);
  proposal.comment = read_required_text(fields, "comment", kReviewTextChars, errors);
  if (!fields.has("vote")) errors.push_back({"vote", "required", {}});
  proposal.vote = read_vote(fields, "vote", errors);
  if (Status done = body.finish(); !done) return std::move(done).error();
  proposal.member_id = MemberId(*member);
  proposal.grade = *grade;
  return std::tuple{id, std::move(proposal)};
}

Result<std::tuple<int64_t, std::vector<app::DecisionItem>>> decode_decisions(
    const HttpRequest& request) {
  auto read = campaign_body(request);
  if (!read) return std::move(read).error();
  auto& [id, body] = *read;
  JsonFields& fields = body.fields();
  std::vector<FieldError>& errors = body.errors();
  std::vector<app::DecisionItem> items;
  const json* list = fields.raw("decisions");
  if (!list || list->is_null()) {
    errors.push_back({"decisions", "required", {}});
  } else if (list->is_array() && list->empty()) {
    errors.push_back({"decisions", "required", {}});
  } else if (!list->is_array() || list->size() > kMaxDecisions) {
    errors.push_back({"decisions",
                      list->is_array() ? "too_many" : "wrong_type",
                      {{"expected_code", "array"}, {"max", std::to_string(kMaxDecisions)}}});
  } else {
    for (size_t index = 0; index < list->size(); ++index) {
      const std::string prefix = "decisions[" + std::to_string(index) + "]";
      const json& entry = (*list)[index];
      if (!entry.is_object()) {
        errors.push_back({prefix, "wrong_type", {{"expected_code", "object"}}});
        continue;
      }
      JsonFields nested(entry);
      std::vector<FieldError> inner;
      app::DecisionItem item;
      const auto member = read_id(nested, "member_id", true, inner);
      const auto score = read_score(nested, "score", true, inner);
      const auto grade = read_grade(nested, "grade", true, inner);
      if (const auto flag = nested.boolean("disciplined_in_year")) item.disciplined_in_year = *flag;
      for (FieldError& error : nested.finish()) inner.push_back(std::move(error));
      for (FieldError& error : inner) {
        error.field = prefix + "." + error.field;
        errors.push_back(std::move(error));
      }
      if (member) item.member_id = MemberId(*member);
      if (score) item.score = *score;
      if (grade) item.grade = *grade;
      items.push_back(item);
    }
  }
  if (Status done = body.finish(); !done) return std::move(done).error();
  return std::tuple{id, std::move(items)};
}

Result<std::tuple<int64_t, app::SuperiorReviewRequest>> decode_superior(
    const HttpRequest& request) {
  auto read = campaign_body(request);
  if (!read) return std::move(read).error();
  auto& [id, body] = *read;
  JsonFields& fields = body.fields();
  std::vector<FieldError>& errors = body.errors();
  app::SuperiorReviewRequest superior;
  const auto member = read_id(fields, "member_id", true, errors);
  superior.action = read_required_text(fields, "action", 20, errors);
  superior.grade = read_grade(fields, "grade", false, errors);
  superior.score = read_score(fields, "score", false, errors);
  superior.reason = read_required_text(fields, "reason", kReviewTextChars, errors);
  if (Status done = body.finish(); !done) return std::move(done).error();
  superior.member_id = MemberId(*member);
  return std::tuple{id, std::move(superior)};
}

Result<std::tuple<int64_t, app::OrgGradeRequest>> decode_org_grade(const HttpRequest& request) {
  auto read = campaign_body(request);
  if (!read) return std::move(read).error();
  auto& [id, body] = *read;
  JsonFields& fields = body.fields();
  std::vector<FieldError>& errors = body.errors();
  app::OrgGradeRequest grade;
  const auto org = read_id(fields, "org_id", true, errors);
  const auto score = read_score(fields, "score", true, errors);
  const auto code = read_grade(fields, "grade", true, errors);
  grade.tasks_on_time_pct = read_pct(fields, "tasks_on_time_pct", errors);
  grade.tasks_exceeded_pct = read_pct(fields, "tasks_exceeded_pct", errors);
  grade.tasks_late_pct = read_pct(fields, "tasks_late_pct", errors);
  if (const auto flag = fields.boolean("subordinate_disciplined"))
    grade.subordinate_disciplined = *flag;
  grade.note = read_text_field(fields, "note", kReviewTextChars, errors);
  if (Status done = body.finish(); !done) return std::move(done).error();
  grade.org_id = OrgId(*org);
  grade.score = *score;
  grade.grade = *code;
  return std::tuple{id, std::move(grade)};
}

Result<std::tuple<app::ShortcomingRequest>> decode_shortcoming(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::ShortcomingRequest s;
  const auto campaign = read_id(fields, "campaign_id", true, errors);
  if (const auto member = read_id(fields, "member_id", false, errors))
    s.member_id = MemberId(*member);
  if (const auto org = read_id(fields, "org_id", false, errors)) s.org_id = OrgId(*org);
  s.kind = read_required_text(fields, "kind", 20, errors);
  s.description = read_required_text(fields, "description", kReviewTextChars, errors);
  s.action = read_required_text(fields, "action", kReviewTextChars, errors);
  s.owner = read_required_text(fields, "owner", kReviewLineChars, errors);
  const auto due = read_date_field(fields, "due_on", true, errors);
  if (Status done = body->finish(); !done) return std::move(done).error();
  s.campaign_id = *campaign;
  s.due_on = *due;
  return std::tuple{std::move(s)};
}

Result<std::tuple<app::CloseShortcomingRequest>> decode_close_shortcoming(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = review_path_id(request, "review_shortcoming");
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::CloseShortcomingRequest close;
  close.id = *id;
  close.evidence = read_required_text(fields, "evidence", kReviewTextChars, errors);
  const auto closed_on = read_date_field(fields, "closed_on", true, errors);
  close.version = body->version();
  if (Status done = body->finish(); !done) return std::move(done).error();
  close.closed_on = *closed_on;
  return std::tuple{std::move(close)};
}

Result<std::tuple<app::ShortcomingQuery>> decode_shortcoming_list(const HttpRequest& request) {
  QueryParams params(request.query);
  app::ShortcomingQuery query;
  const std::optional<long long> org = params.integer("org_id", 1, INT64_MAX);
  if (const auto state = params.text("state")) query.state = *state;
  if (const auto overdue = params.flag("overdue")) query.overdue = *overdue;
  if (const auto member = params.integer("member_id", 1, INT64_MAX))
    query.member_id = MemberId(*member);
  if (const auto year = params.integer("year", 2000, 9999)) query.year = static_cast<int>(*year);
  if (const auto limit = params.integer("limit", 1, 1000)) query.limit = static_cast<int>(*limit);
  std::vector<FieldError> errors = params.finish();
  if (!query.state.empty() && query.state != "open" && query.state != "closed")
    errors.push_back({"state", "not_allowed", {{"allowed", "open, closed"}}});
  const bool reported = std::any_of(errors.begin(), errors.end(),
                                    [](const FieldError& e) { return e.field == "org_id"; });
  if (!org && !reported) errors.push_back({"org_id", "required", {}});
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  query.org_id = OrgId(*org);
  return std::tuple{query};
}

// POST /review-campaigns/{id}/close with the version seen.
Result<std::tuple<app::CloseCampaignRequest>> decode_close_campaign(const HttpRequest& request) {
  auto read = campaign_body(request);
  if (!read) return std::move(read).error();
  auto& [id, body] = *read;
  app::CloseCampaignRequest close;
  close.id = id;
  close.version = body.version();
  if (Status done = body.finish(); !done) return std::move(done).error();
  return std::tuple{close};
}

}  // namespace review_http

void add_review_routes(Router& router, ApiContext& api) {
  using namespace review_http;
  // A fan-out left to the background (app/review_fanout.h): the job runner is told at once
  // rather than at its next tick (chibo serve --jobs-interval-ms).
  const auto opened = json_reply(201, [&api](const app::CampaignView& v) {
    if (v.campaign.fanout_state != "done" && api.wake_jobs) api.wake_jobs();
    return campaign_view_json(v);
  });
  router.add("POST", "/api/v1/review-campaigns",
             writes(api, decode_campaign, app::open_review_campaign, opened));
  router.add("GET", "/api/v1/review-campaigns",
             lists(api, decode_campaign_list, app::list_review_campaigns,
                   json_reply(200, campaigns_json)));
  router.add("GET", "/api/v1/review-campaigns/{id}",
             reads(api, decode_campaign_get, app::get_review_campaign,
                   json_reply(200, campaign_view_json)));
  router.add("POST", "/api/v1/review-campaigns/{id}/self-assessments",
             writes(api, decode_self_assessment, app::record_self_assessment,
                    json_reply(200, member_line_json)));
  router.add(
      "POST", "/api/v1/review-campaigns/{id}/proposals",
      writes(api, decode_proposal, app::record_cell_proposal, json_reply(200, member_line_json)));
  router.add(
      "POST", "/api/v1/review-campaigns/{id}/decisions",
      writes(api, decode_decisions, app::decide_review_grades, json_reply(200, member_lines_json)));
  router.add("POST", "/api/v1/review-campaigns/{id}/superior-reviews",
             writes(api, decode_superior, app::superior_review, json_reply(200, member_line_json)));
  router.add(
      "POST", "/api/v1/review-campaigns/{id}/org-grades",
      writes(api, decode_org_grade, app::grade_review_org, json_reply(200, campaign_view_json)));
  router.add("GET", "/api/v1/members/{id}/reviews",
             reads(api, path_id_of<MemberId>("member"), app::get_member_reviews,
                   json_reply(200, member_reviews_json)));
  router.add(
      "POST", "/api/v1/review-shortcomings",
      writes(api, decode_shortcoming, app::record_shortcoming, json_reply(201, shortcoming_json)));
  router.add("POST", "/api/v1/review-shortcomings/{id}/close",
             writes(api, decode_close_shortcoming, app::close_shortcoming,
                    json_reply(200, shortcoming_json)));
  router.add("GET", "/api/v1/review-shortcomings",
             lists(api, decode_shortcoming_list, app::list_shortcomings,
                   json_reply(200, shortcoming_list_json)));
  router.add("POST", "/api/v1/review-campaigns/{id}/close",
             writes(api, decode_close_campaign, app::close_review_campaign,
                    json_reply(200, campaign_view_json)));
  router.add("GET", "/api/v1/review-campaigns/{id}/summary.xlsx",
             reads(api, decode_campaign_get, app::export_review_summary, xlsx_reply()));
}

}  // namespace chibo::http
