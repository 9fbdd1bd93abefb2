#include "core/error.h"

namespace chibo {

namespace {
Error make(ErrorCode code, std::string reason, Params params = {}) {
  Error error;
  error.code = code;
  error.reason = std::move(reason);
  error.params = std::move(params);
  return error;
}
}  // namespace

Error Error::invalid(std::vector<FieldError> fields) {
  Error error = make(ErrorCode::kInvalid, "validation_failed");
  error.fields = std::move(fields);
  return error;
}

Error Error::invalid_field(std::string field, std::string code, Params params) {
  return invalid({FieldError{std::move(field), std::move(code), std::move(params)}});
}

Error Error::malformed(std::string reason, Params params) {
  return make(ErrorCode::kMalformed, std::move(reason), std::move(params));
}

Error Error::not_found(std::string what) {
  return make(ErrorCode::kNotFound, "not_found", {{"what", std::move(what)}});
}

Error Error::conflict(std::string reason, Params params) {
  return make(ErrorCode::kConflict, std::move(reason), std::move(params));
}

Error Error::stale_version() { return make(ErrorCode::kStaleVersion, "version_conflict"); }

Error Error::too_large(std::string reason, Params params) {
  return make(ErrorCode::kTooLarge, std::move(reason), std::move(params));
}

Error Error::unsupported(std::string reason, Params params) {
  return make(ErrorCode::kUnsupported, std::move(reason), std::move(params));
}

Error Error::unauthenticated(std::string reason, Params params) {
  return make(ErrorCode::kUnauthenticated, std::move(reason), std::move(params));
}

Error Error::forbidden(std::string reason) {
  return make(ErrorCode::kForbidden, std::move(reason));
}

Error Error::throttled(std::string reason, long long retry_after_seconds) {
  return make(ErrorCode::kThrottled, std::move(reason),
              {{"retry_after", std::to_string(retry_after_seconds)}});
}

Error Error::unavailable(std::string reason) {
  return make(ErrorCode::kUnavailable, std::move(reason));
}

Error Error::internal(std::string reason) { return make(ErrorCode::kInternal, std::move(reason)); }

Error&& Error::with_items(std::vector<ErrorItem> list) && {
  items = std::move(list);
  return std::move(*this);
}

Error&& Error::with_fields(std::vector<FieldError> list) && {
  for (FieldError& field : list) fields.push_back(std::move(field));
  return std::move(*this);
}

Error&& Error::with_field(FieldError field) && {
  fields.push_back(std::move(field));
  return std::move(*this);
}

std::string Error::param(const std::string& key) const {
  for (const auto& [name, value] : params) {
    if (name == key) return value;
  }
  return {};
}

}  // namespace chibo
