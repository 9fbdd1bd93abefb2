// Randomness from the operating system's CSPRNG (libsodium randombytes), for keys, session
// tokens and one-time passwords.
#pragma once

#include <cstddef>
#include <string>

namespace chibo::security {

// Initializes libsodium once (thread-safe); every function of this layer calls it before using
// libsodium. Throws std::runtime_error when libsodium cannot start (no entropy source): a broken
// host, not a user error.
void init_sodium();

// `n` bytes from the CSPRNG.
std::string random_bytes(size_t n);

// An opaque session or reset token: 32 random bytes (256 bits) as URL-safe base64 without
// padding, i.e. 43 characters of [A-Za-z0-9_-] (ASVS 7.2.3 asks for at least 128 bits).
// Store token_hash(token), never the token itself (hashing.h).
std::string random_token();

// An identifier to show and to name a thing by, never a secret: 16 random bytes (128 bits) as
// 32 lower-case hex digits. Unrelated to any token, so it leads to none.
std::string random_public_id();

// A one-time password a person can read aloud and type: 16 characters drawn uniformly from
// kPasswordAlphabet (about 92.9 bits), which leaves out the look-alikes 0/O/o and 1/l/I.
std::string random_password();

// 56 characters: a-z without l and o, A-Z without I and O, 2-9.
inline constexpr char kPasswordAlphabet[] =
    "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
inline constexpr size_t kPasswordLength = 16;

}  // namespace chibo::security
