// /api/v1/users: account management for administrators (docs/accounts.md).
#include "app/users.h"
#include "http/account_json.h"
#include "http/api.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "http/query_params.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr long long kMaxListLimit = 500;

HttpResponse user_not_found(const HttpRequest& request) {
  return problem_response(Error::not_found("user"), request);
}

// "grants": [{"role": "...", "scope_org_id": 12 | null}], each problem named by its position.
std::optional<std::vector<app::UserGrant>> read_grants(JsonFields& fields,
                                                       std::vector<FieldError>& errors) {
  const json* value = fields.raw("grants");
  if (!value) return std::nullopt;
  if (!value->is_array()) {
    errors.push_back({"grants", "wrong_type", {{"expected_code", "grant_list"}}});
    return std::nullopt;
  }
  std::vector<app::UserGrant> grants;
  for (size_t index = 0; index < value->size(); ++index) {
    const json& item = (*value)[index];
    const std::string at = "grants[" + std::to_string(index) + "]";
    if (!item.is_object()) {
      errors.push_back({at, "wrong_type", {{"expected_code", "grant"}}});
      continue;
    }
    JsonFields grant_fields(item);
    app::UserGrant grant;
    const auto role = grant_fields.text("role");
    if (role && *role)
      grant.role = **role;
    else if (!grant_fields.has("role") || role)
      errors.push_back({at + ".role", "required", {}});
    if (const auto scope = grant_fields.nullable_integer("scope_org_id"); scope && *scope) {
      if (**scope <= 0) errors.push_back({at + ".scope_org_id", "invalid_id", {}});
      grant.scope = OrgId(**scope);
    }
    for (FieldError& error : grant_fields.finish()) {
      error.field = at + "." + error.field;
      errors.push_back(std::move(error));
    }
    grants.push_back(std::move(grant));
  }
  return grants;
}

json created_json(const app::CreatedUser& created, const domain::Catalog& catalog) {
  return {{"user", user_json(created.view, catalog)},
          {"one_time_password", created.one_time_password}};
}

}  // namespace

void add_user_routes(Router& router, ApiContext& context) {
  app::Services& services = context.services;
  const domain::Catalog& catalog = services.catalog;

  router.add("GET", "/api/v1/users", [&](HttpRequest& request) {
    QueryParams params(request.query);
    const std::string q = params.text("q").value_or("");
    const long long limit = params.integer("limit", 1, kMaxListLimit).value_or(50);
    const long long offset = params.integer("offset", 0, INT64_MAX).value_or(0);
    if (auto errors = params.finish(); !errors.empty())
      return query_problem(std::move(errors), request);
    auto list = app::list_users(services, actor_of(request), q, offset, static_cast<int>(limit));
    if (!list) return problem_response(list.error(), request);
    json items = json::array();
    for (const app::UserView& view : list->items) items.push_back(user_json(view, catalog));
    return json_response(200, {{"items", std::move(items)}, {"total", list->total}});
  });

  router.add("POST", "/api/v1/users", no_query([&](HttpRequest& request) {
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               app::NewUser draft;
               if (const auto username = fields.text("username"); username && *username)
                 draft.username = **username;
               if (const auto name = fields.text("display_name"); name && *name)
                 draft.display_name = **name;
               if (auto grants = read_grants(fields, errors)) draft.grants = std::move(*grants);
               if (const auto member = fields.nullable_integer("member_id"); member && *member)
                 draft.member_id = MemberId(**member);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               auto created = app::create_user(services, actor_of(request), std::move(draft));
               if (!created) return problem_response(created.error(), request);
               return json_response(201, created_json(*created, catalog))
                   .with_header("Location",
                                "/api/v1/users/" + std::to_string(created->view.user.id));
             }));

  router.add("GET", "/api/v1/users/{id}", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return user_not_found(request);
               auto view = app::get_user(services, actor_of(request), *id);
               if (!view) return problem_response(view.error(), request);
               return json_response(200, user_json(*view, catalog));
             }));

  router.add("PATCH", "/api/v1/users/{id}", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return user_not_found(request);
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               app::UserPatch patch;
               const auto version = fields.integer("version", false);
               if (version)
                 patch.version = *version;
               else if (const auto header = if_match_version(request))
                 patch.version = *header;
               else
                 errors.push_back({"version", "required", {}});
               if (const auto name = fields.text("display_name"))
                 patch.display_name = name->value_or("");
               if (auto grants = read_grants(fields, errors)) patch.grants = std::move(*grants);
               if (const auto member = fields.nullable_integer("member_id")) {
                 patch.member_id =
                     *member ? std::optional<MemberId>(MemberId(**member)) : std::nullopt;
               }
               patch.disabled = fields.boolean("disabled");
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               auto view = app::update_user(services, actor_of(request), *id, patch);
               if (!view) return problem_response(view.error(), request);
               return json_response(200, user_json(*view, catalog));
             }));

  router.add("POST", "/api/v1/users/{id}/reset-password", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return user_not_found(request);
               auto body = read_json_object(request, true);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               const bool reset_totp = fields.boolean("reset_totp").value_or(false);
               if (auto errors = fields.finish(); !errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               auto created = app::reset_password(services, actor_of(request), *id, reset_totp);
               if (!created) return problem_response(created.error(), request);
               return json_response(200, created_json(*created, catalog));
             }));

  router.add("POST", "/api/v1/users/{id}/end-sessions", no_query([&](HttpRequest& request) {
               const auto id = path_id(request);
               if (!id) return user_not_found(request);
               auto body = read_json_object(request, true);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               if (auto errors = fields.finish(); !errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               auto ended = app::end_sessions(services, actor_of(request), *id);
               if (!ended) return problem_response(ended.error(), request);
               return json_response(200, {{"ended", *ended}});
             }));
}

}  // namespace chibo::http
