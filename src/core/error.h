// Errors a user can cause, as values. A closed set of codes, built by named constructors;
// adapters (HTTP, CLI) translate them into statuses and localized messages.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace chibo {

enum class ErrorCode {
  kInvalid,          // input failed validation; `fields` says where
  kMalformed,        // the request itself could not be read (bad JSON, bad encoding)
  kNotFound,         // the object does not exist (or is outside the actor's reach)
  kConflict,         // the request contradicts stored state (duplicate, still in use ...)
  kStaleVersion,     // optimistic concurrency: someone else saved first
  kTooLarge,         // the body or file is over its limit
  kUnsupported,      // media type, method or version not supported
  kUnauthenticated,  // no valid session, or a failed login
  kForbidden,        // the actor sees the object but may not do this (or the request is forged)
  kThrottled,        // too many attempts; `params` has "retry_after" (seconds)
  kUnavailable,      // the database is busy or gone; retry later
  kInternal,         // a bug; details are logged, never shown
};

// Key/value parameters a message template may use, e.g. {"max", "255"}.
using Params = std::vector<std::pair<std::string, std::string>>;

struct FieldError {
  std::string field;  // API field name, e.g. "citizen_id", or "row 12: citizen_id" in imports
  std::string code;   // stable message code, e.g. "cccd_format"
  Params params;
};

// An object related to the error, e.g. a member that blocks dissolving an organization.
struct ErrorItem {
  int64_t id = 0;
  std::string label;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string reason;  // stable message code for the whole error
  Params params;
  std::vector<FieldError> fields;
  std::vector<ErrorItem> items;

  static Error invalid(std::vector<FieldError> fields);
  static Error invalid_field(std::string field, std::string code, Params params = {});
  static Error malformed(std::string reason, Params params = {});
  static Error not_found(std::string what);
  static Error conflict(std::string reason, Params params = {});
  static Error stale_version();
  static Error too_large(std::string reason, Params params = {});
  static Error unsupported(std::string reason, Params params = {});
  static Error unauthenticated(std::string reason, Params params = {});
  static Error forbidden(std::string reason);
  static Error throttled(std::string reason, long long retry_after_seconds);
  static Error unavailable(std::string reason);
  static Error internal(std::string reason);

  Error&& with_items(std::vector<ErrorItem> list) &&;
  Error&& with_field(FieldError field) &&;
  Error&& with_fields(std::vector<FieldError> list) &&;
  // The first parameter value named `key`, or "" when absent.
  std::string param(const std::string& key) const;
};

}  // namespace chibo
