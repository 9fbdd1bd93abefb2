#include "http/query_params.h"

#include <algorithm>
#include <charconv>

#include "text/clean.h"

namespace chibo::http {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t index = 0; index < text.size(); ++index) {
    const char c = text[index];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (index + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[index + 1]);
      const int low = hex_value(text[index + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      index += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

QueryParams::QueryParams(std::string_view raw) {
  size_t start = 0;
  while (start < raw.size()) {
    size_t end = raw.find('&', start);
    if (end == std::string_view::npos) end = raw.size();
    const std::string_view pair = raw.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    const auto name = percent_decode(pair.substr(0, equals));
    const auto value = percent_decode(equals == std::string_view::npos ? std::string_view()
                                                                       : pair.substr(equals + 1));
    const std::string label =
        name ? *name : std::string(pair.substr(0, std::min<size_t>(equals, 40)));
    if (!name || !value) {
      errors_.push_back({label, "malformed_escape", {}});
      read_.push_back(label);
      continue;
    }
    if (!text::is_valid_utf8(*name) || !text::is_valid_utf8(*value)) {
      errors_.push_back({text::is_valid_utf8(*name) ? *name : "?", "invalid_utf8", {}});
      read_.push_back(*name);
      continue;
    }
    values_.emplace(*name, *value);
  }
}

std::optional<std::string> QueryParams::text(const std::string& name) {
  read_.push_back(name);
  const auto found = values_.find(name);
  if (found == values_.end()) return std::nullopt;
  if (values_.count(name) > 1) {
    errors_.push_back({name, "duplicate_parameter", {}});
    return std::nullopt;
  }
  return found->second;
}

std::vector<std::string> QueryParams::list(const std::string& name) {
  read_.push_back(name);
  std::vector<std::string> items;
  const auto [first, last] = values_.equal_range(name);
  for (auto it = first; it != last; ++it) {
    size_t start = 0;
    const std::string& value = it->second;
    while (start <= value.size()) {
      size_t end = value.find(',', start);
      if (end == std::string::npos) end = value.size();
      if (end > start) items.push_back(value.substr(start, end - start));
      start = end + 1;
    }
  }
  return items;
}

std::optional<long long> QueryParams::integer(const std::string& name, long long min,
                                              long long max) {
  const std::optional<std::string> value = text(name);
  if (!value || value->empty()) return std::nullopt;
  long long parsed = 0;
  const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), parsed);
  if (error != std::errc() || end != value->data() + value->size()) {
    errors_.push_back({name, "wrong_type", {{"expected_code", "integer"}}});
    return std::nullopt;
  }
  if (parsed < min || parsed > max) {
    errors_.push_back(
        {name, "out_of_range", {{"min", std::to_string(min)}, {"max", std::to_string(max)}}});
    return std::nullopt;
  }
  return parsed;
}

std::optional<bool> QueryParams::flag(const std::string& name) {
  const std::optional<std::string> value = text(name);
  if (!value) return std::nullopt;
  if (*value == "true" || *value == "1") return true;
  if (*value == "false" || *value == "0") return false;
  errors_.push_back({name, "wrong_type", {{"expected_code", "boolean"}}});
  return std::nullopt;
}

bool QueryParams::empty() const { return values_.empty() && errors_.empty(); }

std::vector<FieldError> QueryParams::finish() {
  std::vector<FieldError> errors = std::move(errors_);
  for (const auto& [name, value] : values_) {
    if (std::find(read_.begin(), read_.end(), name) == read_.end()) {
      errors.push_back({name, "unknown_parameter", {}});
      read_.push_back(name);
    }
  }
  return errors;
}

}  // namespace chibo::http
