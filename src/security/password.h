// Passwords: Argon2id hashing (ASVS 11.4.2) and the acceptance policy for new passwords
// (ASVS 6.2.1 / 6.2.9 / 6.2.4 / 6.2.12; ../shared/security/reference.md §1 items 1-3).
//
// Passwords are bytes here: the caller passes the same normalization (NFC, as for all text
// entering chibo) when setting and when checking a password; nothing is trimmed or truncated.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace chibo::security {

// The "$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>" string to store: Argon2id with libsodium's
// INTERACTIVE limits (2 passes, 64 MiB) and a random salt, so two calls give different strings.
// Throws std::runtime_error when the 64 MiB cannot be allocated.
std::string hash_password(std::string_view password);

// True when `password` matches `stored` (a hash_password() string; legacy "$argon2i$" strings
// are also understood). Any malformed `stored` is false.
bool verify_password(std::string_view password, const std::string& stored);

// True when `stored` is not an Argon2id hash with the current limits (weaker or stronger limits,
// another algorithm, or not a hash at all): after a successful verify_password(), store
// hash_password() of the same password instead.
bool needs_rehash(const std::string& stored);

inline constexpr size_t kMinPasswordLength = 8;    // code points (ASVS 6.2.1)
inline constexpr size_t kMaxPasswordLength = 128;  // code points; ASVS 6.2.9 asks for >= 64

// Why a new password is refused, as a stable message code, or nullopt when it is acceptable.
// The first failing rule, in this order:
//   "password_invalid_utf8"       not well-formed UTF-8 (overlong forms, surrogates, truncation)
//   "password_too_short"          fewer than 8 code points (so "mậtkhẩu" with 7 is refused
//                                 although it has 11 bytes)
//   "password_too_long"           more than 128 code points
//   "password_common"             its lower-case form is exactly an entry of the offline list
//                                 data/security/common-passwords.txt (no other variants)
//   "password_contains_username"  its lower-case form contains the lower-cased `username`, when
//                                 the username has at least 3 code points
// Lower-casing covers ASCII and the Vietnamese alphabet (À-Ý, Ă, Đ, Ĩ, Ũ, Ơ, Ư, Ạ-Ỹ); other
// letters are compared as they are. There are no composition rules (ASVS 6.2.5).
std::optional<std::string> password_problem(std::string_view password, std::string_view username);

// True when the lower-case form of `password` is on the common-password list. The list is read
// from the embedded resources once, on first use.
bool is_common_password(std::string_view password);

inline constexpr std::string_view kCommonPasswordsPath = "data/security/common-passwords.txt";

}  // namespace chibo::security
