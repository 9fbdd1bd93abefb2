// Sessions over HTTP: the session cookie, the CSRF check, and the gate every API request
// passes before its handler (docs/accounts.md).
#pragma once

#include <optional>
#include <string>

#include "domain/access/session_policy.h"
#include "http/message.h"
#include "http/rate_limits.h"
#include "http/router.h"

namespace chibo::app {
struct Services;
class SessionCache;
}  // namespace chibo::app

namespace chibo::http {

struct SessionSettings {
  domain::SessionPolicy policy;
  // Behind TLS: the cookie is Secure and named __Host-chibo_session, and Origin is https.
  bool secure_cookies = false;
};

std::string session_cookie_name(const SessionSettings& settings);

// The value of cookie `name` in the request's Cookie headers, or "".
std::string cookie_value(const HttpRequest& request, std::string_view name);

// Set-Cookie values: the session token for its absolute lifetime, and its removal.
std::string session_cookie(const SessionSettings& settings, const std::string& token);
std::string cleared_session_cookie(const SessionSettings& settings);

// State-changing requests must carry `X-Requested-With: chibo` (a header a cross-site form
// cannot send) and an Origin equal to this server's own.
bool passes_csrf_check(const HttpRequest& request, const SessionSettings& settings);

// Runs before the handler: CSRF for writes, then the session for non-public routes (sets
// request.actor), the stage the route needs and the user's rate limits (`limits` may be null).
// A problem response when the request stops here.
std::optional<HttpResponse> admit(app::Services& services, const SessionSettings& settings,
                                  app::SessionCache* cache, RateLimits* limits, Gate gate,
                                  HttpRequest& request);

}  // namespace chibo::http
