#include "domain/dues/month.h"

#include <cstdio>

namespace chibo::domain::dues {

std::optional<Month> Month::parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int year = 0;
  int month = 0;
  for (size_t i = 0; i < 7; ++i) {
    if (i == 4) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    if (i < 4) {
      year = year * 10 + (text[i] - '0');
    } else {
      month = month * 10 + (text[i] - '0');
    }
  }
  if (year < 1900 || month < 1 || month > 12) return std::nullopt;
  return Month::of(year, month);
}

Date Month::first_day() const { return *Date::from_ymd(year(), month(), 1); }

Date Month::last_day() const {
  return *Date::from_ymd(year(), month(), days_in_month(year(), month()));
}

std::string Month::iso() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", year(), month());
  return text;
}

}  // namespace chibo::domain::dues
