// Text entering chibo: valid UTF-8, NFC, look-alike letters mapped, whitespace trimmed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace chibo::text {

// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Number of code points in valid UTF-8.
size_t code_point_count(std::string_view utf8);

enum class CleanError { kNone, kInvalidUtf8, kControlCharacter };

struct Cleaned {
  std::string text;
  CleanError error = CleanError::kNone;
  bool ok() const { return error == CleanError::kNone; }
};

// Single-line text: validates UTF-8, refuses control characters, maps U+00D0/U+00F0 (eth, a
// look-alike NFC keeps) to Đ/đ, NFC-normalizes, trims and collapses runs of white space
// (including tabs, no-break and ideographic spaces) into one ASCII space.
Cleaned clean_line(std::string_view raw);

// Multi-line text (notes): like clean_line but keeps line breaks (normalized to "\n") and
// only trims the ends.
Cleaned clean_multiline(std::string_view raw);

}  // namespace chibo::text
