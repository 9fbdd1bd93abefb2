#include <spdlog/spdlog.h>

#include "http/problem.h"
#include "http/server.h"

namespace chibo::http {

namespace {

// A request's path as received, with control characters shown as '?', so that no request can
// write a line of its own into the log.
std::string loggable(std::string_view text) {
  std::string out(text.substr(0, 300));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

// Refusals worth a trace (ASVS 16.3.1-16.3.3): a forged, ended or expired session cookie (401
// with a session cookie sent; a first visit without one is not a failure), access refused
// (403, which includes the CSRF check), and throttling (429). The query string is left out: it
// may carry a name or a citizen id.
bool security_refusal(const HttpRequest& request, int status) {
  if (status == 403 || status == 429) return true;
  return status == 401 && request.header("cookie").find("chibo_session=") != std::string::npos;
}

// Input refused as malformed or invalid: logged (ASVS 16.3.3, attempts to get past validation),
// at info level, as most are typing mistakes.
bool invalid_input(int status) {
  return status == 400 || status == 413 || status == 415 || status == 422;
}

}  // namespace

HttpResponse dispatch(const Router& api, const Admission& admission, const StaticFiles& web,
                      HttpRequest& request) {
  HttpResponse response;
  const bool is_api = request.path.rfind("/api/", 0) == 0 || request.path == "/api";
  // HEAD is GET without the body (RFC 9110 §9.3.2); the transport sends the length only.
  const bool head = request.method == "HEAD";
  if (head) request.method = "GET";
  if (is_api) {
    const Router::Match match = api.match(request);
    try {
      if (match.outcome == Router::Outcome::kMatched) {
        std::optional<HttpResponse> refused = admission(match.gate, request);
        response = refused ? std::move(*refused) : (*match.handler)(request);
      } else if (match.outcome == Router::Outcome::kWrongMethod) {
        std::string allow;
        for (const std::string& method : match.allowed_methods)
          allow += (allow.empty() ? "" : ", ") + method;
        response =
            problem_response(Error::unsupported("method_not_allowed", {{"allow", allow}}), request);
      } else {
        Error error = Error::not_found("route");
        error.reason = "route_not_found";
        response = problem_response(error, request);
      }
    } catch (const std::exception& exception) {
      spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path,
                    exception.what());
      response = problem_response(Error::internal("unhandled"), request);
    }
    response.with_header("Cache-Control", "no-store");
  } else {
    response = web.serve(request);
  }
  response.with_header("X-Request-Id", request.request_id);
  response.with_header("X-Content-Type-Options", "nosniff");
  response.with_header("X-Frame-Options", "DENY");
  response.with_header("Referrer-Policy", "no-referrer");
  if (head) request.method = "HEAD";
  if (security_refusal(request, response.status)) {
    spdlog::warn("refused {} {} {} -> {} user {} from {}", request.request_id, request.method,
                 loggable(request.path), response.status,
                 request.actor ? request.actor->principal.user_id : 0,
                 loggable(request.remote_address));
  }
  if (is_api && invalid_input(response.status)) {
    spdlog::info("invalid {} {} {} -> {} user {} from {}", request.request_id, request.method,
                 loggable(request.path), response.status,
                 request.actor ? request.actor->principal.user_id : 0,
                 loggable(request.remote_address));
  }
  if (response.status >= 500) {
    spdlog::warn("{} {} {} -> {}", request.request_id, request.method, request.path,
                 response.status);
  }
  return response;
}

}  // namespace chibo::http
