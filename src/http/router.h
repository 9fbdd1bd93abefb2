// Method + path pattern -> handler. Patterns are literal segments and {name} parameters, e.g.
// "/api/v1/members/{id}". Written here rather than with RESTinio's express router so that
// handlers compile without RESTinio (one RESTinio translation unit costs ~25 s to build).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "http/message.h"

namespace chibo::http {

using Handler = std::function<HttpResponse(HttpRequest&)>;

// Who may reach a route: anyone (health, login), any signed-in session whatever its stage
// (who am I, logout, the first login's password change and TOTP enrolment), or a session
// that has passed those stages (everything else, the default).
enum class Gate { kPublic, kAnySession, kFullSession };

class Router {
 public:
  void add(std::string method, const std::string& pattern, Handler handler,
           Gate gate = Gate::kFullSession);

  enum class Outcome { kMatched, kNoPath, kWrongMethod };
  struct Match {
    Outcome outcome = Outcome::kNoPath;
    const Handler* handler = nullptr;
    Gate gate = Gate::kFullSession;
    std::vector<std::string> allowed_methods;  // for kWrongMethod
  };
  // Fills `request.path_params` on a match.
  Match match(HttpRequest& request) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{name}" for a parameter
    Handler handler;
    Gate gate;
  };
  std::vector<Route> routes_;
};

std::vector<std::string> split_path(std::string_view path);

}  // namespace chibo::http
