// /api/v1/orgs: the organization tree.
#include "app/org_changes.h"
#include "app/org_views.h"
#include "domain/fields.h"
#include "http/endpoint.h"
#include "http/json_views.h"
#include "http/query_params.h"
#include "http/request_body.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr int kMaxSearchResults = 100;

// Reads the editable organization fields from a JSON body into a draft.
domain::OrgDraft read_draft(JsonFields& fields, std::vector<FieldError>& errors) {
  domain::OrgDraft draft;
  struct TextField {
    const char* name;
    std::optional<std::string> domain::OrgDraft::*slot;
    size_t max_chars;
  };
  const TextField texts[] = {{"kind", &domain::OrgDraft::kind, 64},
                             {"name", &domain::OrgDraft::name, 255},
                             {"short_name", &domain::OrgDraft::short_name, 100},
                             {"code", &domain::OrgDraft::code, 32}};
  for (const TextField& field : texts) {
    const auto value = fields.text(field.name);
    if (!value) continue;
    auto cleaned =
        domain::clean_text_field(field.name, value->value_or(""), field.max_chars, errors);
    if (cleaned) draft.*(field.slot) = std::move(*cleaned);
  }
  if (const auto established = fields.text("established_on")) {
    if (!*established || (*established)->empty()) {
      draft.established_on = std::optional<Date>();
    } else if (auto date = domain::parse_date_field("established_on", **established, errors)) {
      draft.established_on = date;
    }
  }
  return draft;
}

std::optional<Date> read_date(JsonFields& fields, const std::string& name,
                              std::vector<FieldError>& errors) {
  const auto value = fields.text(name);
  if (!value || !*value || (*value)->empty()) return std::nullopt;
  return domain::parse_date_field(name, **value, errors);
}

Result<std::tuple<OrgId, bool>> decode_children(const HttpRequest& request, bool roots) {
  OrgId parent;
  if (!roots) {
    const auto id = path_id(request);
    if (!id) return Error::not_found("organization");
    parent = OrgId(*id);
  }
  QueryParams params(request.query);
  if (roots) parent = OrgId(params.integer("parent", 1, INT64_MAX).value_or(0));
  const bool include_dissolved = params.flag("include_dissolved").value_or(false);
  if (auto errors = params.finish(); !errors.empty())
    return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{parent, include_dissolved};
}

Result<std::tuple<app::OrgSearch>> decode_search(const HttpRequest& request) {
  QueryParams params(request.query);
  app::OrgSearch search;
  search.query = params.text("q").value_or("");
  search.kinds = params.list("kind");
  search.holds_members = params.flag("holds_members");
  search.limit = static_cast<int>(params.integer("limit", 1, kMaxSearchResults).value_or(20));
  if (auto errors = params.finish(); !errors.empty())
    return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{std::move(search)};
}

// The organization {id} and its JSON body, for the routes that change one.
Result<std::pair<OrgId, RequestBody>> org_body(const HttpRequest& request,
                                               bool empty_is_object = false) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  if (!id) return Error::not_found("organization");
  Result<RequestBody> body = RequestBody::read(request, empty_is_object);
  if (!body) return std::move(body).error();
  return std::pair{OrgId(*id), std::move(*body)};
}

Result<std::tuple<OrgId, domain::OrgDraft>> decode_new_org(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  const auto parent = body->fields().nullable_integer("parent_id");
  domain::OrgDraft draft = read_draft(body->fields(), body->errors());
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{OrgId(parent && *parent ? **parent : 0), std::move(draft)};
}

Result<std::tuple<OrgId, int64_t, domain::OrgDraft>> decode_org_patch(const HttpRequest& request) {
  auto read = org_body(request);
  if (!read) return std::move(read).error();
  RequestBody& body = read->second;
  const int64_t version = body.version();
  domain::OrgDraft draft = read_draft(body.fields(), body.errors());
  if (Status done = body.finish(); !done) return std::move(done).error();
  return std::tuple{read->first, version, std::move(draft)};
}

