// Reading JSON request bodies strictly: application/json only, at most 1 MiB, valid UTF-8
// (a bad byte is reported against the field that holds it), an object at the top, no
// unknown fields, and each field of the expected type.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "http/message.h"

namespace chibo::http {

inline constexpr size_t kMaxBodyBytes = 1024 * 1024;

// `empty_is_object`: an empty body (any Content-Type) reads as {}, for actions whose fields
// are all optional.
Result<nlohmann::json> read_json_object(const HttpRequest& request, bool empty_is_object = false);

// Typed access to an object's fields; every problem becomes a FieldError.
class JsonFields {
 public:
  explicit JsonFields(const nlohmann::json& object) : object_(object) {}

  bool has(const std::string& name) const { return object_.contains(name); }
  // Absent: nullopt. null: an empty inner optional. A string: its value.
  std::optional<std::optional<std::string>> text(const std::string& name);
  // A string, a number (written as text) or null, for fields like org_id that take either.
  std::optional<std::optional<std::string>> text_or_number(const std::string& name);
  // An array of strings (or a single string) joined with "; " for list fields like aliases.
  std::optional<std::optional<std::string>> string_list(const std::string& name);
  std::optional<long long> integer(const std::string& name, bool required);
  std::optional<std::optional<long long>> nullable_integer(const std::string& name);
  std::optional<bool> boolean(const std::string& name);
  // The value as it is, for nested structures the caller checks itself (null when absent).
  const nlohmann::json* raw(const std::string& name);
  void add_error(FieldError error) { errors_.push_back(std::move(error)); }

  // Adds "unknown_field" for every field never asked for; returns all problems.
  std::vector<FieldError> finish();

 private:
  const nlohmann::json& object_;
  std::vector<std::string> read_;
  std::vector<FieldError> errors_;
};

}  // namespace chibo::http
