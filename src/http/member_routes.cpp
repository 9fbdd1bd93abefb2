// /api/v1/members: the member registry.
#include <charconv>

#include <sstream>

#include "app/member_changes.h"
#include "app/member_import.h"
#include "app/member_views.h"
#include "http/api.h"
#include "http/idempotency.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/problem.h"
#include "http/query_params.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr long long kMaxYear = 9999;
constexpr long long kMaxPages = 1000000;
constexpr int kDefaultPageSize = 50;
constexpr size_t kMaxQueryBytes = 200;

HttpResponse member_not_found(const HttpRequest& request) {
  return problem_response(Error::not_found("member"), request);
}

// Member fields of a JSON body as a patch; type problems go to `errors`.
domain::MemberPatch read_patch(JsonFields& fields) {
  domain::MemberPatch patch;
  for (const domain::MemberField& field : domain::member_fields()) {
    std::optional<std::optional<std::string>> value;
    if (field.kind == domain::FieldKind::kAliases) {
      value = fields.string_list(field.name);
    } else if (field.kind == domain::FieldKind::kOrgRef) {
      value = fields.text_or_number(field.name);
    } else {
      value = fields.text(field.name);
    }
    if (value) patch[field.name] = *value;
  }
  return patch;
}

std::optional<app::MemberSort> parse_sort(const std::string& text, bool& descending) {
  descending = !text.empty() && text.front() == '-';
  const std::string key = descending ? text.substr(1) : text;
  if (key == "name") return app::MemberSort::kName;
  if (key == "age") return app::MemberSort::kAge;
  if (key == "admission_date") return app::MemberSort::kAdmissionDate;
  return std::nullopt;
}

// The filters shared by the list and the CSV export.
app::MemberQuery read_member_query(QueryParams& params, std::vector<FieldError>& errors) {
  app::MemberQuery query;
  if (const auto org = params.integer("org", 1, INT64_MAX)) query.org = OrgId(*org);
  query.statuses = params.list("status");
  query.sex = params.text("sex");
  query.ethnicities = params.list("ethnicity");
  if (const auto value = params.integer("age_min", 0, 200))
    query.age_min = static_cast<int>(*value);
  if (const auto value = params.integer("age_max", 0, 200))
    query.age_max = static_cast<int>(*value);
  if (const auto value = params.integer("admitted_from", 0, kMaxYear)) {
    query.admitted_year_from = static_cast<int>(*value);
  }
  if (const auto value = params.integer("admitted_to", 0, kMaxYear)) {
    query.admitted_year_to = static_cast<int>(*value);
  }
  query.q = params.text("q").value_or("");
  if (query.q.size() > kMaxQueryBytes) {
    errors.push_back({"q", "too_long", {{"max", std::to_string(kMaxQueryBytes)}}});
  }
  if (const auto sort = params.text("sort")) {
    const auto parsed = parse_sort(*sort, query.descending);
    if (parsed) {
      query.sort = *parsed;
    } else {
      errors.push_back({"sort", "unknown_code", {{"value", *sort}}});
    }
  }
  return query;
}

HttpResponse parameter_problem(std::vector<FieldError> errors, const HttpRequest& request) {
  Error error = Error::malformed("invalid_parameter");
  error.fields = std::move(errors);
  return problem_response(error, request);
}

// A list's filters are query parameters: values the use case refuses are a 400, like values
// that do not parse.
Error as_parameter_error(Error error) {
  if (error.code == ErrorCode::kInvalid) {
    error.code = ErrorCode::kMalformed;
    error.reason = "invalid_parameter";
  }
  return error;
}

HttpResponse detail_response(int status, const app::MemberDetail& detail, Date today) {
  HttpResponse response;
  response.status = status;
  response.body = member_detail_body(detail, today);
  return response.with_header("ETag", "\"v" + std::to_string(detail.member.version) + "\"");
}

}  // namespace

