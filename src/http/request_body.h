// A JSON request body being decoded into a use case's inputs: its fields, every problem found
// so far (as FieldErrors naming the field), and the version the change is based on.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "http/json_body.h"
#include "http/message.h"

namespace chibo::http {

class RequestBody {
 public:
  // The body as a JSON object (400/415 otherwise); `empty_is_object` reads no body as {}.
  static Result<RequestBody> read(const HttpRequest& request, bool empty_is_object = false);

  JsonFields& fields() { return *fields_; }
  std::vector<FieldError>& errors() { return errors_; }
  void add_error(FieldError error) { errors_.push_back(std::move(error)); }

  // The version the change is based on: "version" in the body, or an If-Match: "vN" header;
  // "required" when neither is there.
  int64_t version();
  // The same where the version is optional (an action that may also be taken blind).
  std::optional<int64_t> optional_version();

  // Unknown fields join the errors; any error makes the whole body invalid (422).
  Status finish();

 private:
  RequestBody(const HttpRequest& request, nlohmann::json object);

  const HttpRequest* request_;
  std::unique_ptr<nlohmann::json> object_;  // stable: fields_ refers to it
  std::unique_ptr<JsonFields> fields_;
  std::vector<FieldError> errors_;
};

}  // namespace chibo::http
