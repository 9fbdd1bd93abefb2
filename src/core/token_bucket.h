// A token bucket (the rate limits of http/rate_limits.h): `capacity` tokens at most, refilled at
// `per_second`; a request takes one. Pure: the time is the caller's, so tests pass their own.
#pragma once

#include <chrono>
#include <cmath>
#include <optional>

namespace chibo {

struct TokenBucket {
  double tokens = 0;
  std::chrono::steady_clock::time_point last{};
  bool started = false;
};

// Takes a token at `now`, or says how many whole seconds (at least 1) until one is there. A new
// bucket starts full.
inline std::optional<long long> take_token(TokenBucket& bucket,
                                           std::chrono::steady_clock::time_point now,
                                           double capacity, double per_second) {
  if (!bucket.started) {
    bucket = {capacity, now, true};
  } else if (now > bucket.last) {
    const double elapsed = std::chrono::duration<double>(now - bucket.last).count();
    bucket.tokens = std::min(capacity, bucket.tokens + elapsed * per_second);
    bucket.last = now;
  }
  if (bucket.tokens >= 1.0) {
    bucket.tokens -= 1.0;
    return std::nullopt;
  }
  const double wait = (1.0 - bucket.tokens) / per_second;
  return std::max(1LL, static_cast<long long>(std::ceil(wait)));
}

}  // namespace chibo
