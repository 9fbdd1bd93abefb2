// A calendar month, the unit dues are owed in: written "YYYY-MM", counted as year * 12 + month - 1
// so that months compare and add as integers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace chibo::domain::dues {

class Month {
 public:
  constexpr Month() = default;
  static constexpr Month of(int year, int month) { return Month(year * 12 + month - 1); }
  static Month of(Date day) { return of(day.year(), day.month()); }
  // Strict "YYYY-MM" (months 01-12, years 1900-9999).
  static std::optional<Month> parse(std::string_view text);

  int year() const { return index_ / 12; }
  int month() const { return index_ % 12 + 1; }
  int32_t index() const { return index_; }
  Date first_day() const;
  Date last_day() const;
  Month plus(int months) const { return Month(index_ + months); }
  std::string iso() const;  // "2026-03"

  auto operator<=>(const Month&) const = default;

 private:
  constexpr explicit Month(int32_t index) : index_(index) {}
  int32_t index_ = 0;
};

// Months from `from` to `to`, both included (0 when to < from).
inline int months_between_inclusive(Month from, Month to) {
  return to < from ? 0 : to.index() - from.index() + 1;
}

}  // namespace chibo::domain::dues
