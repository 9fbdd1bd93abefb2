#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

namespace chibo::text {

namespace {

// Code points below this bound (Latin, Latin Extended Additional with every Vietnamese letter,
// Greek, Cyrillic ...) fold through a table built once from ICU; the rest fold on the fly.
constexpr UChar32 kTableSize = 0x2000;
// Combining marks vanish (decomposed input "e\u0301" folds like "é"); 0 separates words.
constexpr UChar32 kDrop = -1;

UChar32 fold_code_point_slow(UChar32 c) {
  if (c == 0x0110 || c == 0x0111 || c == 0x00D0 || c == 0x00F0) return 'd';
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) {
    return kDrop;
  }
  if (!u_isalnum(c)) return 0;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  UChar32 base = c;
  if (U_SUCCESS(status)) {
    icu::UnicodeString decomposed;
    if (nfd->getDecomposition(c, decomposed) && decomposed.length() > 0)
      base = decomposed.char32At(0);
  }
  return u_tolower(base);
}

const std::array<UChar32, kTableSize>& fold_table() {
  static const std::array<UChar32, kTableSize> table = [] {
    std::array<UChar32, kTableSize> built{};
    for (UChar32 c = 0; c < kTableSize; ++c) built[c] = fold_code_point_slow(c);
    return built;
  }();
  return table;
}

}  // namespace

std::string fold(std::string_view utf8) {
  const auto& table = fold_table();
  std::string out;
  out.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t offset = 0;
  bool pending_space = false;
  while (offset < length) {
    UChar32 c = 0;
    if (bytes[offset] < 0x80) {
      c = bytes[offset++];
    } else {
      U8_NEXT(bytes, offset, length, c);
    }
    UChar32 folded = 0;
    if (c >= 0 && c < kTableSize) {
      folded = table[c];
    } else if (c >= kTableSize) {
      folded = fold_code_point_slow(c);
    }
    if (folded == kDrop) continue;
    if (folded == 0) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    if (folded < 0x80) {
      out.push_back(static_cast<char>(folded));
    } else {
      char buffer[U8_MAX_LENGTH];
      int32_t written = 0;
      UBool error = false;
      U8_APPEND(buffer, written, U8_MAX_LENGTH, folded, error);
      (void)error;  // cannot fail: the buffer holds any code point
      out.append(buffer, static_cast<size_t>(written));
    }
  }
  return out;
}

std::vector<std::string> fold_words(std::string_view utf8) {
  std::vector<std::string> words;
  const std::string folded = fold(utf8);
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    words.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string prefix_end(std::string_view prefix) {
  std::string end(prefix);
  // Folded text is ASCII letters, digits and spaces, or UTF-8 of other scripts; incrementing
  // the last byte is a correct bound unless it is 0xFF, which UTF-8 never contains.
  while (!end.empty() && static_cast<unsigned char>(end.back()) == 0xFF) end.pop_back();
  if (!end.empty()) end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
  return end;
}

}  // namespace chibo::text
