// /api/v1/orgs: the organization tree.
#include "app/org_changes.h"
#include "app/org_views.h"
#include "domain/fields.h"
#include "http/api.h"
#include "http/idempotency.h"
#include "http/json_body.h"
#include "http/json_views.h"
#include "http/problem.h"
#include "http/query_params.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr int kMaxSearchResults = 100;

HttpResponse org_not_found(const HttpRequest& request) {
  return problem_response(Error::not_found("organization"), request);
}

json list_json(const std::vector<app::OrgView>& views, const domain::Catalog& catalog) {
  json items = json::array();
  for (const app::OrgView& view : views) items.push_back(org_json(view, catalog));
  return {{"items", std::move(items)}};
}

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

// The version the client read: the body's "version", else an If-Match: "vN" header.
std::optional<long long> read_version(JsonFields& fields, const HttpRequest& request) {
  if (std::optional<long long> version = fields.integer("version", false)) return version;
  return if_match_version(request);
}

HttpResponse respond(Result<app::OrgView> result, int status, const HttpRequest& request,
                     const domain::Catalog& catalog) {
  if (!result) return problem_response(result.error(), request);
  return json_response(status, org_json(*result, catalog));
}

}  // namespace

void add_org_routes(Router& router, ApiContext& context) {
  app::Services& services = context.services;
  const domain::Catalog& catalog = services.catalog;

  router.add("GET", "/api/v1/orgs", [&](HttpRequest& request) {
    QueryParams params(request.query);
    const auto parent = params.integer("parent", 1, INT64_MAX);
    const bool include_dissolved = params.flag("include_dissolved").value_or(false);
    if (auto errors = params.finish(); !errors.empty())
      return query_problem(std::move(errors), request);
    auto children = app::list_children(services, actor_of(request), OrgId(parent.value_or(0)),
                                       include_dissolved);
    if (!children) return problem_response(children.error(), request);
    return json_response(200, list_json(*children, catalog));
  });

  router.add("GET", "/api/v1/orgs/search", [&](HttpRequest& request) {
    QueryParams params(request.query);
    app::OrgSearch search;
    search.query = params.text("q").value_or("");
    search.kinds = params.list("kind");
    search.holds_members = params.flag("holds_members");
    search.limit = static_cast<int>(params.integer("limit", 1, kMaxSearchResults).value_or(20));
    if (auto errors = params.finish(); !errors.empty()) {
      return query_problem(std::move(errors), request);
    }
    auto found = app::search_orgs(services, actor_of(request), search);
    if (!found) {
      Error error = std::move(found).error();
      if (error.code == ErrorCode::kInvalid) {
        error.code = ErrorCode::kMalformed;
        error.reason = "invalid_parameter";
      }
      return problem_response(error, request);
    }
    json items = json::array();
    for (const app::OrgDetail& detail : *found) items.push_back(org_detail_json(detail, catalog));
    return json_response(200, {{"items", std::move(items)}});
  });

  router.add("GET", "/api/v1/orgs/{id}", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return org_not_found(request);
               auto detail = app::get_org(services, actor_of(request), OrgId(*id));
               if (!detail) return problem_response(detail.error(), request);
               return json_response(200, org_detail_json(*detail, catalog))
                   .with_header("ETag", "\"v" + std::to_string(detail->view.org.version) + "\"");
             }));

  router.add("GET", "/api/v1/orgs/{id}/children", [&](HttpRequest& request) {
    const auto id = path_id(request);
    if (!id) return org_not_found(request);
    QueryParams params(request.query);
    const bool include_dissolved = params.flag("include_dissolved").value_or(false);
    if (auto errors = params.finish(); !errors.empty())
      return query_problem(std::move(errors), request);
    auto children = app::list_children(services, actor_of(request), OrgId(*id), include_dissolved);
    if (!children) return problem_response(children.error(), request);
    return json_response(200, list_json(*children, catalog));
  });

  router.add("GET", "/api/v1/orgs/{id}/stats", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return org_not_found(request);
               auto breakdowns = app::org_breakdowns(services, actor_of(request), OrgId(*id));
               if (!breakdowns) return problem_response(breakdowns.error(), request);
               json body = json::object();
               for (const app::Breakdown& breakdown : *breakdowns) {
                 json values = json::array();
                 for (const auto& [value, count] : breakdown.values)
                   values.push_back({{"value", value}, {"count", count}});
                 body[breakdown.dimension] = std::move(values);
               }
               return json_response(200, {{"org_id", *id}, {"breakdowns", std::move(body)}});
             }));

  router.add(
      "POST", "/api/v1/orgs", no_query([&](HttpRequest& request) {
        auto body = read_json_object(request);
        if (!body) return problem_response(body.error(), request);
        JsonFields fields(*body);
        std::vector<FieldError> errors;
        const auto parent = fields.nullable_integer("parent_id");
        domain::OrgDraft draft = read_draft(fields, errors);
        for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
        if (!errors.empty()) return problem_response(Error::invalid(std::move(errors)), request);
        const OrgId parent_id(parent && *parent ? **parent : 0);
        // With an Idempotency-Key the reply is stored with the new organization.
        return with_idempotency(services, request, [&](app::Transaction* tx) {
          auto created = tx ? app::create_org_in(services, actor_of(request), *tx, parent_id, draft)
                            : app::create_org(services, actor_of(request), parent_id, draft);
          if (!created) return problem_response(created.error(), request);
          return json_response(201, org_json(*created, catalog))
              .with_header("Location", "/api/v1/orgs/" + std::to_string(created->org.id.value));
        });
      }));

  router.add("PATCH", "/api/v1/orgs/{id}", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return org_not_found(request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               const std::optional<long long> version = read_version(fields, request);
               if (!version) errors.push_back({"version", "required", {}});
               domain::OrgDraft draft = read_draft(fields, errors);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               return respond(
                   app::update_org(services, actor_of(request), OrgId(*id), *version, draft), 200,
                   request, catalog);
             }));

  router.add("POST", "/api/v1/orgs/{id}/move", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return org_not_found(request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               const auto parent = fields.integer("parent_id", true);
               const std::optional<long long> version = read_version(fields, request);
               if (auto errors = fields.finish(); !errors.empty()) {
                 return problem_response(Error::invalid(std::move(errors)), request);
               }
               return respond(
                   app::move_org(services, actor_of(request), OrgId(*id), OrgId(*parent), version),
                   200, request, catalog);
             }));

  // Every field is optional: an empty body dissolves today.
  router.add("POST", "/api/v1/orgs/{id}/dissolve", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return org_not_found(request);
               auto body = read_json_object(request, true);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               const std::optional<Date> on = read_date(fields, "dissolved_on", errors);
               const std::optional<long long> version = read_version(fields, request);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               return respond(
                   app::dissolve_org(services, actor_of(request), OrgId(*id), on, version), 200,
                   request, catalog);
             }));

  router.add("POST", "/api/v1/orgs/{id}/merge", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return org_not_found(request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               const auto target = fields.integer("target_id", true);
               const std::optional<Date> on = read_date(fields, "merged_on", errors);
               const std::optional<long long> version = read_version(fields, request);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               return respond(app::merge_org(services, actor_of(request), OrgId(*id),
                                             OrgId(*target), on, version),
                              200, request, catalog);
             }));
}

}  // namespace chibo::http
