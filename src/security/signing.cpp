#include "security/signing.h"

#include <sodium.h>

#include <stdexcept>

#include "security/random.h"

namespace chibo::security {

namespace {

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

unsigned char* bytes_of(std::string& text) { return reinterpret_cast<unsigned char*>(text.data()); }

}  // namespace

KeyPair new_signing_key() {
  init_sodium();
  KeyPair pair;
  pair.public_key.assign(crypto_sign_PUBLICKEYBYTES, '\0');
  pair.secret_key.assign(crypto_sign_SECRETKEYBYTES, '\0');
  crypto_sign_keypair(bytes_of(pair.public_key), bytes_of(pair.secret_key));
  return pair;
}

std::string sign(std::string_view message, const std::string& secret_key) {
  if (secret_key.size() != crypto_sign_SECRETKEYBYTES) {
    throw std::invalid_argument("Ed25519 secret key must be 64 bytes");
  }
  init_sodium();
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(bytes_of(signature), nullptr, bytes_of(message), message.size(),
                       bytes_of(secret_key));
  return signature;
}

bool verify_signature(std::string_view message, std::string_view signature,
                      const std::string& public_key) {
  if (signature.size() != crypto_sign_BYTES || public_key.size() != crypto_sign_PUBLICKEYBYTES) {
    return false;
  }
  init_sodium();
  return crypto_sign_verify_detached(bytes_of(signature), bytes_of(message), message.size(),
                                     bytes_of(public_key)) == 0;
}

std::string to_hex(std::string_view bytes) {
  init_sodium();
  std::string hex(bytes.size() * 2 + 1, '\0');  // sodium_bin2hex writes a terminating NUL
  sodium_bin2hex(hex.data(), hex.size(), bytes_of(bytes), bytes.size());
  hex.pop_back();
  return hex;
}

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  if (hex.empty()) return std::string();
  init_sodium();
  std::string bytes(hex.size() / 2, '\0');
  size_t length = 0;
  // With no `ignore` set and no `hex_end`, any character that is not a hex digit fails.
  if (sodium_hex2bin(bytes_of(bytes), bytes.size(), hex.data(), hex.size(), nullptr, &length,
                     nullptr) != 0 ||
      length != bytes.size()) {
    return std::nullopt;
  }
  return bytes;
}

}  // namespace chibo::security
