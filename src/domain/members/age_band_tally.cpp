#include "domain/members/age_band_tally.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "domain/members/age_bands.h"

namespace chibo::domain {

namespace {

constexpr int kOldestYears = 130;  // no member is older; beyond it months are not split

std::string month_code(int year, int month) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", year, month);
  return text;
}

}  // namespace

std::string birth_month_of(const std::string& birth_date) {
  return Date::parse(birth_date) ? birth_date.substr(0, 7) : std::string("unknown");
}

std::vector<std::string> months_split_by_day(Date today) {
  // Born in today's month of year y: aged today.year - y if the birthday has come, one less
  // otherwise. The month needs days when those two ages are in different bands.
  std::vector<std::string> months;
  for (int years = 1; years <= kOldestYears; ++years) {
    if (age_band(years) != age_band(years - 1))
      months.push_back(month_code(today.year() - years, today.month()));
  }
  return months;
}

std::map<std::string, int64_t> tally_age_bands(const std::map<std::string, int64_t>& by_month,
                                               const std::map<std::string, int64_t>& by_day,
                                               Date today) {
  const std::vector<std::string> split = months_split_by_day(today);
  const std::set<std::string> split_months(split.begin(), split.end());
  std::map<std::string, int64_t> bands;
  for (const auto& [month, n] : by_month) {
    if (n == 0 || split_months.count(month)) continue;
    const std::optional<Date> first = Date::parse(month + "-01");
    if (!first) {
      bands["unknown"] += n;
      continue;
    }
    // Outside today's month everyone born in the month has the same age; in today's month
    // (not split) both possible ages share a band, and the first of the month has one of them.
    bands[age_band(whole_years_between(*first, today))] += n;
  }
  for (const auto& [day, n] : by_day) {
    const std::optional<Date> birth = Date::parse(day);
    if (n == 0) continue;
    if (!birth) {
      bands["unknown"] += n;
      continue;
    }
    bands[age_band(whole_years_between(*birth, today))] += n;
  }
  return bands;
}

}  // namespace chibo::domain