void add_member_routes(Router& router, ApiContext& context) {
  app::Services& services = context.services;

  router.add("GET", "/api/v1/members", [&](HttpRequest& request) {
    QueryParams params(request.query);
    std::vector<FieldError> errors;
    app::MemberQuery query = read_member_query(params, errors);
    const long long page = params.integer("page", 1, kMaxPages).value_or(1);
    const long long page_size =
        params.integer("page_size", 1, app::kMaxPageSize).value_or(kDefaultPageSize);
    for (FieldError& error : params.finish()) errors.push_back(std::move(error));
    if (!errors.empty()) return parameter_problem(std::move(errors), request);
    query.limit = static_cast<int>(page_size);
    query.offset = (page - 1) * page_size;
    auto result = app::list_members(services, actor_of(request), query);
    if (!result) return problem_response(as_parameter_error(std::move(result).error()), request);
    HttpResponse response;
    response.body =
        member_page_body(*result, page, page_size, services.clock.today(), &context.member_json);
    return response;
  });

  // The filtered list as CSV (UTF-8 with a byte order mark so that Excel shows the accents).
  router.add("GET", "/api/v1/members.csv", [&](HttpRequest& request) {
    QueryParams params(request.query);
    std::vector<FieldError> errors;
    const app::MemberQuery query = read_member_query(params, errors);
    const bool labels = params.flag("labels").value_or(true);
    // A download link cannot send Accept-Language: lang= chooses the labels' language.
    const std::string lang = params.text("lang").value_or("vi");
    if (lang != "vi" && lang != "en") errors.push_back({"lang", "unknown_code", {{"value", lang}}});
    for (FieldError& error : params.finish()) errors.push_back(std::move(error));
    if (!errors.empty()) return parameter_problem(std::move(errors), request);
    std::ostringstream out;
    auto written =
        app::export_members(services, actor_of(request), query, out, {labels, true, lang == "en"});
    if (!written) return problem_response(as_parameter_error(std::move(written).error()), request);
    HttpResponse response;
    response.content_type = "text/csv; charset=utf-8";
    response.body = out.str();
    return response.with_header("Content-Disposition", "attachment; filename=\"dang-vien.csv\"")
        .with_header("X-Total-Count", std::to_string(*written));
  });

  router.add("POST", "/api/v1/members", no_query([&](HttpRequest& request) {
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               const domain::MemberPatch patch = read_patch(fields);
               if (auto errors = fields.finish(); !errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               // With an Idempotency-Key the reply is stored with the new record
               // (app/idempotency.h).
               return with_idempotency(services, request, [&](app::Transaction* tx) {
                 auto created = tx ? app::create_member_in(services, actor_of(request), *tx, patch)
                                   : app::create_member(services, actor_of(request), patch);
                 if (!created) return problem_response(created.error(), request);
                 return detail_response(201, *created, services.clock.today())
                     .with_header("Location",
                                  "/api/v1/members/" + std::to_string(created->member.id.value));
               });
             }));

  router.add("GET", "/api/v1/members/{id}", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return member_not_found(request);
               auto detail = app::get_member(services, actor_of(request), MemberId(*id));
               if (!detail) return problem_response(detail.error(), request);
               return detail_response(200, *detail, services.clock.today());
             }));

  router.add("GET", "/api/v1/members/{id}/history", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return member_not_found(request);
               auto detail = app::get_member(services, actor_of(request), MemberId(*id));
               if (!detail) return problem_response(detail.error(), request);
               HttpResponse response;
               response.body = member_history_body(detail->history);
               return response;
             }));

  router.add("PATCH", "/api/v1/members/{id}", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return member_not_found(request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::optional<long long> version;
               std::vector<FieldError> errors;
               if (fields.has("version")) {
                 version = fields.integer("version", true);
               } else {
                 (void)fields.integer("version", false);
                 version = if_match_version(request);
               }
               const domain::MemberPatch patch = read_patch(fields);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               if (!version) {
                 Error error = Error::invalid_field("version", "required");
                 return problem_response(error, request);
               }
               auto updated =
                   app::update_member(services, actor_of(request), MemberId(*id), *version, patch);
               if (!updated) return problem_response(updated.error(), request);
               return detail_response(200, *updated, services.clock.today());
             }));
}

}  // namespace chibo::http
