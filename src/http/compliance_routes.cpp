// The compliance board (issue 16): counts of everything out of rule in an organization's
// subtree per area and per direct child, and the items, most overdue first, with their links.
#include <algorithm>
#include <tuple>

#include "app/compliance.h"
#include "http/api.h"
#include "http/endpoint.h"
#include "http/json_views.h"
#include "http/problem.h"
#include "http/query_params.h"

namespace chibo::http {

// Named, not anonymous: the unity build joins this file with the other route files.
namespace compliance_http {

using nlohmann::json;

constexpr int kCompliancePageSize = 50;

json area_counts_json(const std::map<std::string, int64_t>& areas) {
  json out = json::object();
  for (const auto& [area, count] : areas) out[area] = count;
  return out;
}

json board_json(const app::ComplianceBoard& board) {
  json areas = json::array();
  for (const app::ComplianceAreaCount& area : board.areas) {
    json kinds = json::array();
    for (const auto& [kind, count] : area.kinds)
      kinds.push_back({{"kind", kind}, {"count", count}});
    areas.push_back({{"area", area.area}, {"count", area.count}, {"kinds", std::move(kinds)}});
  }
  json children = json::array();
  for (const app::ComplianceChild& child : board.children) {
    children.push_back({{"org", org_brief_json(child.org)},
                        {"total", child.total},
                        {"areas", area_counts_json(child.areas)}});
  }
  json lagging = json::array();
  for (const auto& [org, count] : board.lagging)
    lagging.push_back({{"org", org_brief_json(org)}, {"total", count}});
  json org = org_brief_json(board.org);
  org["path"] = board.org.path.str();
  return {{"org", std::move(org)},
          {"as_of", board.as_of.iso()},
          {"total", board.total},
          {"own", {{"total", board.own}, {"areas", area_counts_json(board.own_areas)}}},
          {"areas", std::move(areas)},
          {"children", std::move(children)},
          {"lagging", std::move(lagging)}};
}

json items_json(const app::ComplianceItems& page) {
  json items = json::array();
  for (const domain::compliance::Item& item : page.items) {
    items.push_back(
        {{"area", item.area},
         {"kind", item.kind},
         {"severity", item.severity},
         {"org",
          {{"id", item.org_id.value}, {"name", item.org_name}, {"path", item.org_path.str()}}},
         {"subject",
          {{"type", item.subject_type}, {"id", item.subject_id}, {"label", item.subject_label}}},
         {"due_on", item.due_on.iso()},
         {"days_overdue", item.days_overdue},
         {"link", item.link}});
  }
  return {{"org_id", page.org.id.value}, {"as_of", page.as_of.iso()}, {"page", page.page},
          {"page_size", page.page_size}, {"total", page.total},       {"items", std::move(items)}};
}

Result<std::tuple<OrgId>> decode_board(const HttpRequest& request) {
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("organization");
  QueryParams params(request.query);
  std::vector<FieldError> errors = params.finish();
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{OrgId(*id)};
}

Result<std::tuple<app::ComplianceItemsQuery>> decode_items(const HttpRequest& request) {
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("organization");
  QueryParams params(request.query);
  app::ComplianceItemsQuery query;
  query.org = OrgId(*id);
  query.page_size = kCompliancePageSize;
  if (const auto area = params.text("area")) query.area = *area;
  if (const auto kind = params.text("kind")) query.kind = *kind;
  if (const auto page = params.integer("page", 1, 10000)) query.page = static_cast<int>(*page);
  std::vector<FieldError> errors = params.finish();
  const auto known = app::compliance_kinds();
  if (!query.area.empty() && std::none_of(known.begin(), known.end(),
                                          [&](const auto& k) { return k.first == query.area; }))
    errors.push_back({"area", "unknown_code", {}});
  if (!query.kind.empty() && std::none_of(known.begin(), known.end(),
                                          [&](const auto& k) { return k.second == query.kind; }))
    errors.push_back({"kind", "unknown_code", {}});
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{std::move(query)};
}

}  // namespace compliance_http

void add_compliance_routes(Router& router, ApiContext& api) {
  using namespace compliance_http;
  router.add("GET", "/api/v1/orgs/{id}/compliance",
             lists(api, decode_board, app::get_compliance_board, json_reply(200, board_json)));
  router.add("GET", "/api/v1/orgs/{id}/compliance/items",
             lists(api, decode_items, app::list_compliance_items, json_reply(200, items_json)));
}

}  // namespace chibo::http
