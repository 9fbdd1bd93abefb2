// Instants: the Clock port's UTC strings ("YYYY-MM-DDTHH:MM:SS.mmmZ") as milliseconds since
// 1970, for arithmetic (session lifetimes, throttling windows). The strings sort in time order,
// so storage compares them as text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace chibo {

// nullopt unless `text` is "YYYY-MM-DDTHH:MM:SS[.mmm]Z" naming a real instant.
std::optional<int64_t> parse_instant(std::string_view text);

// "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string format_instant(int64_t millis);

// `instant` moved by `millis` (an unparsable instant is returned unchanged).
std::string shift_instant(const std::string& instant, int64_t millis);

// Civil dates are Vietnam's (UTC+7 all year, no daylight saving): the day `millis` falls on
// there, and the first and last millisecond of a civil day as UTC instants.
inline constexpr int64_t kVietnamOffsetMillis = 7 * 3600 * int64_t{1000};
Date civil_date_of(int64_t millis);
int64_t civil_day_start(Date day);
int64_t civil_day_end(Date day);

}  // namespace chibo
