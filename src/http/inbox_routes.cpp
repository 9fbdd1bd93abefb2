// /api/v1/inbox (the signed-in user's notifications) and /api/v1/jobs (the background jobs,
// for administrators): issue 13, follow-up.
#include "app/inbox.h"
#include "app/jobs.h"
#include "http/endpoint.h"
#include "http/json_views.h"
#include "http/query_params.h"
#include "http/request_body.h"
#include "i18n/messages.h"

namespace chibo::http {

namespace {

using nlohmann::json;

json notification_json(const app::Notification& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"title", n.title},
          {"body", n.body},
          {"link", text_or_null(n.link)},
          {"created_at", n.created_at},
          {"read_at", text_or_null(n.read_at)}};
}

Result<std::tuple<app::InboxRequest>> decode_inbox_query(const HttpRequest& request) {
  QueryParams params(request.query);
  app::InboxRequest query;
  std::vector<FieldError> errors;
  if (std::optional<std::string> order = params.text("order")) {
    if (*order == "newest") {
      query.unread_first = false;
    } else if (*order != "unread_first") {
      errors.push_back({"order", "unknown_code", {{"value", order->substr(0, 40)}}});
    }
  }
  query.unread_only = params.flag("unread").value_or(false);
  query.offset = params.integer("offset", 0, INT64_MAX).value_or(0);
  query.limit = static_cast<int>(params.integer("limit", 1, 500).value_or(50));
  for (FieldError& error : params.finish()) errors.push_back(std::move(error));
  if (!errors.empty()) return Error::malformed("invalid_parameter").with_fields(std::move(errors));
  return std::tuple{query};
}

// A POST without inputs: no query parameters, a body that is empty or {}.
Result<RequestBody> no_body_inputs(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  Result<RequestBody> body = RequestBody::read(request, true);
  if (!body) return std::move(body).error();
  if (Status done = body->finish(); !done) return std::move(done).error();
  return body;
}

Result<std::tuple<int64_t>> decode_notification(const HttpRequest& request) {
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("notification");
  if (auto body = no_body_inputs(request); !body) return std::move(body).error();
  return std::tuple{static_cast<int64_t>(*id)};
}

Result<std::tuple<>> decode_empty_post(const HttpRequest& request) {
  if (auto body = no_body_inputs(request); !body) return std::move(body).error();
  return std::tuple<>();
}

json job_json(const app::JobStatusView& job, i18n::Lang lang) {
  return {{"kind", job.kind},
          {"label", i18n::message("job." + job.kind, lang)},
          {"schedule", job.schedule == app::JobSchedule::kDaily      ? "daily"
                       : job.schedule == app::JobSchedule::kOnDemand ? "on_demand"
                                                                     : "continuous"},
          {"enabled", job.enabled},
          {"status", job.status},
          {"last_run_at", text_or_null(job.last_run_at)},
          {"last_finished_at", text_or_null(job.last_finished_at)},
          {"next_run_at", text_or_null(job.next_run_at)},
          {"last_error", text_or_null(job.last_error)},
          {"attempts", job.attempts},
          {"pending_steps", job.pending_steps},
          {"last_steps", job.last_steps}};
}

}  // namespace

void add_inbox_routes(Router& router, ApiContext& api) {
  router.add("GET", "/api/v1/inbox",
             lists(api, decode_inbox_query, app::list_inbox, [](const app::InboxPage& page) {
               json items = json::array();
               for (const app::Notification& n : page.items) items.push_back(notification_json(n));
               return json_response(
                   200,
                   {{"items", std::move(items)}, {"total", page.total}, {"unread", page.unread}});
             }));
  router.add("GET", "/api/v1/inbox/unread-count",
             reads(api, no_inputs, app::inbox_unread_count, [](int64_t unread) {
               return json_response(200, {{"unread", unread}});
             }));
  router.add(
      "POST", "/api/v1/inbox/{id}/read",
      writes(api, decode_notification, app::mark_notification_read,
             [](const app::Notification& n) { return json_response(200, notification_json(n)); }));
  router.add("POST", "/api/v1/inbox/read-all",
             writes(api, decode_empty_post, app::mark_inbox_read, [](int64_t marked) {
               return json_response(200, {{"marked", marked}, {"unread", 0}});
             }));

  router.add("GET", "/api/v1/jobs", [&api](HttpRequest& request) -> HttpResponse {
    if (Status none = no_query_parameters(request); !none)
      return problem_response(none.error(), request);
    const app::Actor& actor = actor_of(request);
    if (Status allowed = app::require_job_manage(api.services, actor); !allowed)
      return problem_response(allowed.error(), request);
    json items = json::array();
    if (api.jobs) {
      auto status = api.jobs->status(api.services.clock.today());
      if (!status) return problem_response(status.error(), request);
      const i18n::Lang lang = i18n::pick_language(request.header("accept-language"));
      for (const app::JobStatusView& job : *status) items.push_back(job_json(job, lang));
    }
    return json_response(200, {{"items", std::move(items)}});
  });
  router.add("POST", "/api/v1/jobs/{kind}/run", [&api](HttpRequest& request) -> HttpResponse {
    if (auto body = no_body_inputs(request); !body) return problem_response(body.error(), request);
    const app::Actor& actor = actor_of(request);
    if (Status allowed = app::require_job_manage(api.services, actor); !allowed)
      return problem_response(allowed.error(), request);
    const auto kind = request.path_params.find("kind");
    if (!api.jobs || kind == request.path_params.end())
      return problem_response(Error::not_found("job"), request);
    const Date today = api.services.clock.today();
    auto report = api.jobs->run_now(kind->second, today, actor);
    if (!report) return problem_response(report.error(), request);
    auto status = api.jobs->status(today);
    if (!status) return problem_response(status.error(), request);
    const i18n::Lang lang = i18n::pick_language(request.header("accept-language"));
    json job;
    for (const app::JobStatusView& view : *status)
      if (view.kind == kind->second) job = job_json(view, lang);
    return json_response(200, {{"kind", kind->second},
                               {"steps", report->steps},
                               {"failed", report->failed},
                               {"job", std::move(job)}});
  });
}

}  // namespace chibo::http
