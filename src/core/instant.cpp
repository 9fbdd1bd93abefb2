#include "core/instant.h"

#include <cstdio>

#include "core/date.h"

namespace chibo {

namespace {

bool digits(std::string_view text, size_t at, size_t count, int& value) {
  value = 0;
  for (size_t index = at; index < at + count; ++index) {
    if (index >= text.size() || text[index] < '0' || text[index] > '9') return false;
    value = value * 10 + (text[index] - '0');
  }
  return true;
}

constexpr int64_t kDayMillis = 86'400'000;

}  // namespace

std::optional<int64_t> parse_instant(std::string_view text) {
  if (text.size() != 20 && text.size() != 24) return std::nullopt;
  if (text[10] != 'T' || text[13] != ':' || text[16] != ':' || text.back() != 'Z')
    return std::nullopt;
  const std::optional<Date> date = Date::parse(text.substr(0, 10));
  int hour = 0, minute = 0, second = 0, millis = 0;
  if (!date || !digits(text, 11, 2, hour) || !digits(text, 14, 2, minute) ||
      !digits(text, 17, 2, second))
    return std::nullopt;
  if (text.size() == 24 && (text[19] != '.' || !digits(text, 20, 3, millis))) return std::nullopt;
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  return int64_t{date->serial()} * kDayMillis +
         ((hour * 60 + minute) * 60 + second) * int64_t{1000} + millis;
}

std::string format_instant(int64_t millis) {
  int64_t days = millis / kDayMillis;
  int64_t rest = millis % kDayMillis;
  if (rest < 0) {
    rest += kDayMillis;
    --days;
  }
  const Date date(static_cast<int32_t>(days));
  const int64_t seconds = rest / 1000;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d.%03dZ", date.iso().c_str(),
                static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
                static_cast<int>(seconds % 60), static_cast<int>(rest % 1000));
  return buffer;
}

std::string shift_instant(const std::string& instant, int64_t millis) {
  const std::optional<int64_t> parsed = parse_instant(instant);
  return parsed ? format_instant(*parsed + millis) : instant;
}

Date civil_date_of(int64_t millis) {
  const int64_t local = millis + kVietnamOffsetMillis;
  int64_t days = local / kDayMillis;
  if (local % kDayMillis < 0) --days;
  return Date(static_cast<int32_t>(days));
}

int64_t civil_day_start(Date day) {
  return int64_t{day.serial()} * kDayMillis - kVietnamOffsetMillis;
}

int64_t civil_day_end(Date day) { return civil_day_start(day.add_days(1)) - 1; }

}  // namespace chibo
