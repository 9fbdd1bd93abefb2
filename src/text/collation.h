// Vietnamese order (ICU's "vi" collation: a < ă < â, d < đ, tones at the second level).
// Sort keys are hex strings so that plain byte order in any SQL engine (COLLATE "C" on
// PostgreSQL, BINARY on SQLite) sorts rows the Vietnamese way without a custom collation.
#pragma once

#include <string>
#include <string_view>

namespace chibo::text {

// <0, 0, >0 like strcmp, in Vietnamese order.
int compare_vi(std::string_view a, std::string_view b);

// Hex of ICU's sort key for `utf8`, including its terminating 00 byte.
std::string sort_key_hex(std::string_view utf8);

// The ICU collator version in use, e.g. "153.112.40.0"; stored sort keys are only comparable
// with keys made by the same version.
std::string collation_version();

}  // namespace chibo::text
