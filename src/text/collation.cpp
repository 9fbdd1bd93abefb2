#include "text/collation.h"

#include <unicode/coll.h>
#include <unicode/stringpiece.h>
#include <unicode/ucol.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace chibo::text {

namespace {

// Collators keep per-call scratch state, so each thread gets its own clone.
icu::Collator& collator() {
  thread_local std::unique_ptr<icu::Collator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> created(
        icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status) || !created) throw std::runtime_error("ICU: no Vietnamese collator");
    return created;
  }();
  return *instance;
}

}  // namespace

int compare_vi(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult result =
      collator().compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                             icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  return result == UCOL_LESS ? -1 : (result == UCOL_GREATER ? 1 : 0);
}

std::string sort_key_hex(std::string_view utf8) {
  static constexpr char kHex[] = "0123456789abcdef";
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  uint8_t stack_buffer[256];
  std::vector<uint8_t> heap_buffer;
  uint8_t* key = stack_buffer;
  int32_t length = collator().getSortKey(source, key, sizeof stack_buffer);
  if (length > static_cast<int32_t>(sizeof stack_buffer)) {
    heap_buffer.resize(static_cast<size_t>(length));
    key = heap_buffer.data();
    length = collator().getSortKey(source, key, length);
  }
  std::string hex;
  hex.resize(static_cast<size_t>(length) * 2);
  for (int32_t pos = 0; pos < length; ++pos) {
    hex[static_cast<size_t>(pos) * 2] = kHex[key[pos] >> 4];
    hex[static_cast<size_t>(pos) * 2 + 1] = kHex[key[pos] & 0x0F];
  }
  return hex;
}

std::string collation_version() {
  UVersionInfo version;
  collator().getVersion(version);
  char buffer[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(version, buffer);
  return buffer;
}

}  // namespace chibo::text
