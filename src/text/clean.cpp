#include "text/clean.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace chibo::text {

namespace {

constexpr UChar32 kEthUpper = 0x00D0;
constexpr UChar32 kEthLower = 0x00F0;
constexpr UChar32 kDStrokeUpper = 0x0110;
constexpr UChar32 kDStrokeLower = 0x0111;

bool is_space(UChar32 c) { return c == '\t' || u_isUWhiteSpace(c) || c == 0xFEFF; }

void append_utf8(std::string& out, UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, c, error);
  (void)error;  // cannot fail: the buffer holds any code point
  out.append(buffer, static_cast<size_t>(length));
}

// Decodes, checks and maps code points; `multiline` keeps '\n' (and folds "\r\n" into it).
Cleaned pre_clean(std::string_view raw, bool multiline) {
  Cleaned result;
  std::string mapped;
  mapped.reserve(raw.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(raw.data());
  const auto length = static_cast<int32_t>(raw.size());
  int32_t offset = 0;
  bool pending_space = false;
  while (offset < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, offset, length, c);
    if (c < 0) {
      result.error = CleanError::kInvalidUtf8;
      return result;
    }
    if (c == '\r' && multiline) {
      if (offset < length && bytes[offset] == '\n') continue;
      c = '\n';
    }
    if (c == '\n' && multiline) {
      // Trailing blanks of a line are dropped; the line break is kept.
      pending_space = false;
      mapped.push_back('\n');
      continue;
    }
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (u_iscntrl(c) || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
      result.error = CleanError::kControlCharacter;
      return result;
    }
    if (pending_space && !mapped.empty() && mapped.back() != '\n') mapped.push_back(' ');
    pending_space = false;
    if (c == kEthUpper) c = kDStrokeUpper;
    if (c == kEthLower) c = kDStrokeLower;
    append_utf8(mapped, c);
  }
  while (!mapped.empty() && (mapped.back() == '\n' || mapped.back() == ' ')) mapped.pop_back();
  size_t start = 0;
  while (start < mapped.size() && mapped[start] == '\n') ++start;
  mapped.erase(0, start);
  result.text = std::move(mapped);
  return result;
}

std::string to_nfc(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return utf8;
  // Fast path: most input is already NFC.
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(utf8);
  if (nfc->isNormalized(source, status) && U_SUCCESS(status)) return utf8;
  status = U_ZERO_ERROR;
  const icu::UnicodeString normalized = nfc->normalize(source, status);
  if (U_FAILURE(status)) return utf8;
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t offset = 0;
  while (offset < length) {
    if (data[offset] < 0x80) {
      ++offset;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(data, offset, length, c);
    if (c < 0) return false;
  }
  return true;
}

size_t code_point_count(std::string_view utf8) {
  size_t count = 0;
  for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

Cleaned clean_line(std::string_view raw) {
  Cleaned result = pre_clean(raw, false);
  if (result.ok()) result.text = to_nfc(result.text);
  return result;
}

Cleaned clean_multiline(std::string_view raw) {
  Cleaned result = pre_clean(raw, true);
  if (result.ok()) result.text = to_nfc(result.text);
  return result;
}

}  // namespace chibo::text
