// Counting a roll by dimension cheaply (issue 16: figures as of a date over a whole subtree).
// Both counters key their tallies by small integers while counting and give back the codes
// only at the end, so a member costs a hash lookup per dimension and no string copies.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/date.h"

namespace chibo::domain {

// Members by the value (a code) of one dimension; an empty value counts as "unknown".
class CodeTally {
 public:
  void add(std::string_view code, int64_t n = 1);
  // (code, members), in code order.
  std::vector<std::pair<std::string, int64_t>> counts() const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, size_t, Hash, std::equal_to<>> index_;
  std::vector<int64_t> counts_;
  std::string last_;  // the previous code and its slot: runs of one value skip the lookup
  size_t last_slot_ = SIZE_MAX;
};

// Members by age band on `on`, from their birth dates (ISO; anything else is "unknown"):
// counted by birth month, and by birth day only in the months a birthday splits
// (age_band_tally.h). age_bands() equals tally_age_bands() over the same members.
class BirthTally {
 public:
  explicit BirthTally(Date on);
  void add(std::string_view birth_date);
  // `n` members born in `month` (YYYY-MM, or "unknown"), counted elsewhere by month. False, and
  // nothing counted, for a malformed month or one that `on` splits (those need days).
  bool add_month(std::string_view month, int64_t n);
  std::map<std::string, int64_t> age_bands() const;

 private:
  Date on_;
  std::vector<int> split_;                              // year * 12 + month - 1 of the split months
  std::unordered_map<int, int64_t> by_month_;           // same key
  std::map<std::string, int64_t, std::less<>> by_day_;  // split months only
  int64_t unknown_ = 0;
};

}  // namespace chibo::domain
