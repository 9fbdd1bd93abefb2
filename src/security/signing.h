// Ed25519 signatures (libsodium crypto_sign_detached), e.g. for exported files and backups whose
// origin must be checkable offline, and the hex form keys travel in.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chibo::security {

// Raw bytes: public_key is 32 bytes; secret_key is libsodium's 64 bytes (seed, then public key).
struct KeyPair {
  std::string public_key;
  std::string secret_key;
};

KeyPair new_signing_key();

// The 64-byte detached signature of `message`. Throws std::invalid_argument when `secret_key`
// is not 64 bytes (a bug: keys come from new_signing_key() or storage the caller checked).
std::string sign(std::string_view message, const std::string& secret_key);

// True when `signature` is a valid signature of `message` by `public_key`; wrong sizes are false.
bool verify_signature(std::string_view message, std::string_view signature,
                      const std::string& public_key);

// Lower-case hex (constant time, so secret keys may pass through it).
std::string to_hex(std::string_view bytes);

// Bytes from hex digits of either case; nullopt on an odd length or any other character.
std::optional<std::string> from_hex(std::string_view hex);

}  // namespace chibo::security
