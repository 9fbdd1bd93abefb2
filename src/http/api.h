// The JSON API under /api/v1: builds the router from the use cases.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/context.h"
#include "app/jobs.h"
#include "app/session_cache.h"
#include "http/member_json_cache.h"
#include "http/router.h"
#include "http/session_gate.h"

namespace chibo::http {

struct ApiContext {
  ApiContext(app::Services& services_in, std::string engine_in)
      : services(services_in), engine(std::move(engine_in)) {}

  app::Services& services;
  std::string engine;  // "sqlite" or "postgresql", for /health
  std::function<bool()> search_in_memory = [] { return false; };  // for /health
  MemberJsonCache member_json;  // rendered records of search pages
  SessionSettings sessions;
  app::SessionCache session_cache;  // sessions checked within the last second
  // Largest attachment accepted (chibo serve --max-attachment-bytes).
  size_t max_attachment_bytes = 20 * 1024 * 1024;
  // The background jobs (GET /jobs, POST /jobs/{kind}/run); null: none configured.
  app::JobRunner* jobs = nullptr;
  // Wakes this process's job runner (a background fan-out was scheduled); unset: none runs here.
  std::function<void()> wake_jobs;
  // Largest members file for POST /members/imports (chibo serve --max-import-bytes).
  size_t max_import_bytes = 256 * 1024 * 1024;
};

void add_org_routes(Router& router, ApiContext& context);
void add_member_routes(Router& router, ApiContext& context);
void add_meta_routes(Router& router, ApiContext& context);
void add_auth_routes(Router& router, ApiContext& context);
void add_user_routes(Router& router, ApiContext& context);
void add_audit_routes(Router& router, ApiContext& context);
void add_candidate_routes(Router& router, ApiContext& context);
void add_lifecycle_routes(Router& router, ApiContext& context);
void add_term_routes(Router& router, ApiContext& context);
void add_document_routes(Router& router, ApiContext& context);
void add_directive_routes(Router& router, ApiContext& context);
void add_inbox_routes(Router& router, ApiContext& context);
void add_dues_routes(Router& router, ApiContext& context);
void add_plan_routes(Router& router, ApiContext& context);
void add_review_routes(Router& router, ApiContext& context);
void add_meeting_routes(Router& router, ApiContext& context);
void add_inspection_routes(Router& router, ApiContext& context);
void add_discipline_routes(Router& router, ApiContext& context);
void add_compliance_routes(Router& router, ApiContext& context);
void add_stats_routes(Router& router, ApiContext& context);
void add_member_import_routes(Router& router, ApiContext& context);
void add_remediation_routes(Router& router, ApiContext& context);

Router build_api(ApiContext& context);

// Helpers shared by the route files.
HttpResponse json_response(int status, const nlohmann::json& body);
// 200 with an XLSX workbook to download as `file_name` (ASCII: dates, codes, ids), never cached.
HttpResponse xlsx_response(const std::string& file_name, const std::string& content);
// Who sent the request: set by the session gate for every non-public route.
const app::Actor& actor_of(const HttpRequest& request);
// The {name} path parameter as an id, or nullopt (the route then answers 404).
std::optional<long long> path_id(const HttpRequest& request, const std::string& name = "id");
// For routes that take no query parameters: 400 naming any that were sent.
Status no_query_parameters(const HttpRequest& request);
Handler no_query(Handler handler);
// The version a request is based on from an If-Match: "vN" header, if any.
std::optional<long long> if_match_version(const HttpRequest& request);

}  // namespace chibo::http
