// /api/v1/auth: signing in and out, who am I, the first login's password change and TOTP
// enrolment, and the user's own sessions (docs/accounts.md).
#include <array>

#include "app/own_sessions.h"
#include "app/sessions.h"
#include "http/account_json.h"
#include "http/endpoint.h"
#include "http/request_body.h"

namespace chibo::http {

namespace {

using nlohmann::json;

// A required string field; problems go to the body's errors.
std::string required_text(RequestBody& body, const std::string& name) {
  JsonFields& fields = body.fields();
  const bool present = fields.has(name);
  const auto value = fields.text(name);  // a wrong type is reported by `fields`
  if (value && *value && !(*value)->empty()) return **value;
  if (!present || value) body.add_error({name, "required", {}});
  return {};
}

// POST /auth/totp/begin: {} for a first enrolment; {"current_code": "123456"} to replace a
// factor in force (the use case says when it is required).
Result<std::tuple<std::string>> decode_totp_begin(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request, true);
  if (!body) return std::move(body).error();
  std::string code;
  if (const auto text = body->fields().text("current_code"); text && *text) code = **text;
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{std::move(code)};
}

// The named required text fields of a JSON body.
template <size_t N>
auto texts(const char* const (&names)[N]) {
  return [&names](const HttpRequest& request) -> Result<std::array<std::string, N>> {
    if (Status none = no_query_parameters(request); !none) return std::move(none).error();
    Result<RequestBody> body = RequestBody::read(request);
    if (!body) return std::move(body).error();
    std::array<std::string, N> values;
    for (size_t index = 0; index < N; ++index) values[index] = required_text(*body, names[index]);
    if (Status done = body->finish(); !done) return std::move(done).error();
    return values;
  };
}

Result<app::LoginAttempt> decode_login(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  app::LoginAttempt attempt;
  attempt.username = required_text(*body, "username");
  attempt.password = required_text(*body, "password");
  if (const auto totp = body->fields().text("totp"); totp && *totp) attempt.totp = **totp;
  if (Status done = body->finish(); !done) return std::move(done).error();
  attempt.address = request.remote_address;
  attempt.user_agent = std::string(request.header("user-agent"));
  attempt.request_id = request.request_id;
  return attempt;
}

// POST /auth/sessions/end: {"id": "...", "current_password": "..."} or {"others": true, ...}.
// Types and unknown fields here; which of id and others, and the password, in the use case.
Result<std::tuple<app::EndOwnSessions>> decode_end_sessions(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request);
  if (!body) return std::move(body).error();
  JsonFields& fields = body->fields();
  app::EndOwnSessions end;
  if (const auto id = fields.text("id"); id && *id) end.id = **id;
  if (const auto others = fields.boolean("others")) end.others = *others;
  if (const auto password = fields.text("current_password"); password && *password)
    end.current_password = **password;
  if (Status done = body->finish(); !done) return std::move(done).error();
  return std::tuple{std::move(end)};
}

// A step of the first login followed by the session's view (its stage may have moved).
template <class Step>
auto then_me(Step step) {
  return [step](app::Context& ctx, const auto&... args) -> Result<app::MeView> {
    auto done = step(ctx, args...);
    if (!done) return std::move(done).error();
    return app::me(ctx);
  };
}

}  // namespace

void add_auth_routes(Router& router, ApiContext& api) {
  const auto me_reply = [&api](const app::MeView& view) {
    return json_response(
        200, me_json(view, api.services.catalog, api.sessions.policy, api.services.clock.today()));
  };

  // Signing in checks the password outside any transaction (Argon2id takes a tenth of a
  // second), so it is a process of the app layer rather than one use case.
  router.add(
      "POST", "/api/v1/auth/login",
      [&api, me_reply](HttpRequest& request) {
        Result<app::LoginAttempt> attempt = decode_login(request);
        if (!attempt) return problem_response(attempt.error(), request);
        attempt->previous_token = cookie_value(request, session_cookie_name(api.sessions));
        auto signed_in = app::login(api.services, *attempt, api.sessions.policy);
        if (!signed_in) return problem_response(signed_in.error(), request);
        // The rest of the view (permissions, scope names) as the new session sees it.
        auto authenticated = app::authenticate(api.services, signed_in->token, request.request_id,
                                               request.remote_address, api.sessions.policy);
        if (!authenticated) return problem_response(authenticated.error(), request);
        auto view = app::run_read(api.services, authenticated->actor, app::me);
        if (!view) return problem_response(view.error(), request);
        return me_reply(*view).with_header("Set-Cookie",
                                           session_cookie(api.sessions, signed_in->token));
      },
      Gate::kPublic);

  router.add("POST", "/api/v1/auth/logout",
             writes(api, no_inputs, app::logout,
                    [&api]() {
                      HttpResponse response;
                      response.status = 204;
                      return response.with_header("Set-Cookie",
                                                  cleared_session_cookie(api.sessions));
                    }),
             Gate::kAnySession);

  router.add("GET", "/api/v1/auth/me", reads(api, no_inputs, app::me, me_reply), Gate::kAnySession);

  static const char* const kPasswordFields[] = {"current_password", "new_password"};
  router.add(
      "POST", "/api/v1/auth/password",
      [&api, me_reply](HttpRequest& request) {
        auto fields = texts(kPasswordFields)(request);
        if (!fields) return problem_response(fields.error(), request);
        const app::Actor& actor = actor_of(request);
        // Verifying the current password is Argon2id work, outside any transaction.
        auto stage = app::change_password(api.services, actor, (*fields)[0], (*fields)[1],
                                          api.sessions.policy);
        if (!stage) return problem_response(stage.error(), request);
        auto view = app::run_read(api.services, actor, app::me);
        if (!view) return problem_response(view.error(), request);
        return me_reply(*view);
      },
      Gate::kAnySession);

  // The user's own sessions, gated as the password change is (any stage of a session).
  router.add(
      "GET", "/api/v1/auth/sessions",
      reads(
          api, no_inputs,
          [&api](app::Context& ctx) { return app::list_own_sessions(ctx, api.sessions.policy); },
          [](const std::vector<app::OwnSession>& sessions) {
            return json_response(200, own_sessions_json(sessions));
          }),
      Gate::kAnySession);

  // Verifying the current password is Argon2id work, outside any transaction.
  router.add(
      "POST", "/api/v1/auth/sessions/end",
      calls(
          api, decode_end_sessions,
          [&api](app::Services& services, const app::Actor& actor, const app::EndOwnSessions& end) {
            return app::end_own_sessions(services, actor, end, api.sessions.policy);
          },
          [](int64_t ended) {
            return json_response(200, {{"ended", ended}});
          }),
      Gate::kAnySession);

  router.add(
      "POST", "/api/v1/auth/totp/begin",
      writes(
          api, decode_totp_begin,
          [&api](app::Context& ctx, const std::string& current_code) {
            return app::begin_totp(ctx, current_code, api.sessions.policy);
          },
          [](const app::TotpEnrolment& enrolment) {
            return json_response(200, {{"secret", enrolment.secret}, {"uri", enrolment.uri}});
          }),
      Gate::kAnySession);

  static const char* const kCodeField[] = {"code"};
  router.add("POST", "/api/v1/auth/totp/confirm",
             writes(
                 api,
                 [](const HttpRequest& request) -> Result<std::tuple<std::string>> {
                   auto fields = texts(kCodeField)(request);
                   if (!fields) return std::move(fields).error();
                   return std::tuple{(*fields)[0]};
                 },
                 then_me(app::confirm_totp), me_reply),
             Gate::kAnySession);
}

}  // namespace chibo::http
