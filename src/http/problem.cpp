#include "http/problem.h"

#include <nlohmann/json.hpp>

#include "http/field_labels.h"
#include "i18n/messages.h"

namespace chibo::http {

int http_status(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalid:
      return 422;
    case ErrorCode::kMalformed:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
    case ErrorCode::kStaleVersion:
      return 409;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kUnsupported:
      return error.reason == "method_not_allowed" ? 405 : 415;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kThrottled:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

HttpResponse problem_response(const Error& error, const HttpRequest& request) {
  const i18n::Lang lang = i18n::pick_language(request.header("accept-language"));
  const int status = http_status(error);
  // Internal errors never show their details.
  const std::string reason = status == 500 ? "internal" : error.reason;
  Params params = status == 500 ? Params{} : error.params;
  for (auto& [name, value] : params) {
    if (name == "what") value = i18n::message("noun." + value, lang);
  }
  if (reason.rfind("discipline_", 0) == 0) discipline_words(params, lang);
  nlohmann::json body = {
      {"type", "urn:chibo:problem:" + reason},
      {"title", i18n::message(reason, lang, params)},
      {"status", status},
      {"code", reason},
      {"instance", request.path},
      {"request_id", request.request_id},
  };
  std::string detail = body["title"];
  if (!error.fields.empty() && status != 500) {
    nlohmann::json errors = nlohmann::json::array();
    for (const FieldError& field : error.fields) {
      nlohmann::json item = {
          {"field", field.field}, {"code", field.code}, {"message", field_message(field, lang)}};
      for (const auto& [name, value] : field.params) {
        if (name == "line") {
          item["line"] = std::stoll(value);
        } else if (name == "column") {
          // An imported spreadsheet's column letter, with the row in "line".
          item[name] = value;
        } else if (name == "rule" || name == "source") {
          // A refusal under a rule names the rule and its source document.
          item[name] = value;
        }
      }
      errors.push_back(std::move(item));
    }
    detail = errors.front()["message"];
    if (error.fields.size() > 1) {
      detail += lang == i18n::Lang::kVi
                    ? " (và " + std::to_string(error.fields.size() - 1) + " lỗi khác)"
                    : " (and " + std::to_string(error.fields.size() - 1) + " more)";
    }
    body["errors"] = std::move(errors);
  }
  if (!error.items.empty()) {
    nlohmann::json items = nlohmann::json::array();
    for (const ErrorItem& item : error.items)
      items.push_back({{"id", item.id}, {"label", item.label}});
    body["items"] = std::move(items);
  }
  // The error's parameters (count, code, max ...) as RFC 9457 extension members, for clients.
  if (status != 500) {
    for (const auto& [name, value] : error.params) {
      if (body.contains(name) || name == "what" || name == "detail") continue;
      body[name] = value;
    }
  }
  body["detail"] = detail;
  HttpResponse response;
  response.status = status;
  response.content_type = "application/problem+json";
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // The store says how long its reconnects wait (connection_pool.h); a second otherwise.
  if (status == 503) {
    const std::string after = error.param("retry_after");
    response.with_header("Retry-After", after.empty() ? "1" : after);
  }
  if (status == 429) response.with_header("Retry-After", error.param("retry_after"));
  if (status == 405) {
    std::string allow;
    for (const auto& [name, value] : error.params) {
      if (name == "allow") allow = value;
    }
    response.with_header("Allow", allow);
  }
  return response;
}

}  // namespace chibo::http
