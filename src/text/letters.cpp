#include "text/letters.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "text/clean.h"

namespace chibo::text {

namespace {

template <class Accept>
bool all_code_points(std::string_view utf8, Accept accept) {
  if (utf8.empty() || !is_valid_utf8(utf8)) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t offset = 0;
  while (offset < length) {
    UChar32 code_point = 0;
    U8_NEXT(bytes, offset, length, code_point);
    if (code_point < 0 || !accept(code_point)) return false;
  }
  return true;
}

}  // namespace

bool is_letters(std::string_view utf8) {
  return all_code_points(utf8, [](UChar32 code_point) { return u_isalpha(code_point) != 0; });
}

bool is_letters_or_digits(std::string_view utf8) {
  return all_code_points(utf8, [](UChar32 code_point) {
    return u_isalpha(code_point) != 0 || (code_point >= '0' && code_point <= '9');
  });
}

std::string upper_vi(std::string_view utf8) {
  if (!is_valid_utf8(utf8)) return std::string(utf8);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  text.toUpper(icu::Locale("vi"));
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace chibo::text
