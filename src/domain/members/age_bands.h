// Age bands for statistics, as Party reports break members down (18-30, 31-35, ... by five).
#pragma once

#include <string>
#include <vector>

namespace chibo::domain {

// "18-30", "31-35", ..., "56-60", "61-65", "66-70", "71+"; under 18 is "under-18".
std::string age_band(int age);
// Every band code, youngest first.
const std::vector<std::string>& age_band_codes();

}  // namespace chibo::domain
