#include "http/api.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace chibo::http {

HttpResponse json_response(int status, const nlohmann::json& body) {
  HttpResponse response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

app::Actor actor_of(const HttpRequest& request) {
  // Until accounts exist (issue 4) the actor is the client address.
  return {"http:" + request.remote_address, request.request_id};
}

std::optional<long long> path_id(const HttpRequest& request, const std::string& name) {
  const auto found = request.path_params.find(name);
  if (found == request.path_params.end()) return std::nullopt;
  const std::string& text = found->second;
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

Router build_api(ApiContext& context) {
  Router router;
  add_meta_routes(router, context);
  add_org_routes(router, context);
  add_member_routes(router, context);
  return router;
}

}  // namespace chibo::http
