// Party age and badge eligibility over every member of a registry, in memory: the demo bloc
// (65,000) and the whole Party (5,600,000). Issue 6's targets: under 100 ms and under 5 s.
// Side by side with the plain way (each milestone's date computed in turn, the gaps walked for
// every milestone), which is the reference the chosen way is measured against.
//   build/bench/chibo_party_age_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cmath>
#include <map>
#include <vector>

#include "domain/lifecycle/badges.h"
#include "domain/lifecycle/party_age.h"

namespace {

using chibo::Date;
using chibo::MemberId;
using namespace chibo::domain;

const std::vector<int64_t> kMilestones = {30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90};

struct Registry {
  std::vector<Date> admissions;
  std::vector<std::vector<Gap>> gaps;  // a few members have one
  std::vector<BadgeFacts> facts;
};

// Admissions spread over 1950-2026 as a party's are (more in recent decades), a readmission gap
// for one member in 2,000, past badges awarded to most of those who reached them.
const Registry& registry(size_t members) {
  static std::map<size_t, Registry> made;  // a map: references stay valid as it grows
  if (auto found = made.find(members); found != made.end()) return found->second;
  Registry r;
  uint64_t state = 2017;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const Date start = *Date::from_ymd(1950, 1, 1);
  const int32_t span = Date::from_ymd(2026, 6, 30)->serial() - start.serial();
  for (size_t index = 0; index < members; ++index) {
    // The square root skews toward recent years.
    const double u = static_cast<double>(next() % 1000000) / 1000000.0;
    const Date admitted = start.add_days(static_cast<int32_t>(span * std::sqrt(u)));
    r.admissions.push_back(admitted);
    std::vector<Gap> gaps;
    if (next() % 2000 == 0) {
      const Date from = admitted.add_years(5);
      gaps.push_back({from, from.add_years(4)});
    }
    r.facts.push_back({MemberId(static_cast<int64_t>(index + 1)), admitted, 0, gaps});
    r.gaps.push_back(std::move(gaps));
  }
  return made.emplace(members, std::move(r)).first->second;
}

const Date kToday = *Date::from_ymd(2026, 12, 2);
const Date kOccasion = *Date::from_ymd(2027, 2, 3);
const Date kPrevious = *Date::from_ymd(2026, 11, 7);

// chibo's way: one pass, party age from the admission and the gaps, the badge from the
// age on the occasion and the date of the milestone it reached (party_age.h).
void BM_PartyAgeAndBadges(benchmark::State& state) {
  const Registry& r = registry(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    int64_t years = 0;
    for (size_t index = 0; index < r.admissions.size(); ++index)
      years += party_age_on(r.admissions[index], r.gaps[index], kToday).years;
    std::vector<BadgeDue> due = badges_due(r.facts, kOccasion, kPrevious, kMilestones);
    benchmark::DoNotOptimize(years);
    benchmark::DoNotOptimize(due.data());
    state.counters["due"] = static_cast<double>(due.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The plain way: every milestone's date in turn (milestone_date walks the gaps each time).
void BM_PartyAgeAndBadgesPlain(benchmark::State& state) {
  const Registry& r = registry(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    int64_t years = 0;
    size_t due = 0;
    for (size_t index = 0; index < r.admissions.size(); ++index) {
      years += party_age_on(r.admissions[index], r.gaps[index], kToday).years;
      for (auto it = kMilestones.rbegin(); it != kMilestones.rend(); ++it) {
        if (milestone_date(r.admissions[index], r.gaps[index], static_cast<int>(*it)) <=
            kOccasion) {
          ++due;
          break;
        }
      }
    }
    benchmark::DoNotOptimize(years);
    benchmark::DoNotOptimize(due);
    state.counters["due"] = static_cast<double>(due);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_PartyAgeAndBadges)->Arg(65000)->Arg(5600000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PartyAgeAndBadgesPlain)->Arg(65000)->Arg(5600000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
