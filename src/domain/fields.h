// Shared checks for single fields as they arrive from JSON or CSV: text cleaning with a
// length limit, and strict dates. Each failure is a FieldError naming the field.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace chibo::domain {

// Cleans single-line text (see text::clean_line) and checks 1..max_chars code points after
// cleaning; an empty result is returned as "" (callers decide whether it is required).
// On failure appends to `errors` and returns nullopt.
std::optional<std::string> clean_text_field(const std::string& field, std::string_view raw,
                                            size_t max_chars, std::vector<FieldError>& errors);

// Strict ISO date; "2024-02-30" fails with code "invalid_date".
std::optional<Date> parse_date_field(const std::string& field, std::string_view raw,
                                     std::vector<FieldError>& errors);

}  // namespace chibo::domain
