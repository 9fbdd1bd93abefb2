#include "domain/fields.h"

#include "text/clean.h"

namespace chibo::domain {

std::optional<std::string> clean_text_field(const std::string& field, std::string_view raw,
                                            size_t max_chars, std::vector<FieldError>& errors) {
  text::Cleaned cleaned = text::clean_line(raw);
  if (cleaned.error == text::CleanError::kInvalidUtf8) {
    errors.push_back({field, "invalid_utf8", {}});
    return std::nullopt;
  }
  if (cleaned.error == text::CleanError::kControlCharacter) {
    errors.push_back({field, "control_character", {}});
    return std::nullopt;
  }
  if (text::code_point_count(cleaned.text) > max_chars) {
    errors.push_back({field, "too_long", {{"max", std::to_string(max_chars)}}});
    return std::nullopt;
  }
  return std::move(cleaned.text);
}

std::optional<Date> parse_date_field(const std::string& field, std::string_view raw,
                                     std::vector<FieldError>& errors) {
  const std::optional<Date> date = Date::parse(raw);
  if (!date) errors.push_back({field, "invalid_date", {{"value", std::string(raw.substr(0, 40))}}});
  return date;
}

}  // namespace chibo::domain