Result<std::tuple<OrgId, OrgId, std::optional<int64_t>>> decode_move(const HttpRequest& request) {
  auto read = org_body(request);
  if (!read) return std::move(read).error();
  RequestBody& body = read->second;
  const auto parent = body.fields().integer("parent_id", true);
  const std::optional<int64_t> version = body.optional_version();
  if (Status done = body.finish(); !done) return std::move(done).error();
  return std::tuple{read->first, OrgId(*parent), version};
}

// Every field is optional: an empty body dissolves today.
Result<std::tuple<OrgId, std::optional<Date>, std::optional<int64_t>>> decode_dissolve(
    const HttpRequest& request) {
  auto read = org_body(request, true);
  if (!read) return std::move(read).error();
  RequestBody& body = read->second;
  const std::optional<Date> on = read_date(body.fields(), "dissolved_on", body.errors());
  const std::optional<int64_t> version = body.optional_version();
  if (Status done = body.finish(); !done) return std::move(done).error();
  return std::tuple{read->first, on, version};
}

Result<std::tuple<OrgId, OrgId, std::optional<Date>, std::optional<int64_t>>> decode_merge(
    const HttpRequest& request) {
  auto read = org_body(request);
  if (!read) return std::move(read).error();
  RequestBody& body = read->second;
  const auto target = body.fields().integer("target_id", true);
  const std::optional<Date> on = read_date(body.fields(), "merged_on", body.errors());
  const std::optional<int64_t> version = body.optional_version();
  if (Status done = body.finish(); !done) return std::move(done).error();
  return std::tuple{read->first, OrgId(*target), on, version};
}

}  // namespace

void add_org_routes(Router& router, ApiContext& api) {
  const domain::Catalog& catalog = api.services.catalog;
  const auto children = [&catalog](const std::vector<app::OrgView>& views) {
    json items = json::array();
    for (const app::OrgView& view : views) items.push_back(org_json(view, catalog));
    return json_response(200, {{"items", std::move(items)}});
  };
  const auto org_reply = [&catalog](const app::OrgView& view) {
    return json_response(200, org_json(view, catalog));
  };

  router.add("GET", "/api/v1/orgs",
             reads(
                 api, [](const HttpRequest& request) { return decode_children(request, true); },
                 app::list_children, children));
  router.add("GET", "/api/v1/orgs/search",
             lists(api, decode_search, app::search_orgs,
                   [&catalog](const std::vector<app::OrgDetail>& found) {
                     json items = json::array();
                     for (const app::OrgDetail& detail : found)
                       items.push_back(org_detail_json(detail, catalog));
                     return json_response(200, {{"items", std::move(items)}});
                   }));
  router.add("GET", "/api/v1/orgs/{id}",
             reads(api, path_id_of<OrgId>("organization"), app::get_org,
                   [&catalog](const app::OrgDetail& detail) {
                     return json_response(200, org_detail_json(detail, catalog))
                         .with_header("ETag",
                                      "\"v" + std::to_string(detail.view.org.version) + "\"");
                   }));
  router.add("GET", "/api/v1/orgs/{id}/children",
             reads(
                 api, [](const HttpRequest& request) { return decode_children(request, false); },
                 app::list_children, children));
  // GET /api/v1/orgs/{id}/stats (today or as of a day): stats_routes.cpp.
  // With an Idempotency-Key the reply is stored with the new organization.
  router.add("POST", "/api/v1/orgs",
             writes(api, decode_new_org, app::create_org, [&catalog](const app::OrgView& view) {
               return json_response(201, org_json(view, catalog))
                   .with_header("Location", "/api/v1/orgs/" + std::to_string(view.org.id.value));
             }));
  router.add("PATCH", "/api/v1/orgs/{id}",
             writes(api, decode_org_patch, app::update_org, org_reply));
  router.add("POST", "/api/v1/orgs/{id}/move", writes(api, decode_move, app::move_org, org_reply));
  router.add("POST", "/api/v1/orgs/{id}/dissolve",
             writes(api, decode_dissolve, app::dissolve_org, org_reply));
  router.add("POST", "/api/v1/orgs/{id}/merge",
             writes(api, decode_merge, app::merge_org, org_reply));
}

}  // namespace chibo::http
