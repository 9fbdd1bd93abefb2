// /api/v1/audit: the audit trail viewer and its chain check (docs/accounts.md).
#include "app/audit_views.h"
#include "http/account_json.h"
#include "http/api.h"
#include "http/problem.h"
#include "http/query_params.h"

namespace chibo::http {

namespace {

using nlohmann::json;

}  // namespace

void add_audit_routes(Router& router, ApiContext& context) {
  app::Services& services = context.services;

  router.add("GET", "/api/v1/audit", [&](HttpRequest& request) {
    QueryParams params(request.query);
    app::AuditQuery query;
    query.actor_id = params.integer("actor_id", 0, INT64_MAX);
    query.object_type = params.text("object_type").value_or("");
    query.object_id = params.text("object_id").value_or("");
    query.action = params.text("action").value_or("");
    query.from = params.text("from").value_or("");
    query.to = params.text("to").value_or("");
    query.before = params.integer("before", 0, INT64_MAX).value_or(0);
    query.limit = static_cast<int>(params.integer("limit", 1, 500).value_or(100));
    if (auto errors = params.finish(); !errors.empty())
      return query_problem(std::move(errors), request);
    auto page = app::list_audit(services, actor_of(request), query);
    if (!page) {
      Error error = std::move(page).error();
      if (error.code == ErrorCode::kInvalid) {
        error.code = ErrorCode::kMalformed;
        error.reason = "invalid_parameter";
      }
      return problem_response(error, request);
    }
    json items = json::array();
    for (const domain::AuditEvent& event : page->items) items.push_back(audit_event_json(event));
    return json_response(
        200, {{"items", std::move(items)},
              {"next_before", page->next_before ? json(page->next_before) : json(nullptr)}});
  });

  router.add("GET", "/api/v1/audit/verify", no_query([&](HttpRequest& request) {
               auto verified = app::verify_audit_as(services, actor_of(request));
               if (!verified) return problem_response(verified.error(), request);
               json body = {{"ok", verified->ok},
                            {"events", verified->events},
                            {"head_seq", verified->head_seq},
                            {"head_hash", verified->head_hash}};
               if (!verified->ok) {
                 body["first_broken"] = verified->first_broken;
                 body["problem"] = verified->problem;
               }
               return json_response(200, body);
             }));
}

}  // namespace chibo::http
