#include "http/session_gate.h"

#include "app/sessions.h"
#include "http/problem.h"

namespace chibo::http {

namespace {

bool is_write(const std::string& method) {
  return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE";
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string session_cookie_name(const SessionSettings& settings) {
  return settings.secure_cookies ? "__Host-chibo_session" : "chibo_session";
}

std::string cookie_value(const HttpRequest& request, std::string_view name) {
  for (const auto& [header, value] : request.headers) {
    if (header != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const size_t semicolon = rest.find(';');
      std::string_view pair = trim(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
      const size_t equals = pair.find('=');
      if (equals == std::string_view::npos) continue;
      if (trim(pair.substr(0, equals)) == name) return std::string(trim(pair.substr(equals + 1)));
    }
  }
  return {};
}

std::string session_cookie(const SessionSettings& settings, const std::string& token) {
  // No Max-Age: the cookie lives with the browser session; the server ends it anyway after
  // the idle timeout or the absolute lifetime.
  return session_cookie_name(settings) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" +
         (settings.secure_cookies ? "; Secure" : "");
}

std::string cleared_session_cookie(const SessionSettings& settings) {
  return session_cookie_name(settings) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" +
         (settings.secure_cookies ? "; Secure" : "");
}

bool passes_csrf_check(const HttpRequest& request, const SessionSettings& settings) {
  if (!is_write(request.method)) return true;
  if (request.header("x-requested-with") != "chibo") return false;
  const std::string_view host = request.header("host");
  if (host.empty()) return false;
  const std::string expected =
      std::string(settings.secure_cookies ? "https://" : "http://") + std::string(host);
  return request.header("origin") == expected;
}

std::optional<HttpResponse> admit(app::Services& services, const SessionSettings& settings,
                                  app::SessionCache* cache, RateLimits* limits, Gate gate,
                                  HttpRequest& request) {
  if (!passes_csrf_check(request, settings))
    return problem_response(Error::forbidden("csrf_rejected"), request);
  if (gate == Gate::kPublic) return std::nullopt;
  const std::string token = cookie_value(request, session_cookie_name(settings));
  if (token.empty()) return problem_response(Error::unauthenticated("unauthenticated"), request);
  auto authenticated = app::authenticate(services, token, request.request_id,
                                         request.remote_address, settings.policy, cache);
  if (!authenticated) {
    HttpResponse response = problem_response(authenticated.error(), request);
    // Only a session that is gone loses its cookie: a database that cannot be reached (503)
    // must not sign everybody out.
    if (authenticated.error().code == ErrorCode::kUnauthenticated)
      response.with_header("Set-Cookie", cleared_session_cookie(settings));
    return response;
  }
  const std::string& stage = authenticated->session.stage;
  if (gate == Gate::kFullSession && stage != domain::kStageFull) {
    return problem_response(
        Error::forbidden(stage == domain::kStageChangePassword ? "password_change_required"
                                                               : "totp_enrolment_required"),
        request);
  }
  request.actor = std::move(authenticated->actor);
  // Counted once the user is known (the refusal's log line names them).
  if (limits) {
    if (std::optional<Error> refused =
            limits->admit(request.actor->principal.user_id, is_export(request.method, request.path),
                          std::chrono::steady_clock::now()))
      return problem_response(*refused, request);
  }
  return std::nullopt;
}

}  // namespace chibo::http
