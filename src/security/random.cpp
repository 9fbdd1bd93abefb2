#include "security/random.h"

#include <sodium.h>

#include <cstdint>
#include <stdexcept>

namespace chibo::security {

void init_sodium() {
  // sodium_init() is itself thread-safe; the static makes the common path one load.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialized");
}

std::string random_bytes(size_t n) {
  init_sodium();
  std::string bytes(n, '\0');
  randombytes_buf(bytes.data(), bytes.size());
  return bytes;
}

std::string random_token() {
  constexpr size_t kTokenBytes = 32;
  const std::string bytes = random_bytes(kTokenBytes);
  const size_t encoded_length =
      sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  std::string token(encoded_length, '\0');  // includes the terminating NUL
  sodium_bin2base64(token.data(), token.size(),
                    reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  token.resize(encoded_length - 1);
  return token;
}

std::string random_public_id() {
  constexpr size_t kIdBytes = 16;
  const std::string bytes = random_bytes(kIdBytes);
  std::string id(kIdBytes * 2 + 1, '\0');  // includes the terminating NUL
  sodium_bin2hex(id.data(), id.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  id.resize(kIdBytes * 2);
  return id;
}

std::string random_password() {
  init_sodium();
  constexpr uint32_t kAlphabetSize = sizeof(kPasswordAlphabet) - 1;
  std::string password(kPasswordLength, '\0');
  // randombytes_uniform() rejects out-of-range draws, so every character is equally likely.
  for (char& c : password) c = kPasswordAlphabet[randombytes_uniform(kAlphabetSize)];
  return password;
}

}  // namespace chibo::security
