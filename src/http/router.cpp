#include "http/router.h"

namespace chibo::http {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') {
      ++start;
      continue;
    }
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    segments.emplace_back(path.substr(start, end - start));
    start = end;
  }
  return segments;
}

void Router::add(std::string method, const std::string& pattern, Handler handler, Gate gate) {
  routes_.push_back({std::move(method), split_path(pattern), std::move(handler), gate});
}

Router::Match Router::match(HttpRequest& request) const {
  Match result;
  const std::vector<std::string> segments = split_path(request.path);
  for (const Route& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::map<std::string, std::string> params;
    bool matched = true;
    for (size_t index = 0; index < segments.size() && matched; ++index) {
      const std::string& pattern = route.segments[index];
      if (pattern.size() > 2 && pattern.front() == '{' && pattern.back() == '}') {
        params[pattern.substr(1, pattern.size() - 2)] = segments[index];
      } else {
        matched = pattern == segments[index];
      }
    }
    if (!matched) continue;
    if (route.method != request.method) {
      result.outcome = Outcome::kWrongMethod;
      result.allowed_methods.push_back(route.method);
      continue;
    }
    request.path_params = std::move(params);
    result.outcome = Outcome::kMatched;
    result.handler = &route.handler;
    result.gate = route.gate;
    return result;
  }
  return result;
}

}  // namespace chibo::http
