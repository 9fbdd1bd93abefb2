#include "http/request_body.h"

#include "http/api.h"

namespace chibo::http {

RequestBody::RequestBody(const HttpRequest& request, nlohmann::json object)
    : request_(&request),
      object_(std::make_unique<nlohmann::json>(std::move(object))),
      fields_(std::make_unique<JsonFields>(*object_)) {}

Result<RequestBody> RequestBody::read(const HttpRequest& request, bool empty_is_object) {
  Result<nlohmann::json> object = read_json_object(request, empty_is_object);
  if (!object) return std::move(object).error();
  return RequestBody(request, std::move(*object));
}

int64_t RequestBody::version() {
  if (std::optional<long long> version = fields_->integer("version", false)) return *version;
  if (std::optional<long long> version = if_match_version(*request_)) return *version;
  errors_.push_back({"version", "required", {}});
  return 0;
}

std::optional<int64_t> RequestBody::optional_version() {
  if (std::optional<long long> version = fields_->integer("version", false)) return *version;
  if (std::optional<long long> version = if_match_version(*request_)) return *version;
  return std::nullopt;
}

Status RequestBody::finish() {
  for (FieldError& error : fields_->finish()) errors_.push_back(std::move(error));
  if (errors_.empty()) return Ok();
  return Error::invalid(std::move(errors_));
}

}  // namespace chibo::http
