// Query-string parameters: percent-decoded, checked as UTF-8, repeatable ("status=a&status=b"
// or "status=a,b"). Typed getters record a FieldError per bad or unknown parameter.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace chibo::http {

class QueryParams {
 public:
  // Decodes `raw`; malformed escapes or bad UTF-8 become errors named after the parameter.
  explicit QueryParams(std::string_view raw);

  // A parameter given twice is an error ("duplicate_parameter"), except through list().
  std::optional<std::string> text(const std::string& name);
  bool empty() const;
  std::vector<std::string> list(const std::string& name);  // repeated and comma-separated
  std::optional<long long> integer(const std::string& name, long long min, long long max);
  std::optional<bool> flag(const std::string& name);

  // Parameters never read are reported as unknown; then the collected errors, if any.
  std::vector<FieldError> finish();

 private:
  std::multimap<std::string, std::string> values_;
  std::vector<std::string> read_;
  std::vector<FieldError> errors_;
};

// Percent-decoding ('+' is a space); nullopt on a malformed escape.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace chibo::http
