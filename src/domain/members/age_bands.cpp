#include "domain/members/age_bands.h"

namespace chibo::domain {

namespace {
constexpr int kFirstBandTop = 30;
constexpr int kBandWidth = 5;
constexpr int kOpenBandFrom = 71;
}  // namespace

std::string age_band(int age) {
  if (age < 18) return "under-18";
  if (age <= kFirstBandTop) return "18-30";
  if (age >= kOpenBandFrom) return "71+";
  const int low = kFirstBandTop + 1 + ((age - kFirstBandTop - 1) / kBandWidth) * kBandWidth;
  return std::to_string(low) + "-" + std::to_string(low + kBandWidth - 1);
}

const std::vector<std::string>& age_band_codes() {
  static const std::vector<std::string> codes = {"under-18", "18-30", "31-35", "36-40",
                                                 "41-45",    "46-50", "51-55", "56-60",
                                                 "61-65",    "66-70", "71+"};
  return codes;
}

}  // namespace chibo::domain
