// Members imports in the background (issue 16, app/member_imports.h): POST the CSV or XLSX
// file as the body (its Content-Type: text/csv or the XLSX type; ?name= the file's name), then
// GET the import for its state, progress and errors by row and field; cancel it.
#include <tuple>

#include "app/member_imports.h"
#include "http/api.h"
#include "http/endpoint.h"
#include "http/field_labels.h"
#include "http/query_params.h"

namespace chibo::http {

// Named, not anonymous: the unity build joins this file with the other route files.
namespace member_import_http {

using nlohmann::json;

auto decode_upload(ApiContext& api) {
  return [&api](const HttpRequest& request) -> Result<std::tuple<app::MemberImportUpload>> {
    QueryParams params(request.query);
    app::MemberImportUpload upload;
    upload.file_name = params.text("name").value_or("");
    std::vector<FieldError> errors = params.finish();
    if (!errors.empty())
      return Error::malformed("invalid_parameter").with_fields(std::move(errors));
    if (request.body.size() > api.max_import_bytes) {
      Error error =
          Error::too_large("body_too_large", {{"max", std::to_string(api.max_import_bytes)}});
      error.fields = {{"file", "too_large_bytes", {{"max", std::to_string(api.max_import_bytes)}}}};
      return error;
    }
    upload.content_type = std::string(request.header("content-type"));
    upload.content = request.body;
    return std::tuple{std::move(upload)};
  };
}

Result<std::tuple<int64_t>> decode_import_id(const HttpRequest& request) {
  if (Status none = no_query_parameters(request); !none) return std::move(none).error();
  const std::optional<long long> id = path_id(request);
  if (!id) return Error::not_found("member_import");
  return std::tuple<int64_t>(*id);
}

// Each error with its message in the caller's language (as a problem's errors[] carry them).
json import_json(const app::MemberImportView& view, const HttpRequest& request) {
  const i18n::Lang lang = i18n::pick_language(request.header("accept-language"));
  const app::MemberImport& m = view.import;
  std::string state = m.state;
  json progress = {{"phase", nullptr}, {"rows", 0}, {"bytes", nullptr}, {"percent", nullptr}};
  if (view.live) {
    state = view.live->phase;
    progress["phase"] = view.live->phase;
    progress["rows"] = view.live->rows;
    if (view.live->bytes >= 0) progress["bytes"] = view.live->bytes;
    if (view.live->phase == "writing" && m.rows_total > 0) {
      progress["percent"] = std::min<int64_t>(100, view.live->rows * 100 / m.rows_total);
    } else if (view.live->phase == "checking" && view.live->bytes >= 0 && m.file_size > 0) {
      progress["percent"] = std::min<int64_t>(100, view.live->bytes * 100 / m.file_size);
    }
  } else if (m.state == "done") {
    progress["percent"] = 100;
    progress["rows"] = m.rows_written;
  } else if (m.state == "queued") {
    progress["percent"] = 0;
  } else if (m.state == "checked") {
    progress["percent"] = 0;  // waiting to be written
    progress["rows"] = m.rows_checked;
  }
  json errors = json::parse(m.errors, nullptr, false);
  if (!errors.is_array()) errors = json::array();
  for (json& error : errors) {
    FieldError field{error.value("field", ""), error.value("code", ""), {}};
    if (error.contains("params") && error["params"].is_object()) {
      for (const auto& [key, value] : error["params"].items())
        if (value.is_string()) field.params.emplace_back(key, value.get<std::string>());
    }
    error["message"] = field_message(field, lang);
  }
  return {{"id", m.id},
          {"state", state},
          {"format", m.format},
          {"file_name", m.file_name},
          {"file_size", m.file_size},
          {"created_by", m.created_by},
          {"created_at", m.created_at},
          {"updated_at", m.updated_at},
          {"finished_at", m.finished_at.empty() ? json(nullptr) : json(m.finished_at)},
          {"rows_total", m.rows_total},
          {"rows_checked", m.rows_checked},
          {"rows_written", m.rows_written},
          {"error_count", m.error_count},
          {"errors", std::move(errors)},
          {"progress", std::move(progress)}};
}

}  // namespace member_import_http

void add_member_import_routes(Router& router, ApiContext& api) {
  using namespace member_import_http;
  const auto import_reply = [](const app::MemberImportView& view, const HttpRequest& request) {
    return json_response(200, import_json(view, request));
  };
  // The job runner is told at once rather than at its next tick (--jobs-interval-ms).
  router.add("POST", "/api/v1/members/imports",
             writes(api, decode_upload(api), app::start_member_import,
                    [&api](const app::MemberImportView& view, const HttpRequest& request) {
                      if (api.wake_jobs) api.wake_jobs();
                      return json_response(201, import_json(view, request))
                          .with_header("Location",
                                       "/api/v1/members/imports/" + std::to_string(view.import.id));
                    }));
  router.add("GET", "/api/v1/members/imports/{id}",
             reads(api, decode_import_id, app::get_member_import, import_reply));
  router.add("POST", "/api/v1/members/imports/{id}/cancel",
             calls(api, decode_import_id, app::cancel_member_import, import_reply));
}

}  // namespace chibo::http
