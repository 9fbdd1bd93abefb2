// Discipline cases (issue 15): open, list per subtree, read (each read audited), PATCH the facts,
// record the vote, the decision and the appeal, close an undecided case without a sanction; a
// member's cases. Every case carries its clocks as computed today (limitation end or
// "unlimited", appeal deadline, state body's notice).
#include <algorithm>
#include <cstdint>
#include <tuple>

#include "app/discipline.h"
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
namespace discipline_http {

namespace d = domain::discipline;
using nlohmann::json;

constexpr size_t kSummaryChars = 4000;
constexpr size_t kLineChars = 500;
constexpr size_t kMaxDeferrals = 50;

// ---- rendering ---------------------------------------------------------------------------------

json date_json(const std::optional<Date>& date) { return date ? json(date->iso()) : json(nullptr); }

json rule_json(const d::AppliedRule& rule) {
  return {{"key", rule.key}, {"value", rule.value}, {"source", rule.source}};
}

json deadline_json(const std::optional<d::Deadline>& deadline) {
  if (!deadline) return nullptr;
  return {{"due", deadline->due.iso()},
          {"count", deadline->count},
          {"unit", deadline->working_days ? "working_days" : "calendar_days"},
          {"days_left", deadline->days_left ? json(*deadline->days_left) : json(nullptr)},
          {"overdue", deadline->overdue},
          {"rule", rule_json(deadline->rule)}};
}

json limitation_json(const std::optional<d::LimitationAnswer>& l) {
  if (!l) return nullptr;
  return {{"unlimited", l->unlimited},
          {"unlimited_reason", text_or_null(l->unlimited_reason)},
          {"counted_from", l->counted_from.iso()},
          {"ends_on", date_json(l->ends_on)},
          {"deferred_days", l->deferred_days},
          {"expired", l->expired},
          {"days_left", l->days_left ? json(*l->days_left) : json(nullptr)},
          {"rule", l->rule ? rule_json(*l->rule) : json(nullptr)}};
}

json case_json(const app::DisciplineView& v) {
  const app::DisciplineCase& c = v.item;
  json deferrals = json::array();
  for (const app::DeferralPeriod& p : c.deferrals) {
    deferrals.push_back({{"from", p.from.iso()}, {"to", p.to.iso()}, {"reason", p.reason}});
  }
  json vote = nullptr;
  if (c.vote) {
    vote = {{"in_favour", c.vote->in_favour},
            {"against", c.vote->against},
            {"abstain", c.vote->abstain},
            {"entitled", c.vote->entitled},
            {"voted_on", date_json(c.voted_on)}};
  }
  json threshold = nullptr;
  if (v.vote) {
    threshold = {{"passes", c.vote.has_value() && v.vote->passes},
                 {"needed", v.vote->needed},
                 {"numerator", v.vote->numerator},
                 {"denominator", v.vote->denominator},
                 {"rule", rule_json(v.vote->rule)}};
  }
  json decision = nullptr;
  if (c.decided_on) {
    decision = {
        {"decided_on", c.decided_on->iso()},
        {"document_id", c.decision_document_id > 0 ? json(c.decision_document_id) : json(nullptr)},
        {"number", text_or_null(c.decision_number)},
        {"received_on", date_json(c.received_on)}};
  }
  // Every level of appeal, the first first; `appeal` is the last (the one a form acts on).
  json appeals = json::array();
  for (size_t i = 0; i < c.appeals.size(); ++i) {
    const d::Appeal& a = c.appeals[i];
    appeals.push_back(
        {{"level", static_cast<int64_t>(i + 1)},
         {"body", a.body ? json(std::string(d::appeal_body_code(*a.body))) : json(nullptr)},
         {"received_on", a.received_on.iso()},
         {"decided_on", date_json(a.decided_on)},
         {"outcome", text_or_null(a.outcome)},
         {"outcome_received_on", date_json(a.outcome_received_on)}});
  }
  json appeal = appeals.empty() ? json(nullptr) : appeals.back();
  json next_appeal = nullptr;
  if (v.next_appeal) {
    const d::NextAppeal& n = *v.next_appeal;
    next_appeal = {{"open", n.closed.empty()},
                   {"closed", text_or_null(n.closed)},
                   {"level", n.level},
                   {"from", n.closed.empty() ? json(n.period_from.iso()) : json(nullptr)},
                   {"min_rank", n.min_rank ? json(*n.min_rank) : json(nullptr)},
                   {"rule", n.final_rule ? rule_json(*n.final_rule) : json(nullptr)}};
  }
  json closure = nullptr;
  if (c.closure) {
    closure = {{"closed_on", c.closure->closed_on.iso()},
               {"ground", std::string(d::closure_ground_code(c.closure->ground))},
               {"note", text_or_null(c.closure->note)}};
  }
  json suspension = nullptr;
  if (c.suspension) {
    const d::Suspension& s = *c.suspension;
    suspension = {{"from", s.from.iso()},
                  {"until", s.until.iso()},
                  {"basis", s.basis},
                  {"lifted_on", date_json(s.lifted_on)},
                  {"in_force", v.suspended_today},
                  {"rule", v.suspension_rule ? rule_json(*v.suspension_rule) : json(nullptr)}};
  }
  return {{"id", c.id},
          {"subject", std::string(d::subject_code(c.subject))},
          {"member_id", c.member_id.valid() ? json(c.member_id.value) : json(nullptr)},
          {"org_id", c.org_id.value},
          {"org_name", v.org_name},
          {"subject_name", v.subject_name},
          {"breach_summary", c.breach_summary},
          {"breach_date", c.breach_date.iso()},
          {"new_breach_date", date_json(c.new_breach_date)},
          {"category", std::string(d::category_code(c.category))},
          {"deferrals", std::move(deferrals)},
          {"sanction", std::string(d::sanction_code(c.sanction))},
          {"competent_level", c.competent_level},
          {"state_decided_on", date_json(c.state_decided_on)},
          {"state_notified_on", date_json(c.state_notified_on)},
          {"vote", std::move(vote)},
          {"threshold", std::move(threshold)},
          {"decision", std::move(decision)},
          {"appeal", std::move(appeal)},
          {"appeals", std::move(appeals)},
          {"next_appeal", std::move(next_appeal)},
          {"suspension", std::move(suspension)},
          {"closure", std::move(closure)},
          {"clocks",
           {{"limitation", limitation_json(v.limitation)},
            {"appeal", deadline_json(v.appeal)},
            {"appeal_resolve", deadline_json(v.appeal_resolve)},
            {"state_notice", deadline_json(v.state_notice)}}},
          {"state", c.state},
          {"may_write", v.may_write},
          {"version", c.version},
          {"created_at", c.created_at},
          {"created_by", c.created_by},
          {"updated_at", c.updated_at}};
}

json case_list_json(const std::vector<app::DisciplineView>& views) {
  json items = json::array();
  for (const auto& v : views) items.push_back(case_json(v));
  return {{"items", std::move(items)}};
}

json member_discipline_json(const app::MemberDiscipline& m) {
  json items = json::array();
  for (const auto& v : m.cases) items.push_back(case_json(v));
  return {{"member", {{"id", m.member_id.value}, {"full_name", m.full_name}}},
          {"items", std::move(items)}};
}

// ---- decoding ----------------------------------------------------------------------------------

// Absent: nullopt; null or "": a value of nullopt (cleared); else the date.
std::optional<std::optional<Date>> read_nullable_date(JsonFields& fields, const std::string& name,
                                                      std::vector<FieldError>& errors) {
  if (!fields.has(name)) return std::nullopt;
  return read_date_field(fields, name, false, errors);
}

std::vector<app::DeferralPeriod> read_deferrals(JsonFields& fields,
                                                std::vector<FieldError>& errors) {
  std::vector<app::DeferralPeriod> out;
  const json* value = fields.raw("deferrals");
  if (!value || value->is_null()) return out;
  if (!value->is_array() || value->size() > kMaxDeferrals) {
    errors.push_back({"deferrals",
                      value->is_array() ? "too_many" : "wrong_type",
                      {{"expected_code", "array"}, {"max", std::to_string(kMaxDeferrals)}}});
    return out;
  }
  for (size_t index = 0; index < value->size(); ++index) {
    const std::string prefix = "deferrals[" + std::to_string(index) + "]";
    const json& item = (*value)[index];
    if (!item.is_object()) {
      errors.push_back({prefix, "wrong_type", {{"expected_code", "object"}}});
      continue;
    }
    JsonFields nested(item);
    std::vector<FieldError> inner;
    app::DeferralPeriod period;
    const auto from = read_date_field(nested, "from", true, inner);
    const auto to = read_date_field(nested, "to", true, inner);
    period.reason = read_text_field(nested, "reason", 40, inner);
    if (period.reason != "pregnancy" && period.reason != "maternity" &&
        period.reason != "illness" && period.reason != "inpatient")
      inner.push_back(
          {"reason", "not_allowed", {{"allowed", "pregnancy, maternity, illness, inpatient"}}});
    for (FieldError& error : nested.finish()) inner.push_back(std::move(error));
    for (FieldError& error : inner) {
      error.field = prefix + "." + error.field;
      errors.push_back(std::move(error));
    }
    if (from && to) {
      period.from = *from;
      period.to = *to;
      out.push_back(std::move(period));
    }
  }
  return out;
}

template <class T>
std::optional<T> read_code(JsonFields& fields, const std::string& name, const char* allowed,
                           std::optional<T> (*parse)(std::string_view),
                           std::vector<FieldError>& errors) {
  if (!fields.has(name)) return std::nullopt;
  const size_t before = errors.size();
  const std::string code = read_text_field(fields, name, 40, errors);
  if (errors.size() != before) return std::nullopt;
  std::optional<T> value = parse(code);
  if (!value) errors.push_back({name, "not_allowed", {{"allowed", allowed}}});
  return value;
}

// The facts present in the body (create and PATCH share them).
app::DisciplineFacts read_facts(JsonFields& fields, std::vector<FieldError>& errors) {
  app::DisciplineFacts f;
  if (fields.has("breach_summary"))
    f.breach_summary = read_text_field(fields, "breach_summary", kSummaryChars, errors);
  if (fields.has("breach_date"))
    f.breach_date = read_date_field(fields, "breach_date", true, errors);
  f.new_breach_date = read_nullable_date(fields, "new_breach_date", errors);
  f.category = read_code<d::Category>(
      fields, "category", "ordinary, internal_politics, security_defence_foreign, illegal_diploma",
      d::parse_category, errors);
  if (fields.has("deferrals")) f.deferrals = read_deferrals(fields, errors);
  f.sanction = read_code<d::Sanction>(fields, "sanction",
                                      "reprimand, warning, dismissal, expulsion, dissolution",
                                      d::parse_sanction, errors);
  if (fields.has("competent_level"))
    f.competent_level = read_text_field(fields, "competent_level", kLineChars, errors);
  f.state_decided_on = read_nullable_date(fields, "state_decided_on", errors);
  f.state_notified_on = read_nullable_date(fields, "state_notified_on", errors);
  f.received_on = read_nullable_date(fields, "received_on", errors);
  return f;
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

Result<std::tuple<app::OpenDisciplineRequest>> decode_open(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  std::vector<FieldError>& errors = body->errors();
  app::OpenDisciplineRequest open;
  if (const auto member = read_id(fields, "member_id", false, errors))
    open.member_id = MemberId(*member);
  if (const auto org = read_id(fields, "org_id", false, errors)) open.org_id = OrgId(*org);
  open.facts = read_facts(fields, errors);
  if (!fields.has("breach_summary")) errors.push_back({"breach_summary", "required", {}});
  if (!fields.has("breach_date")) errors.push_back({"breach_date", "required", {}});
  if (!fields.has("sanction")) errors.push_back({"sanction", "required", {}});
  if (!fields.has("competent_level")) errors.push_back({"competent_level", "required", {}});
  if (Status done = body->finish(); !done) return std::move(done).error();
  if (!open.member_id && !open.org_id) return Error::invalid_field("member_id", "required");
  return std::tuple{std::move(open)};
}

Result<long long> case_id(const HttpRequest& request) {
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("discipline_case");
  return *id;
}

Result<std::tuple<int64_t, int64_t, app::DisciplineFacts>> decode_patch(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = case_id(request);
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  app::DisciplineFacts facts = read_facts(body->fields(), body->errors());
  const int64_t version = body->version();
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{static_cast<int64_t>(*id), version, std::move(facts)};
}

// A step on one case (vote, decision, appeal, suspension): no query parameters, the case's id
// from the path, the body's fields read by `read` into the step's request, its version; every
// field error reported at once.
template <typename Step, typename Read>
Result<std::tuple<Step>> decode_step(const HttpRequest& request, Read read) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = case_id(request);
  if (!id) return std::move(id).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  Step step;
  step.id = *id;
  read(step, body->fields(), body->errors());
  step.version = body->version();
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{std::move(step)};
}

Result<std::tuple<app::DisciplineVoteRequest>> decode_vote(const HttpRequest& request) {
  return decode_step<app::DisciplineVoteRequest>(
      request,
      [](app::DisciplineVoteRequest& vote, JsonFields& fields, std::vector<FieldError>& errors) {
        const auto count = [&](const char* name) {
          const auto value = fields.integer(name, true);
          return value ? static_cast<int>(std::clamp<long long>(*value, -1, 1000000)) : 0;
        };
        vote.vote.in_favour = count("in_favour");
        vote.vote.against = count("against");
        vote.vote.abstain = count("abstain");
        vote.vote.entitled = count("entitled");
        // Required: when it is missing the field error refuses the body.
        vote.voted_on = read_date_field(fields, "voted_on", true, errors).value_or(Date{});
      });
}

Result<std::tuple<app::DisciplineDecisionRequest>> decode_decision(const HttpRequest& request) {
  return decode_step<app::DisciplineDecisionRequest>(
      request, [](app::DisciplineDecisionRequest& decision, JsonFields& fields,
                  std::vector<FieldError>& errors) {
        // Required: when it is missing the field error refuses the body.
        decision.decided_on = read_date_field(fields, "decided_on", true, errors).value_or(Date{});
        if (const auto document = read_id(fields, "decision_document_id", false, errors))
          decision.document_id = *document;
        decision.number = read_text_field(fields, "decision_number", kLineChars, errors);
        decision.received_on = read_date_field(fields, "received_on", false, errors);
      });
}

Result<std::tuple<app::DisciplineAppealRequest>> decode_appeal(const HttpRequest& request) {
  return decode_step<app::DisciplineAppealRequest>(
      request, [](app::DisciplineAppealRequest& appeal, JsonFields& fields,
                  std::vector<FieldError>& errors) {
        appeal.received_on = read_date_field(fields, "received_on", false, errors);
        appeal.body = read_text_field(fields, "body", 40, errors);
        appeal.decided_on = read_date_field(fields, "decided_on", false, errors);
        appeal.outcome = read_text_field(fields, "outcome", 20, errors);
        appeal.outcome_received_on = read_date_field(fields, "outcome_received_on", false, errors);
      });
}

Result<std::tuple<app::DisciplineSuspensionRequest>> decode_suspension(const HttpRequest& request) {
  return decode_step<app::DisciplineSuspensionRequest>(
      request, [](app::DisciplineSuspensionRequest& suspension, JsonFields& fields,
                  std::vector<FieldError>& errors) {
        suspension.from = read_date_field(fields, "from", false, errors);
        suspension.until = read_date_field(fields, "until", false, errors);
        suspension.basis = read_text_field(fields, "basis", 20, errors);
        suspension.lifted_on = read_date_field(fields, "lifted_on", false, errors);
      });
}

Result<std::tuple<app::DisciplineClosureRequest>> decode_closure(const HttpRequest& request) {
  return decode_step<app::DisciplineClosureRequest>(
      request, [](app::DisciplineClosureRequest& closure, JsonFields& fields,
                  std::vector<FieldError>& errors) {
        // Required: when it is missing the field error refuses the body.
        closure.closed_on = read_date_field(fields, "closed_on", true, errors).value_or(Date{});
        closure.ground = read_code<d::ClosureGround>(fields, "ground", d::closure_grounds(),
                                                     d::parse_closure_ground, errors);
        closure.note = read_text_field(fields, "note", kSummaryChars, errors);
        if (!fields.has("ground")) errors.push_back({"ground", "required", {}});
        // Labelled as the closure's ("closed_on" alone is a congress's closing day).
        for (FieldError& error : errors) error.params.emplace_back("subject", "discipline_closure");
      });
}

Result<std::tuple<app::DisciplineQuery>> decode_list(const HttpRequest& request) {
  QueryParams params(request.query);
  app::DisciplineQuery query;
  const std::optional<long long> org = params.integer("org_id", 1, INT64_MAX);
  if (const auto state = params.text("state")) query.state = *state;
  const std::optional<std::string> subject = params.text("subject");
  if (const auto year = params.integer("year", 1930, 9999)) query.year = static_cast<int>(*year);
  if (const auto limit = params.integer("limit", 1, 1000)) query.limit = static_cast<int>(*limit);
  std::vector<FieldError> errors = params.finish();
  if (!query.state.empty() && query.state != "open" && query.state != "voted" &&
      query.state != "decided" && query.state != "appealed" && query.state != "appeal_decided" &&
      query.state != "closed")
    errors.push_back({"state",
                      "not_allowed",
                      {{"allowed", "open, voted, decided, appealed, appeal_decided, closed"}}});
  if (subject) {
    query.subject = d::parse_subject(*subject);
    if (!query.subject)
      errors.push_back(
          {"subject", "not_allowed", {{"allowed", "organization, official, probationary"}}});
  }
  const bool reported = std::any_of(errors.begin(), errors.end(),
                                    [](const FieldError& e) { return e.field == "org_id"; });
  if (!org && !reported) errors.push_back({"org_id", "required", {}});
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  query.org_id = OrgId(*org);
  return std::tuple{query};
}

Result<std::tuple<int64_t>> decode_get(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<long long> id = case_id(request);
  if (!id) return std::move(id).error();
  return std::tuple{static_cast<int64_t>(*id)};
}

}  // namespace discipline_http

