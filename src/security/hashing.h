// Digests and comparisons for secrets: what the database stores instead of session tokens, and
// how they are compared without leaking timing.
#pragma once

#include <string>
#include <string_view>

namespace chibo::security {

// SHA-256 of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

// What the database stores for a session (or reset) token: sha256_hex(token). A random_token()
// has 256 bits of entropy, so a fast unsalted hash is enough (ASVS 11.5.1 / 7.2.3): a stolen
// table gives no usable token, and lookup stays an indexed equality.
std::string token_hash(std::string_view token);

// True when `a` and `b` hold the same bytes. The time taken depends only on the lengths, never on
// where the first difference is; different lengths are simply false (the length of a token or
// digest is not secret).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace chibo::security
