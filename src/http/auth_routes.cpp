// /api/v1/auth: signing in and out, who am I, the first login's password change and TOTP
// enrolment (docs/accounts.md).
#include "app/sessions.h"
#include "http/account_json.h"
#include "http/api.h"
#include "http/json_body.h"
#include "http/problem.h"

namespace chibo::http {

namespace {

using nlohmann::json;

// The signed-in user's view, after a change that may have moved the session's stage.
HttpResponse me_response(ApiContext& context, const HttpRequest& request) {
  auto view = app::me(context.services, actor_of(request));
  if (!view) return problem_response(view.error(), request);
  return json_response(200, me_json(*view, context.services.catalog, context.sessions.policy,
                                    context.services.clock.today()));
}

// A required string field; problems go to the fields' errors.
std::string required_text(JsonFields& fields, const std::string& name,
                          std::vector<FieldError>& errors) {
  const bool present = fields.has(name);
  const auto value = fields.text(name);  // a wrong type is reported by `fields`
  if (value && *value && !(*value)->empty()) return **value;
  if (!present || value) errors.push_back({name, "required", {}});
  return {};
}

}  // namespace

void add_auth_routes(Router& router, ApiContext& context) {
  app::Services& services = context.services;

  router.add("POST", "/api/v1/auth/login", no_query([&](HttpRequest& request) {
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               app::LoginAttempt attempt;
               attempt.username = required_text(fields, "username", errors);
               attempt.password = required_text(fields, "password", errors);
               if (const auto totp = fields.text("totp"); totp && *totp) attempt.totp = **totp;
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               attempt.address = request.remote_address;
               attempt.user_agent = std::string(request.header("user-agent"));
               attempt.request_id = request.request_id;
               auto signed_in = app::login(services, attempt, context.sessions.policy);
               if (!signed_in) return problem_response(signed_in.error(), request);
               // The rest of the view (permissions, scope names) as the new session sees it.
               auto authenticated =
                   app::authenticate(services, signed_in->token, request.request_id,
                                     request.remote_address, context.sessions.policy);
               if (!authenticated) return problem_response(authenticated.error(), request);
               auto full = app::me(services, authenticated->actor);
               if (!full) return problem_response(full.error(), request);
               return json_response(200, me_json(*full, services.catalog, context.sessions.policy,
                                                 services.clock.today()))
                   .with_header("Set-Cookie", session_cookie(context.sessions, signed_in->token));
             }),
             Gate::kPublic);

  router.add("POST", "/api/v1/auth/logout", no_query([&](HttpRequest& request) {
               if (Status ended = app::logout(services, actor_of(request)); !ended)
                 return problem_response(ended.error(), request);
               HttpResponse response;
               response.status = 204;
               return response.with_header("Set-Cookie", cleared_session_cookie(context.sessions));
             }),
             Gate::kAnySession);

  router.add("GET", "/api/v1/auth/me",
             no_query([&](HttpRequest& request) { return me_response(context, request); }),
             Gate::kAnySession);

  router.add("POST", "/api/v1/auth/password", no_query([&](HttpRequest& request) {
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               const std::string current = required_text(fields, "current_password", errors);
               const std::string replacement = required_text(fields, "new_password", errors);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               auto stage = app::change_password(services, actor_of(request), current, replacement);
               if (!stage) return problem_response(stage.error(), request);
               return me_response(context, request);
             }),
             Gate::kAnySession);

  router.add("POST", "/api/v1/auth/totp/begin", no_query([&](HttpRequest& request) {
               auto body = read_json_object(request, true);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               if (auto errors = fields.finish(); !errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               auto enrolment = app::begin_totp(services, actor_of(request));
               if (!enrolment) return problem_response(enrolment.error(), request);
               return json_response(200, {{"secret", enrolment->secret}, {"uri", enrolment->uri}});
             }),
             Gate::kAnySession);

  router.add("POST", "/api/v1/auth/totp/confirm", no_query([&](HttpRequest& request) {
               auto body = read_json_object(request);
               if (!body) return problem_response(body.error(), request);
               JsonFields fields(*body);
               std::vector<FieldError> errors;
               const std::string code = required_text(fields, "code", errors);
               for (FieldError& error : fields.finish()) errors.push_back(std::move(error));
               if (!errors.empty())
                 return problem_response(Error::invalid(std::move(errors)), request);
               auto stage = app::confirm_totp(services, actor_of(request), code);
               if (!stage) return problem_response(stage.error(), request);
               return me_response(context, request);
             }),
             Gate::kAnySession);
}

}  // namespace chibo::http
