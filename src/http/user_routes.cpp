// /api/v1/users: account management for administrators (docs/accounts.md).
#include "app/users.h"
#include "http/account_json.h"
#include "http/endpoint.h"
#include "http/query_params.h"
#include "http/request_body.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr long long kMaxListLimit = 500;

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

Result<std::tuple<std::string, int64_t, int>> decode_user_query(const HttpRequest& request) {
  QueryParams params(request.query);
  std::string q = params.text("q").value_or("");
  const long long limit = params.integer("limit", 1, kMaxListLimit).value_or(50);
  const long long offset = params.integer("offset", 0, INT64_MAX).value_or(0);
  if (auto errors = params.finish(); !errors.empty())
    return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{std::move(q), static_cast<int64_t>(offset), static_cast<int>(limit)};
}

Result<std::tuple<app::NewUser>> decode_new_user(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  app::NewUser draft;
  if (const auto username = fields.text("username"); username && *username)
    draft.username = **username;
  if (const auto name = fields.text("display_name"); name && *name) draft.display_name = **name;
  if (auto grants = read_grants(fields, body->errors())) draft.grants = std::move(*grants);
  if (const auto member = fields.nullable_integer("member_id"); member && *member)
    draft.member_id = MemberId(**member);
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{std::move(draft)};
}

Result<std::tuple<int64_t, app::UserPatch>> decode_user_patch(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const auto id = path_id(request);
  if (!id) return Error::not_found("user");
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  app::UserPatch patch;
  patch.version = body->version();
  if (const auto name = fields.text("display_name")) patch.display_name = name->value_or("");
  if (auto grants = read_grants(fields, body->errors())) patch.grants = std::move(*grants);
  if (const auto member = fields.nullable_integer("member_id"))
    patch.member_id = *member ? std::optional<MemberId>(MemberId(**member)) : std::nullopt;
  patch.disabled = fields.boolean("disabled");
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{static_cast<int64_t>(*id), std::move(patch)};
}

// An action on user {id} whose body is empty or holds only the optional flag `flag`.
auto decode_user_action(const char* flag) {
  return [flag](const HttpRequest& request) -> Result<std::tuple<int64_t, bool>> {
    if (Status none = no_query_parameters(request); !none) return std::move(none).error();
    const auto id = path_id(request);
    if (!id) return Error::not_found("user");
    Result<RequestBody> body = RequestBody::read(request, true);
    if (!body) return std::move(body).error();
    const bool set = flag ? body->fields().boolean(flag).value_or(false) : false;
    if (Status done = body->finish(); !done) return std::move(done).error();
    return std::tuple{static_cast<int64_t>(*id), set};
  };
}

}  // namespace

void add_user_routes(Router& router, ApiContext& api) {
  const domain::Catalog& catalog = api.services.catalog;
  const auto user_reply = [&catalog](const app::UserView& view) {
    return json_response(200, user_json(view, catalog));
  };
  const auto created_json = [&catalog](const app::CreatedUser& created) {
    return json{{"user", user_json(created.view, catalog)},
                {"one_time_password", created.one_time_password}};
  };

  router.add("GET", "/api/v1/users",
             lists(api, decode_user_query, app::list_users, [&catalog](const app::UserList& list) {
               json items = json::array();
               for (const app::UserView& view : list.items)
                 items.push_back(user_json(view, catalog));
               return json_response(200, {{"items", std::move(items)}, {"total", list.total}});
             }));
  // Creating a user and resetting a password hash the password first (Argon2id, outside any
  // transaction): processes of the app layer.
  router.add("POST", "/api/v1/users",
             calls(api, decode_new_user, app::create_user,
                   [created_json](const app::CreatedUser& created) {
                     return json_response(201, created_json(created))
                         .with_header("Location",
                                      "/api/v1/users/" + std::to_string(created.view.user.id));
                   }));
  router.add("GET", "/api/v1/users/{id}",
             reads(api, path_id_of<int64_t>("user"), app::get_user, user_reply));
  router.add("PATCH", "/api/v1/users/{id}",
             writes(api, decode_user_patch, app::update_user, user_reply));
  router.add("POST", "/api/v1/users/{id}/reset-password",
             calls(api, decode_user_action("reset_totp"), app::reset_password,
                   json_reply(200, created_json)));
  router.add("POST", "/api/v1/users/{id}/end-sessions",
             writes(
                 api, decode_user_action(nullptr),
                 [](app::Context& ctx, int64_t id, bool) { return app::end_sessions(ctx, id); },
                 [](int64_t ended) {
                   return json_response(200, {{"ended", ended}});
                 }));
}

}  // namespace chibo::http
