// Civil dates (no time zone), stored as days since 1970-01-01, written as ISO YYYY-MM-DD.
// Instants are separate: UTC strings from the Clock port.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chibo {

class Date {
 public:
  // Days since 1970-01-01 (negative before).
  constexpr explicit Date(int32_t serial = 0) : serial_(serial) {}

  // nullopt unless `y-m-d` names a real day in years 1..9999.
  static std::optional<Date> from_ymd(int year, int month, int day);
  // Strict ISO: exactly "YYYY-MM-DD", a real calendar day (2024-02-30 is refused).
  static std::optional<Date> parse(std::string_view iso);

  int32_t serial() const { return serial_; }
  int year() const;
  int month() const;
  int day() const;
  std::string iso() const;
  // 0 = Monday ... 6 = Sunday.
  int weekday() const;

  Date add_days(int32_t days) const { return Date(serial_ + days); }
  // Calendar months; a day past the end of the target month clamps to its last day
  // (2024-02-29 + 12 months = 2025-02-28).
  Date add_months(int months) const;
  Date add_years(int years) const { return add_months(years * 12); }

  auto operator<=>(const Date&) const = default;

 private:
  int32_t serial_;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Whole years from `from` to `to` (age on `to` of someone born on `from`); negative if to < from.
int whole_years_between(Date from, Date to);
// Whole calendar months from `from` to `to`.
int whole_months_between(Date from, Date to);

}  // namespace chibo
