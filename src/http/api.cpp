#include "http/api.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "http/problem.h"
#include "http/query_params.h"
#include "io/xlsx/xlsx_writer.h"

namespace chibo::http {

HttpResponse json_response(int status, const nlohmann::json& body) {
  HttpResponse response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

HttpResponse xlsx_response(const std::string& file_name, const std::string& content) {
  HttpResponse response;
  response.status = 200;
  response.content_type = io::xlsx::kContentType;
  response.body = content;
  // The name is ASCII: no RFC 6266 encoding needed.
  response.with_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  response.with_header("Cache-Control", "no-store");
  return response;
}

const app::Actor& actor_of(const HttpRequest& request) {
  // Handlers of non-public routes run only after the gate has authenticated the request.
  if (!request.actor) throw std::logic_error("actor_of: " + request.path + " has no session");
  return *request.actor;
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

Status no_query_parameters(const HttpRequest& request) {
  if (request.query.empty()) return Ok();
  QueryParams params(request.query);
  std::vector<FieldError> errors = params.finish();
  if (errors.empty()) return Ok();
  Error error = Error::malformed("invalid_parameter");
  error.fields = std::move(errors);
  return error;
}

Handler no_query(Handler handler) {
  return [handler = std::move(handler)](HttpRequest& request) {
    if (Status none = no_query_parameters(request); !none)
      return problem_response(none.error(), request);
    return handler(request);
  };
}

std::optional<long long> if_match_version(const HttpRequest& request) {
  std::string_view header = request.header("if-match");
  if (header.size() < 4 || header.substr(0, 2) != "\"v" || header.back() != '"')
    return std::nullopt;
  header = header.substr(2, header.size() - 3);
  long long version = 0;
  const auto [end, error] = std::from_chars(header.data(), header.data() + header.size(), version);
  if (error != std::errc() || end != header.data() + header.size()) return std::nullopt;
  return version;
}

Router build_api(ApiContext& context) {
  Router router;
  add_meta_routes(router, context);
  add_org_routes(router, context);
  add_member_routes(router, context);
  add_auth_routes(router, context);
  add_user_routes(router, context);
  add_audit_routes(router, context);
  add_candidate_routes(router, context);
  add_lifecycle_routes(router, context);
  add_term_routes(router, context);
  add_document_routes(router, context);
  add_directive_routes(router, context);
  add_inbox_routes(router, context);
  add_dues_routes(router, context);
  add_plan_routes(router, context);
  add_review_routes(router, context);
  add_meeting_routes(router, context);
  add_inspection_routes(router, context);
  add_discipline_routes(router, context);
  add_compliance_routes(router, context);
  add_stats_routes(router, context);
  add_member_import_routes(router, context);
  add_remediation_routes(router, context);
  return router;
}

}  // namespace chibo::http
