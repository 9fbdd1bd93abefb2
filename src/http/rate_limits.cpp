#include "http/rate_limits.h"

namespace chibo::http {

bool is_export(std::string_view method, std::string_view path) {
  if (method == "POST") return path == "/api/v1/members/imports";
  if (method != "GET") return false;
  return path.ends_with(".csv") || path.ends_with(".xlsx");
}

std::optional<Error> RateLimits::admit(int64_t user, bool is_export,
                                       std::chrono::steady_clock::time_point now) {
  const bool requests = settings_.per_minute > 0;
  const bool exports = is_export && settings_.exports_per_hour > 0;
  if (!requests && !exports) return std::nullopt;
  std::lock_guard lock(mutex_);
  if (users_.size() > kPruneAbove) prune(now);
  Buckets& buckets = users_[user];
  if (requests) {
    const double burst = static_cast<double>(std::max(settings_.burst, 1LL));
    const double per_second = static_cast<double>(settings_.per_minute) / 60.0;
    if (auto wait = take_token(buckets.requests, now, burst, per_second))
      return Error::throttled("rate_limited", *wait);
  }
  if (exports) {
    const auto per_hour = static_cast<double>(settings_.exports_per_hour);
    if (auto wait = take_token(buckets.exports, now, per_hour, per_hour / 3600.0)) {
      if (requests) buckets.requests.tokens += 1.0;  // a refused export costs no request
      return Error::throttled("export_quota", *wait);
    }
  }
  return std::nullopt;
}

void RateLimits::prune(std::chrono::steady_clock::time_point now) {
  // A bucket untouched for an hour has refilled (the slowest refill is the export hour).
  std::erase_if(users_, [&](const auto& entry) {
    const Buckets& b = entry.second;
    const auto last = std::max(b.requests.last, b.exports.last);
    return now - last > std::chrono::hours(1);
  });
}

}  // namespace chibo::http
