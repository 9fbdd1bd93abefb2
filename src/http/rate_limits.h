// Per-user rate limits against mass extraction (ASVS 2.4.1; docs/security.md item 27): every
// signed-in user's API requests share one bucket (`per_minute`, bursts up to `burst`), and the
// exports (a whole list as CSV or XLSX) and member imports another (`exports_per_hour`). Past
// either, 429 with Retry-After. Kept in this process's memory: a restart forgets them, and
// several chibo processes behind one address each count their own (docs/deploy.md).
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "core/error.h"
#include "core/token_bucket.h"

namespace chibo::http {

struct RateLimitSettings {
  long long per_minute = 1200;      // API requests per user; 0: no limit
  long long burst = 200;            // requests at once before the rate applies
  long long exports_per_hour = 60;  // exports and imports per user; 0: no limit
};

// An export or an import: a GET of a path ending in .csv or .xlsx, or a new member import.
bool is_export(std::string_view method, std::string_view path);

class RateLimits {
 public:
  explicit RateLimits(RateLimitSettings settings) : settings_(settings) {}

  // The refusal for `user`'s request at `now`, or nullopt when it may go on (it is counted).
  std::optional<Error> admit(int64_t user, bool is_export,
                             std::chrono::steady_clock::time_point now);

 private:
  struct Buckets {
    TokenBucket requests;
    TokenBucket exports;
  };
  // Buckets of users idle long enough to be full again are dropped past this many.
  static constexpr size_t kPruneAbove = 10000;
  void prune(std::chrono::steady_clock::time_point now);

  RateLimitSettings settings_;
  std::mutex mutex_;
  std::unordered_map<int64_t, Buckets> users_;
};

}  // namespace chibo::http
