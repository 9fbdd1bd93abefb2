#include "domain/members/roll_tally.h"

#include <algorithm>
#include <cstdio>

#include "domain/members/age_band_tally.h"

namespace chibo::domain {

namespace {

constexpr std::string_view kUnknown = "unknown";

int month_key(int year, int month) { return year * 12 + month - 1; }

std::string month_code(int key) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", key / 12, key % 12 + 1);
  return text;
}

}  // namespace

void CodeTally::add(std::string_view code, int64_t n) {
  if (code.empty()) code = kUnknown;
  if (last_slot_ != SIZE_MAX && code == last_) {
    counts_[last_slot_] += n;
    return;
  }
  auto found = index_.find(code);
  if (found == index_.end()) {
    found = index_.emplace(std::string(code), counts_.size()).first;
    counts_.push_back(0);
  }
  counts_[found->second] += n;
  last_.assign(code);
  last_slot_ = found->second;
}

std::vector<std::pair<std::string, int64_t>> CodeTally::counts() const {
  std::vector<std::pair<std::string, int64_t>> counts;
  counts.reserve(index_.size());
  for (const auto& [code, slot] : index_) counts.emplace_back(code, counts_[slot]);
  std::sort(counts.begin(), counts.end());
  return counts;
}

BirthTally::BirthTally(Date on) : on_(on) {
  for (const std::string& month : months_split_by_day(on)) {
    if (const std::optional<Date> first = Date::parse(month + "-01"))
      split_.push_back(month_key(first->year(), first->month()));
  }
}

void BirthTally::add(std::string_view birth_date) {
  const std::optional<Date> birth = Date::parse(birth_date);
  if (!birth) {
    ++unknown_;
    return;
  }
  // The year and month as written (Date::parse accepted exactly YYYY-MM-DD).
  auto digits = [&](size_t start, size_t length) {
    int value = 0;
    for (size_t index = start; index < start + length; ++index)
      value = value * 10 + (birth_date[index] - '0');
    return value;
  };
  const int key = month_key(digits(0, 4), digits(5, 2));
  if (std::find(split_.begin(), split_.end(), key) != split_.end()) {
    auto found = by_day_.find(birth_date);
    if (found == by_day_.end()) found = by_day_.emplace(std::string(birth_date), 0).first;
    ++found->second;
  } else {
    ++by_month_[key];
  }
}

bool BirthTally::add_month(std::string_view month, int64_t n) {
  if (month == kUnknown) {
    unknown_ += n;
    return true;
  }
  const std::optional<Date> first = Date::parse(std::string(month) + "-01");
  if (!first) return false;
  const int key = month_key(first->year(), first->month());
  if (std::find(split_.begin(), split_.end(), key) != split_.end()) return false;
  by_month_[key] += n;
  return true;
}

std::map<std::string, int64_t> BirthTally::age_bands() const {
  std::map<std::string, int64_t> by_month;
  for (const auto& [key, n] : by_month_) by_month[month_code(key)] += n;
  if (unknown_ > 0) by_month[std::string(kUnknown)] += unknown_;
  const std::map<std::string, int64_t> by_day(by_day_.begin(), by_day_.end());
  return tally_age_bands(by_month, by_day, on_);
}

}  // namespace chibo::domain
