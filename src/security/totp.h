// Time-based one-time passwords (RFC 6238) for the second factor (ASVS 6.3.3, offline TOTP):
// HMAC-SHA1, 6 digits, 30-second steps, the defaults of authenticator apps. Time comes in as a
// parameter (Unix seconds, UTC); nothing here reads a clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chibo::security {

inline constexpr int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;

// RFC 4648 base32 (A-Z, 2-7), upper case, without '=' padding.
std::string base32_encode(std::string_view bytes);

// Decodes base32 as people and apps write it: either case, spaces ignored, trailing '=' padding
// optional. nullopt on any other character, on '=' before the end, or on a length no encoding
// produces (1, 3 or 6 characters past a multiple of 8). Unused trailing bits are ignored.
std::optional<std::string> base32_decode(std::string_view text);

// A new shared secret: 20 random bytes (160 bits, RFC 4226's recommendation), in base32
// (32 characters).
std::string new_totp_secret();

// The 6-digit code for the 30-second step containing `unix_seconds`. Throws
// std::invalid_argument when the secret is not base32 or empty, or the time is negative: both
// are bugs, since secrets come from new_totp_secret() and time from the clock.
std::string totp_code(const std::string& secret_base32, int64_t unix_seconds);

// The step (unix_seconds / 30) whose code equals `code`, trying the current step and
// `window_steps` steps either side (a negative window counts as 0), or nullopt. `code` is 6 ASCII
// digits; spaces in it are ignored ("123 456"). Every step in the window is computed and compared
// in constant time, whether or not an earlier one matched. An invalid secret matches nothing.
// A code is good once (ASVS 6.5.1): store the returned step and refuse steps at or before it.
std::optional<int64_t> totp_matching_step(const std::string& secret_base32, std::string_view code,
                                          int64_t unix_seconds, int window_steps = 1);

// totp_matching_step(...).has_value().
bool totp_matches(const std::string& secret_base32, std::string_view code, int64_t unix_seconds,
                  int window_steps = 1);

// The Key URI an authenticator app reads from a QR code:
// otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>&algorithm=SHA1&digits=6&period=30
// Issuer and account are percent-encoded as UTF-8 (everything but A-Z a-z 0-9 - . _ ~), so a ':'
// inside them cannot split the label. Throws std::invalid_argument for an invalid secret.
std::string totp_uri(const std::string& issuer, const std::string& account,
                     const std::string& secret_base32);

}  // namespace chibo::security
