#include "security/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

#include "security/hashing.h"
#include "security/random.h"

namespace chibo::security {

namespace {

constexpr char kBase32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr size_t kSecretBytes = 20;
constexpr uint32_t kModulus = 1000000;  // 10^kTotpDigits

int base32_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

// RFC 4226 §5.3: HMAC-SHA1 of the big-endian counter, dynamic truncation, last 6 digits.
std::string hotp(const std::string& key, uint64_t counter) {
  unsigned char message[8];
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  if (HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message, sizeof(message), digest,
           &digest_length) == nullptr ||
      digest_length != 20) {
    throw std::runtime_error("HMAC-SHA1 failed");
  }
  const unsigned offset = digest[19] & 0x0F;
  const uint32_t binary = (static_cast<uint32_t>(digest[offset] & 0x7F) << 24) |
                          (static_cast<uint32_t>(digest[offset + 1]) << 16) |
                          (static_cast<uint32_t>(digest[offset + 2]) << 8) |
                          static_cast<uint32_t>(digest[offset + 3]);
  uint32_t value = binary % kModulus;
  std::string code(kTotpDigits, '0');
  for (int i = kTotpDigits - 1; i >= 0; --i) {
    code[static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return code;
}

// Floor division, so that times before a step boundary never round up.
int64_t step_of(int64_t unix_seconds) {
  int64_t step = unix_seconds / kTotpStepSeconds;
  if (unix_seconds % kTotpStepSeconds < 0) --step;
  return step;
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
  return out;
}

std::string decoded_secret_or_throw(const std::string& secret_base32) {
  std::optional<std::string> key = base32_decode(secret_base32);
  if (!key || key->empty()) throw std::invalid_argument("TOTP secret is not base32");
  return std::move(*key);
}

}  // namespace

std::string base32_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kBase32Alphabet[(buffer >> bits) & 0x1F]);
    }
  }
  if (bits > 0) out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 0x1F]);
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  while (!text.empty() && (text.back() == '=' || text.back() == ' ')) text.remove_suffix(1);
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  size_t characters = 0;
  for (char c : text) {
    if (c == ' ') continue;
    const int value = base32_value(c);
    if (value < 0) return std::nullopt;
    ++characters;
    buffer = (buffer << 5) | static_cast<uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  const size_t tail = characters % 8;
  if (tail == 1 || tail == 3 || tail == 6) return std::nullopt;
  return out;
}

std::string new_totp_secret() { return base32_encode(random_bytes(kSecretBytes)); }

std::string totp_code(const std::string& secret_base32, int64_t unix_seconds) {
  if (unix_seconds < 0) throw std::invalid_argument("TOTP time before 1970");
  return hotp(decoded_secret_or_throw(secret_base32), static_cast<uint64_t>(step_of(unix_seconds)));
}

std::optional<int64_t> totp_matching_step(const std::string& secret_base32, std::string_view code,
                                          int64_t unix_seconds, int window_steps) {
  std::string digits;
  for (char c : code) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits.push_back(c);
  }
  if (digits.size() != static_cast<size_t>(kTotpDigits)) return std::nullopt;
  const std::optional<std::string> key = base32_decode(secret_base32);
  if (!key || key->empty()) return std::nullopt;
  const int64_t window = window_steps < 0 ? 0 : window_steps;
  const int64_t current = step_of(unix_seconds);
  std::optional<int64_t> matched;
  for (int64_t step = current - window; step <= current + window; ++step) {
    if (step < 0) continue;
    // No early exit: the time taken does not reveal which step matched.
    if (constant_time_equal(hotp(*key, static_cast<uint64_t>(step)), digits) && !matched) {
      matched = step;
    }
  }
  return matched;
}

bool totp_matches(const std::string& secret_base32, std::string_view code, int64_t unix_seconds,
                  int window_steps) {
  return totp_matching_step(secret_base32, code, unix_seconds, window_steps).has_value();
}

std::string totp_uri(const std::string& issuer, const std::string& account,
                     const std::string& secret_base32) {
  const std::string secret = base32_encode(decoded_secret_or_throw(secret_base32));
  const std::string encoded_issuer = percent_encode(issuer);
  return "otpauth://totp/" + encoded_issuer + ":" + percent_encode(account) + "?secret=" + secret +
         "&issuer=" + encoded_issuer + "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace chibo::security
