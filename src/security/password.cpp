#include "security/password.h"

#include <sodium.h>

#include <cstdint>
#include <stdexcept>
#include <unordered_set>

#include "resources/resources.h"
#include "security/random.h"

namespace chibo::security {

namespace {

constexpr int32_t kMalformed = -1;

// Decodes the code point at `pos` and advances past it, or returns kMalformed and leaves `pos`
// alone. Strict UTF-8: no overlong forms, surrogates or values past U+10FFFF.
int32_t next_code_point(std::string_view text, size_t& pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  size_t length = 0;
  int32_t code_point = 0;
  int32_t smallest = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code_point = lead & 0x1F;
    smallest = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code_point = lead & 0x0F;
    smallest = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code_point = lead & 0x07;
    smallest = 0x10000;
  } else {
    return kMalformed;
  }
  if (text.size() - pos < length) return kMalformed;
  for (size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) return kMalformed;
    code_point = (code_point << 6) | (next & 0x3F);
  }
  if (code_point < smallest || code_point > 0x10FFFF ||
      (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return kMalformed;
  }
  pos += length;
  return code_point;
}

// Code points in `text`, or nullopt when it is not well-formed UTF-8.
std::optional<size_t> code_point_count(std::string_view text) {
  size_t count = 0;
  for (size_t pos = 0; pos < text.size(); ++count) {
    if (next_code_point(text, pos) == kMalformed) return std::nullopt;
  }
  return count;
}

// Lower case for ASCII and the letters of the Vietnamese alphabet.
int32_t to_lower(int32_t c) {
  if (c >= 'A' && c <= 'Z') return c + ('a' - 'A');
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;  // À-Þ except ×
  if (c == 0x102 || c == 0x110 || c == 0x128 || c == 0x168 || c == 0x1A0) return c + 1;  // ĂĐĨŨƠ
  if (c == 0x1AF) return 0x1B0;                                                          // Ư
  if (c >= 0x1EA0 && c <= 0x1EF8 && c % 2 == 0) return c + 1;                            // Ạ-Ỹ
  return c;
}

void append_utf8(std::string& out, int32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Lower-cases well-formed parts; a malformed byte is copied unchanged.
std::string lower_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const int32_t c = next_code_point(text, pos);
    if (c == kMalformed) {
      out.push_back(text[pos++]);
    } else {
      append_utf8(out, to_lower(c));
    }
  }
  return out;
}

// Views into the embedded file, which lives as long as the program.
std::unordered_set<std::string_view> load_common_passwords() {
  const std::optional<std::string_view> data = resources::find(kCommonPasswordsPath);
  if (!data) throw std::logic_error("common-password list is not embedded in this build");
  std::unordered_set<std::string_view> passwords;
  size_t start = 0;
  while (start < data->size()) {
    size_t end = data->find('\n', start);
    if (end == std::string_view::npos) end = data->size();
    std::string_view line = data->substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') passwords.insert(line);
    start = end + 1;
  }
  return passwords;
}

const std::unordered_set<std::string_view>& common_passwords() {
  static const std::unordered_set<std::string_view> passwords = load_common_passwords();
  return passwords;
}

}  // namespace

std::string hash_password(std::string_view password) {
  init_sodium();
  char out[crypto_pwhash_STRBYTES];
  const char* bytes = password.empty() ? "" : password.data();
  if (crypto_pwhash_str(out, bytes, password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("crypto_pwhash_str failed (out of memory)");
  }
  return std::string(out);
}

bool verify_password(std::string_view password, const std::string& stored) {
  init_sodium();
  const char* bytes = password.empty() ? "" : password.data();
  return crypto_pwhash_str_verify(stored.c_str(), bytes, password.size()) == 0;
}

bool needs_rehash(const std::string& stored) {
  init_sodium();
  if (stored.rfind(crypto_pwhash_argon2id_STRPREFIX, 0) != 0) return true;
  // 0: current limits; 1: other limits; -1: not a valid hash string.
  return crypto_pwhash_str_needs_rehash(stored.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

bool is_common_password(std::string_view password) {
  return common_passwords().count(lower_case(password)) > 0;
}

std::optional<std::string> password_problem(std::string_view password, std::string_view username) {
  const std::optional<size_t> length = code_point_count(password);
  if (!length) return "password_invalid_utf8";
  if (*length < kMinPasswordLength) return "password_too_short";
  if (*length > kMaxPasswordLength) return "password_too_long";
  const std::string lowered = lower_case(password);
  if (common_passwords().count(lowered) > 0) return "password_common";
  const std::string user = lower_case(username);
  const std::optional<size_t> user_length = code_point_count(user);
  if (user_length.value_or(user.size()) >= 3 && lowered.find(user) != std::string::npos) {
    return "password_contains_username";
  }
  return std::nullopt;
}

}  // namespace chibo::security
