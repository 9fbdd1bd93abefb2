// The weighted lists the demo draws from (data/demo/*.tsv, compiled in): names in their real
// frequencies, agencies of the central bloc, unit names, positions, residences.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "demo/random.h"

namespace chibo::demo {

template <class T>
class Weighted {
 public:
  void add(T value, double weight) {
    total_ += weight;
    values_.push_back(std::move(value));
    cumulative_.push_back(total_);
  }
  const T& pick(Rng& rng) const {
    const double target = rng.real() * total_;
    size_t low = 0;
    size_t high = cumulative_.size() - 1;
    while (low < high) {
      const size_t middle = (low + high) / 2;
      if (cumulative_[middle] > target) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return values_[low];
  }
  bool empty() const { return values_.empty(); }
  const std::vector<T>& values() const { return values_; }

 private:
  std::vector<T> values_;
  std::vector<double> cumulative_;
  double total_ = 0;
};

struct Agency {
  std::string name;
  std::string short_name;
  std::string kind;
  double weight = 0;
};

struct DemoData {
  Weighted<std::string> family_names;
  Weighted<std::string> male_middle, female_middle;
  Weighted<std::string> male_given, female_given;
  std::vector<Agency> agencies;
  std::vector<std::string> base_units, cell_units;
  Weighted<std::string> positions;
  Weighted<std::string> occupations;
  Weighted<std::string> ethnicities;
  Weighted<std::string> religions;
  Weighted<std::string> residences;
  std::vector<std::string> place_syllables;
};

Result<DemoData> load_demo_data();

}  // namespace chibo::demo
