// Shortcomings → remediation across its sources (issue 15): GET /orgs/{id}/remediation lists
// the items tracked to closure in the organization's subtree, review shortcomings and inspection
// violations and recommendations together, by due date, paged (offset, limit) with the total.
// Recording and closing stay with the areas (/review-shortcomings, /inspection-items).
#include <cstdint>
#include <tuple>

#include "app/remediation.h"
#include "domain/remediation/item.h"
#include "http/api.h"
#include "http/endpoint.h"
#include "http/json_views.h"
#include "http/problem.h"
#include "http/query_params.h"

namespace chibo::http {

// Named, not anonymous: the unity build joins this file with the other route files.
namespace remediation_http {

using nlohmann::json;

constexpr long long kMaxLimit = 200;
constexpr long long kDefaultLimit = 50;

json remediation_id_or_null(int64_t id) { return id > 0 ? json(id) : json(nullptr); }

json remediation_line_json(const app::RemediationLine& line) {
  const app::RemediationItem& s = line.item;
  return {{"source", s.source},
          {"id", s.id},
          {"campaign_id", remediation_id_or_null(s.campaign_id)},
          {"inspection_id", remediation_id_or_null(s.inspection_id)},
          {"year", s.year},
          {"member_id", remediation_id_or_null(s.member_id.value)},
          {"org_id", s.org_id.value},
          {"org_name", line.org_name},
          {"subject_name", line.subject_name},
          {"kind", s.kind},
          {"description", s.description},
          {"action", s.action},
          {"owner", s.owner},
          {"due_on", s.due_on.iso()},
          {"evidence", text_or_null(s.evidence)},
          {"state", s.state},
          {"closed_on", s.closed_on ? json(s.closed_on->iso()) : json(nullptr)},
          {"overdue", line.overdue},
          {"version", s.version}};
}

json remediation_list_json(const app::RemediationList& list) {
  json items = json::array();
  for (const app::RemediationLine& line : list.items) items.push_back(remediation_line_json(line));
  return {{"items", std::move(items)},
          {"total", list.total},
          {"offset", list.offset},
          {"limit", list.limit}};
}

Result<std::tuple<app::RemediationQuery>> decode_remediation_list(const HttpRequest& request) {
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("organization");
  QueryParams params(request.query);
  app::RemediationQuery query;
  query.org_id = OrgId(*id);
  std::vector<FieldError> errors;
  if (const auto state = params.text("state")) {
    if (*state == "open" || *state == "closed" || *state == "overdue") {
      query.state = *state;
    } else {
      errors.push_back({"state",
                        "unknown_code",
                        {{"value", state->substr(0, 40)}, {"allowed", "open, closed, overdue"}}});
    }
  }
  if (const auto source = params.text("source")) {
    if (domain::remediation::source_named(*source)) {
      query.source = *source;
    } else {
      errors.push_back({"source",
                        "unknown_code",
                        {{"value", source->substr(0, 40)}, {"allowed", "review, inspection"}}});
    }
  }
  query.offset = params.integer("offset", 0, INT64_MAX).value_or(0);
  query.limit = static_cast<int>(params.integer("limit", 1, kMaxLimit).value_or(kDefaultLimit));
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{std::move(query)};
}

}  // namespace remediation_http

void add_remediation_routes(Router& router, ApiContext& api) {
  using namespace remediation_http;
  router.add("GET", "/api/v1/orgs/{id}/remediation",
             lists(api, decode_remediation_list, app::list_remediation,
                   json_reply(200, remediation_list_json)));
}

}  // namespace chibo::http
