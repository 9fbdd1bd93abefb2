#include "http/json_body.h"

#include <algorithm>
#include <set>

#include "text/clean.h"

namespace chibo::http {

namespace {

// Stands in for each byte of an invalid UTF-8 sequence so the document still parses and the
// field holding it can be named. U+10FFFF is a noncharacter: valid input never contains it.
constexpr std::string_view kBadByteMark = "\xF4\x8F\xBF\xBF";

std::string mark_invalid_utf8(std::string_view body, bool& found_invalid) {
  std::string out;
  out.reserve(body.size());
  size_t index = 0;
  while (index < body.size()) {
    const auto byte = static_cast<unsigned char>(body[index]);
    size_t length = byte < 0x80           ? 1
                    : (byte >> 5) == 0x6  ? 2
                    : (byte >> 4) == 0xE  ? 3
                    : (byte >> 3) == 0x1E ? 4
                                          : 0;
    if (length > 0 && index + length <= body.size() &&
        text::is_valid_utf8(body.substr(index, length)) &&
        body.substr(index, length) != kBadByteMark) {
      out.append(body.substr(index, length));
      index += length;
    } else {
      found_invalid = true;
      out.append(kBadByteMark);
      ++index;
    }
  }
  return out;
}

void collect_marked(const nlohmann::json& value, const std::string& field,
                    std::vector<FieldError>& errors) {
  if (value.is_string()) {
    if (value.get_ref<const std::string&>().find(kBadByteMark) != std::string::npos) {
      errors.push_back({field, "invalid_utf8", {}});
    }
  } else if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      const bool bad_key = key.find(kBadByteMark) != std::string::npos;
      if (bad_key) errors.push_back({"?", "invalid_utf8", {}});
      collect_marked(item, field.empty() ? key : field, errors);
    }
  } else if (value.is_array()) {
    for (const auto& item : value) collect_marked(item, field, errors);
  }
}

bool is_json_media_type(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type == "application/json";
}

}  // namespace

Result<nlohmann::json> read_json_object(const HttpRequest& request, bool empty_is_object) {
  if (empty_is_object && request.body.empty()) return nlohmann::json::object();
  if (request.body.size() > kMaxBodyBytes) {
    return Error::too_large("body_too_large", {{"max", std::to_string(kMaxBodyBytes)}});
  }
  if (!is_json_media_type(request.header("content-type")))
    return Error::unsupported("unsupported_media_type");
  bool found_invalid = false;
  const std::string marked = mark_invalid_utf8(request.body, found_invalid);
  // nlohmann keeps the last of two equal keys; a body that says two things is refused instead.
  std::vector<std::set<std::string>> open_objects;
  std::string duplicate_key;
  auto watch_keys = [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    if (event == nlohmann::json::parse_event_t::object_start) {
      open_objects.emplace_back();
    } else if (event == nlohmann::json::parse_event_t::object_end && !open_objects.empty()) {
      open_objects.pop_back();
    } else if (event == nlohmann::json::parse_event_t::key && !open_objects.empty()) {
      const std::string& key = parsed.get_ref<const std::string&>();
      if (!open_objects.back().insert(key).second && duplicate_key.empty()) duplicate_key = key;
    }
    return true;
  };
  nlohmann::json document = nlohmann::json::parse(marked, watch_keys, false);
  if (document.is_discarded()) {
    // Report where parsing stopped, by re-running with exceptions for the message.
    std::string detail;
    try {
      const nlohmann::json ignored = nlohmann::json::parse(marked);
      (void)ignored;
    } catch (const nlohmann::json::parse_error& error) {
      detail = "byte " + std::to_string(error.byte);
    } catch (const nlohmann::json::exception&) {
      // A number beyond a double (1e400) stops the parser with out_of_range, no byte position
      // (found by fuzz/json_fuzz.cpp; it escaped as a 500 before).
      detail = "number out of range";
    }
    return Error::malformed("malformed_json", {{"detail", detail}});
  }
  if (!document.is_object()) return Error::malformed("body_not_object");
  if (!duplicate_key.empty()) {
    Error error = Error::malformed("duplicate_key");
    error.fields = {{duplicate_key, "duplicate_key", {}}};
    return error;
  }
  if (found_invalid) {
    std::vector<FieldError> errors;
    collect_marked(document, "", errors);
    return Error::invalid(std::move(errors));
  }
  return document;
}

