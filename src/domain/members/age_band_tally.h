// Age bands from counts by birth month, for dashboards kept up to date (storage's
// org_member_stats): a member's age on a given day is the same for everyone born in a month,
// except in the month of that day's date, where it depends on the day of birth. Only the
// months where that difference crosses a band boundary need counts by day.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/date.h"

namespace chibo::domain {

// "YYYY-MM" of an ISO birth date, or "unknown".
std::string birth_month_of(const std::string& birth_date);

// The birth months (YYYY-MM) whose members fall into two bands on `today`: for these, give
// counts by birth date.
std::vector<std::string> months_split_by_day(Date today);

// Members by age band (age_band codes), from members by birth month ("unknown" allowed) and,
// for the months of months_split_by_day, members by birth date (ISO). Equals counting each
// member's age_band(whole_years_between(birth, today)).
std::map<std::string, int64_t> tally_age_bands(const std::map<std::string, int64_t>& by_month,
                                               const std::map<std::string, int64_t>& by_day,
                                               Date today);

}  // namespace chibo::domain
