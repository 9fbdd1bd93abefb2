// Figures of an organization's subtree: the dashboard's breakdowns (today, or as of a past day)
// and the periodic member report as JSON and XLSX (issue 16).
#include <algorithm>

#include "app/org_views.h"
#include "app/stats_reports.h"
#include "domain/fields.h"
#include "http/endpoint.h"
#include "http/query_params.h"

namespace chibo::http {

namespace stats_http {

using nlohmann::json;

json values_json(const std::vector<app::Breakdown>& breakdowns) {
  json body = json::object();
  for (const app::Breakdown& breakdown : breakdowns) {
    json values = json::array();
    for (const auto& [value, count] : breakdown.values)
      values.push_back({{"value", value}, {"count", count}});
    body[breakdown.dimension] = std::move(values);
  }
  return body;
}

// A date query parameter (ISO); a malformed one is 422 naming it, like the use cases' refusals.
std::optional<Date> date_param(QueryParams& params, const std::string& name,
                               std::vector<FieldError>& invalid) {
  const std::optional<std::string> text = params.text(name);
  if (!text) return std::nullopt;
  return domain::parse_date_field(name, *text, invalid);
}

Result<std::tuple<OrgId, std::optional<Date>>> decode_stats(const HttpRequest& request) {
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("organization");
  QueryParams params(request.query);
  std::vector<FieldError> invalid;
  const std::optional<Date> as_of = date_param(params, "as_of", invalid);
  std::vector<FieldError> errors = params.finish();
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  if (!invalid.empty()) return Error::invalid(std::move(invalid));
  return std::tuple{OrgId(*id), as_of};
}

// Without as_of: today's breakdowns as they were (kept counts); with it: reconstructed.
struct Stats {
  OrgId org;
  std::optional<app::StatsAsOf> as_of;
  std::vector<app::Breakdown> today;
};

Result<Stats> org_stats(app::Context& ctx, OrgId id, std::optional<Date> as_of) {
  Stats stats{id, std::nullopt, {}};
  if (as_of) {
    Result<app::StatsAsOf> found = app::org_stats_as_of(ctx, id, *as_of);
    if (!found) return std::move(found).error();
    stats.as_of = std::move(*found);
  } else {
    Result<std::vector<app::Breakdown>> found = app::org_breakdowns(ctx, id);
    if (!found) return std::move(found).error();
    stats.today = std::move(*found);
  }
  return stats;
}

json stats_json(const Stats& stats) {
  if (!stats.as_of) return {{"org_id", stats.org.value}, {"breakdowns", values_json(stats.today)}};
  return {{"org_id", stats.org.value},
          {"as_of", stats.as_of->as_of.iso()},
          {"total", stats.as_of->total},
          {"undated_exemptions", stats.as_of->undated_exemptions},
          {"breakdowns", values_json(stats.as_of->breakdowns)}};
}

Result<std::tuple<OrgId, Date, Date>> decode_report(const HttpRequest& request) {
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("organization");
  QueryParams params(request.query);
  std::vector<FieldError> invalid;
  const std::optional<Date> from = date_param(params, "from", invalid);
  const std::optional<Date> to = date_param(params, "to", invalid);
  std::vector<FieldError> errors = params.finish();
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  if (!from && invalid.empty()) invalid.push_back({"from", "required", {}});
  if (!to && std::none_of(invalid.begin(), invalid.end(),
                          [](const FieldError& error) { return error.field == "to"; }))
    invalid.push_back({"to", "required", {}});
  if (!invalid.empty()) return Error::invalid(std::move(invalid));
  return std::tuple{OrgId(*id), *from, *to};
}

json report_json(const app::PeriodReport& report) {
  json exits = json::array();
  int64_t exited = 0;
  for (const auto& [ground, n] : report.exits) {
    exits.push_back({{"ground", ground}, {"count", n}});
    exited += n;
  }
  return {{"org_id", report.org.id.value},
          {"org_name", report.org.name},
          {"from", report.from.iso()},
          {"to", report.to.iso()},
          {"start_total", report.start_total},
          {"end_total", report.end.total},
          {"undated_exemptions", report.end.undated_exemptions},
          {"admissions", report.admissions},
          {"recognitions", report.recognitions},
          {"exits_total", exited},
          {"exits", std::move(exits)},
          {"transfers",
           {{"in_internal", report.transfers.in_internal},
            {"in_outside", report.transfers.in_outside},
            {"out_internal", report.transfers.out_internal},
            {"out_outside", report.transfers.out_outside}}},
          {"breakdowns", values_json(report.end.breakdowns)}};
}

}  // namespace stats_http

void add_stats_routes(Router& router, ApiContext& api) {
  using namespace stats_http;
  router.add("GET", "/api/v1/orgs/{id}/stats",
             reads(api, decode_stats, org_stats, json_reply(200, stats_json)));
  router.add("GET", "/api/v1/orgs/{id}/reports/members",
             reads(api, decode_report, app::member_period_report, json_reply(200, report_json)));
  router.add("GET", "/api/v1/orgs/{id}/reports/members.xlsx",
             reads(api, decode_report, app::export_member_period_report, xlsx_reply()));
}

}  // namespace chibo::http