std::optional<std::optional<std::string>> JsonFields::text(const std::string& name) {
  read_.push_back(name);
  if (!object_.contains(name)) return std::nullopt;
  const nlohmann::json& value = object_.at(name);
  if (value.is_null()) return std::optional<std::string>();
  if (!value.is_string()) {
    errors_.push_back({name, "wrong_type", {{"expected_code", "string"}}});
    return std::nullopt;
  }
  return std::optional<std::string>(value.get<std::string>());
}

std::optional<std::optional<std::string>> JsonFields::text_or_number(const std::string& name) {
  read_.push_back(name);
  if (!object_.contains(name)) return std::nullopt;
  const nlohmann::json& value = object_.at(name);
  if (value.is_null()) return std::optional<std::string>();
  if (value.is_number_integer())
    return std::optional<std::string>(std::to_string(value.get<long long>()));
  if (value.is_string()) return std::optional<std::string>(value.get<std::string>());
  errors_.push_back({name, "wrong_type", {{"expected_code", "integer"}}});
  return std::nullopt;
}

std::optional<std::optional<std::string>> JsonFields::string_list(const std::string& name) {
  read_.push_back(name);
  if (!object_.contains(name)) return std::nullopt;
  const nlohmann::json& value = object_.at(name);
  if (value.is_null()) return std::optional<std::string>();
  if (value.is_string()) return std::optional<std::string>(value.get<std::string>());
  if (!value.is_array()) {
    errors_.push_back({name, "wrong_type", {{"expected_code", "string_list"}}});
    return std::nullopt;
  }
  std::string joined;
  for (const nlohmann::json& item : value) {
    if (!item.is_string() || item.get_ref<const std::string&>().find(';') != std::string::npos) {
      errors_.push_back({name, "wrong_type", {{"expected_code", "string_list"}}});
      return std::nullopt;
    }
    if (!joined.empty()) joined += ";";
    joined += item.get<std::string>();
  }
  return std::optional<std::string>(joined);
}

std::optional<long long> JsonFields::integer(const std::string& name, bool required) {
  read_.push_back(name);
  if (!object_.contains(name) || object_.at(name).is_null()) {
    if (required) errors_.push_back({name, "required", {}});
    return std::nullopt;
  }
  const nlohmann::json& value = object_.at(name);
  if (!value.is_number_integer()) {
    errors_.push_back({name, "wrong_type", {{"expected_code", "integer"}}});
    return std::nullopt;
  }
  return value.get<long long>();
}

std::optional<std::optional<long long>> JsonFields::nullable_integer(const std::string& name) {
  read_.push_back(name);
  if (!object_.contains(name)) return std::nullopt;
  const nlohmann::json& value = object_.at(name);
  if (value.is_null()) return std::optional<long long>();
  if (!value.is_number_integer()) {
    errors_.push_back({name, "wrong_type", {{"expected_code", "integer"}}});
    return std::nullopt;
  }
  return std::optional<long long>(value.get<long long>());
}

std::optional<bool> JsonFields::boolean(const std::string& name) {
  read_.push_back(name);
  if (!object_.contains(name) || object_.at(name).is_null()) return std::nullopt;
  const nlohmann::json& value = object_.at(name);
  if (!value.is_boolean()) {
    errors_.push_back({name, "wrong_type", {{"expected_code", "boolean"}}});
    return std::nullopt;
  }
  return value.get<bool>();
}

const nlohmann::json* JsonFields::raw(const std::string& name) {
  read_.push_back(name);
  if (!object_.contains(name)) return nullptr;
  return &object_.at(name);
}

std::vector<FieldError> JsonFields::finish() {
  std::vector<FieldError> errors = std::move(errors_);
  for (const auto& [key, value] : object_.items()) {
    if (std::find(read_.begin(), read_.end(), key) == read_.end())
      errors.push_back({key, "unknown_field", {}});
  }
  return errors;
}

}  // namespace chibo::http
