// /api/v1/members: the member registry.
#include <charconv>

#include <sstream>

#include "app/member_changes.h"
#include "app/member_import.h"
#include "app/member_views.h"
#include "http/endpoint.h"
#include "http/json_views.h"
#include "http/query_params.h"
#include "http/request_body.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr long long kMaxYear = 9999;
constexpr long long kMaxPages = 1000000;
constexpr int kDefaultPageSize = 50;
constexpr size_t kMaxQueryBytes = 200;

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

struct MemberListRequest {
  app::MemberQuery query;
  long long page = 1, page_size = kDefaultPageSize;
};

Result<std::tuple<MemberListRequest>> decode_member_list(const HttpRequest& request) {
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  MemberListRequest list;
  list.query = read_member_query(params, errors);
  list.page = params.integer("page", 1, kMaxPages).value_or(1);
  list.page_size = params.integer("page_size", 1, app::kMaxPageSize).value_or(kDefaultPageSize);
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  list.query.limit = static_cast<int>(list.page_size);
  list.query.offset = (list.page - 1) * list.page_size;
  return std::tuple{std::move(list)};
}

struct MemberPageReply {
  app::MemberPage page;
  long long number = 1, size = kDefaultPageSize;
};

Result<MemberPageReply> member_page(app::Context& ctx, const MemberListRequest& list) {
  Result<app::MemberPage> page = app::list_members(ctx, list.query);
  if (!page) return std::move(page).error();
  return MemberPageReply{std::move(*page), list.page, list.page_size};
}

struct CsvRequest {
  app::MemberQuery query;
  app::ExportOptions options;
};

Result<std::tuple<CsvRequest>> decode_member_csv(const HttpRequest& request) {
  QueryParams params(request.query);
  std::vector<FieldError> errors;
  CsvRequest csv;
  csv.query = read_member_query(params, errors);
  csv.options.labels = params.flag("labels").value_or(true);
  csv.options.bom = true;
  // A download link cannot send Accept-Language: lang= chooses the labels' language.
  const std::string lang = params.text("lang").value_or("vi");
  if (lang != "vi" && lang != "en") errors.push_back({"lang", "unknown_code", {{"value", lang}}});
  csv.options.english = lang == "en";
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{std::move(csv)};
}

struct CsvReply {
  std::string body;
  long long rows = 0;
};

// The export streams rows while it reads them (app/member_import.h): a process, not one use case.
Result<CsvReply> export_csv(app::Services& services, const app::Actor& actor,
                            const CsvRequest& csv) {
  std::ostringstream out;
  Result<long long> written = app::export_members(services, actor, csv.query, out, csv.options);
  if (!written) return endpoint_detail::as_parameter_error(std::move(written).error());
  return CsvReply{out.str(), *written};
}

Result<std::tuple<domain::MemberPatch>> decode_new_member(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  domain::MemberPatch patch = read_patch(body->fields());
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{std::move(patch)};
}

Result<std::tuple<MemberId, int64_t, domain::MemberPatch>> decode_member_patch(
    const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  if (!id) return Error::not_found("member");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  // A "version" in the body must be a number; without one, an If-Match header.
  const int64_t version = body->fields().has("version")
                              ? body->fields().integer("version", true).value_or(0)
                              : body->version();
  domain::MemberPatch patch = read_patch(body->fields());
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{MemberId(*id), version, std::move(patch)};
}

Result<app::MemberDetail> read_member(app::Context& ctx, MemberId id) {
  return app::get_member(ctx, id);
}

}  // namespace

void add_member_routes(Router& router, ApiContext& api) {
  app::Services& services = api.services;
  // A member's record with its version as the ETag; ages as of the service's today.
  const auto detail_reply = [&services](int status) {
    return [&services, status](const app::MemberDetail& detail) {
      HttpResponse response;
      response.status = status;
      response.body = member_detail_body(detail, services.clock.today());
      return response.with_header("ETag", "\"v" + std::to_string(detail.member.version) + "\"");
    };
  };

  router.add("GET", "/api/v1/members",
             lists(api, decode_member_list, member_page, [&api](const MemberPageReply& reply) {
               HttpResponse response;
               response.body = member_page_body(reply.page, reply.number, reply.size,
                                                api.services.clock.today(), &api.member_json);
               return response;
             }));
  // The filtered list as CSV (UTF-8 with a byte order mark so that Excel shows the accents).
  router.add("GET", "/api/v1/members.csv",
             calls(api, decode_member_csv, export_csv, [](const CsvReply& csv) {
               HttpResponse response;
               response.content_type = "text/csv; charset=utf-8";
               response.body = csv.body;
               return response
                   .with_header("Content-Disposition", "attachment; filename=\"dang-vien.csv\"")
                   .with_header("X-Total-Count", std::to_string(csv.rows));
             }));
  // With an Idempotency-Key the reply is stored with the new record.
  router.add("POST", "/api/v1/members",
             writes(api, decode_new_member, app::create_member,
                    [detail_reply](const app::MemberDetail& created) {
                      return detail_reply(201)(created).with_header(
                          "Location", "/api/v1/members/" + std::to_string(created.member.id.value));
                    }));
  // Reading a record with restricted fields shown is audited: the runner writes that entry.
  router.add("GET", "/api/v1/members/{id}",
             reads(api, path_id_of<MemberId>("member"), read_member, detail_reply(200)));
  router.add(
      "GET", "/api/v1/members/{id}/history",
      reads(api, path_id_of<MemberId>("member"), read_member, [](const app::MemberDetail& detail) {
        HttpResponse response;
        response.body = member_history_body(detail.history);
        return response;
      }));
  router.add("PATCH", "/api/v1/members/{id}",
             writes(api, decode_member_patch, app::update_member, detail_reply(200)));
}

}  // namespace chibo::http
