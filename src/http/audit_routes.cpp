// /api/v1/audit: the audit trail viewer and its chain check (docs/accounts.md).
#include "app/audit_views.h"
#include "http/account_json.h"
#include "http/endpoint.h"
#include "http/query_params.h"

namespace chibo::http {

namespace {

using nlohmann::json;

Result<std::tuple<app::AuditQuery>> decode_audit_query(const HttpRequest& request) {
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
    return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{std::move(query)};
}

json page_json(const app::AuditPage& page) {
  json items = json::array();
  for (const domain::AuditEvent& event : page.items) items.push_back(audit_event_json(event));
  return {{"items", std::move(items)},
          {"next_before", page.next_before ? json(page.next_before) : json(nullptr)}};
}

json verification_json(const app::AuditVerification& verified) {
  json body = {{"ok", verified.ok},
               {"events", verified.events},
               {"head_seq", verified.head_seq},
               {"head_hash", verified.head_hash}};
  if (!verified.ok) {
    body["first_broken"] = verified.first_broken;
    body["problem"] = verified.problem;
  }
  return body;
}

}  // namespace

void add_audit_routes(Router& router, ApiContext& api) {
  router.add("GET", "/api/v1/audit",
             lists(api, decode_audit_query, app::list_audit, json_reply(200, page_json)));
  router.add("GET", "/api/v1/audit/verify",
             reads(api, no_inputs, app::verify_audit_as, json_reply(200, verification_json)));
}

}  // namespace chibo::http
