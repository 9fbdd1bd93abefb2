#include "core/date.h"

#include <cstdio>

namespace chibo {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int32_t days_from_civil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int year_of_era = year - era * 400;
  const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

struct Civil {
  int year;
  int month;
  int day;
};

Civil civil_from_days(int32_t serial) {
  const int32_t z = serial + 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int32_t day_of_era = z - era * 146097;
  const int32_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int32_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int32_t mp = (5 * day_of_year + 2) / 153;
  const int day = day_of_year - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  const int year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

int digit_value(char c) { return c >= '0' && c <= '9' ? c - '0' : -1; }

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > days_in_month(year, month)) return std::nullopt;
  return Date(days_from_civil(year, month, day));
}

std::optional<Date> Date::parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int part = 0; part < 3; ++part) {
    for (int pos = 0; pos < lengths[part]; ++pos) {
      const int digit = digit_value(iso[starts[part] + pos]);
      if (digit < 0) return std::nullopt;
      parts[part] = parts[part] * 10 + digit;
    }
  }
  return from_ymd(parts[0], parts[1], parts[2]);
}

int Date::year() const { return civil_from_days(serial_).year; }
int Date::month() const { return civil_from_days(serial_).month; }
int Date::day() const { return civil_from_days(serial_).day; }

std::string Date::iso() const {
  const Civil civil = civil_from_days(serial_);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", civil.year, civil.month, civil.day);
  return buffer;
}

int Date::weekday() const {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const int32_t shifted = (serial_ + 3) % 7;
  return shifted < 0 ? shifted + 7 : shifted;
}

Date Date::add_months(int months) const {
  const Civil civil = civil_from_days(serial_);
  const int total = civil.year * 12 + (civil.month - 1) + months;
  const int year = total / 12;
  const int month = total % 12 + 1;
  const int day = std::min(civil.day, days_in_month(year, month));
  return Date(days_from_civil(year, month, day));
}

int whole_years_between(Date from, Date to) { return whole_months_between(from, to) / 12; }

int whole_months_between(Date from, Date to) {
  if (to < from) return -whole_months_between(to, from);
  const Civil start = civil_from_days(from.serial());
  const Civil end = civil_from_days(to.serial());
  int months = (end.year - start.year) * 12 + (end.month - start.month);
  // The month is complete once `to` reaches the same day-of-month (or the end of a short month).
  if (from.add_months(months) > to) --months;
  return months;
}

}  // namespace chibo