void add_discipline_routes(Router& router, ApiContext& api) {
  using namespace discipline_http;
  router.add("POST", "/api/v1/discipline-cases",
             writes(api, decode_open, app::open_discipline_case, json_reply(201, case_json)));
  router.add("GET", "/api/v1/discipline-cases",
             lists(api, decode_list, app::list_discipline_cases, json_reply(200, case_list_json)));
  router.add("GET", "/api/v1/discipline-cases/{id}",
             reads(api, decode_get, app::get_discipline_case, json_reply(200, case_json)));
  router.add("PATCH", "/api/v1/discipline-cases/{id}",
             writes(api, decode_patch, app::update_discipline_case, json_reply(200, case_json)));
  router.add("POST", "/api/v1/discipline-cases/{id}/vote",
             writes(api, decode_vote, app::record_discipline_vote, json_reply(200, case_json)));
  router.add("POST", "/api/v1/discipline-cases/{id}/decide",
             writes(api, decode_decision, app::decide_discipline_case, json_reply(200, case_json)));
  router.add("POST", "/api/v1/discipline-cases/{id}/appeal",
             writes(api, decode_appeal, app::record_discipline_appeal, json_reply(200, case_json)));
  router.add("POST", "/api/v1/discipline-cases/{id}/suspension",
             writes(api, decode_suspension, app::record_discipline_suspension,
                    json_reply(200, case_json)));
  router.add("POST", "/api/v1/discipline-cases/{id}/close",
             writes(api, decode_closure, app::close_discipline_case, json_reply(200, case_json)));
  router.add("GET", "/api/v1/members/{id}/discipline",
             reads(api, path_id_of<MemberId>("member"), app::get_member_discipline,
                   json_reply(200, member_discipline_json)));
}

}  // namespace chibo::http
