#include "app/session_cache.h"

namespace chibo::app {

std::optional<CachedSession> SessionCache::find(const std::string& token_hash, uint64_t generation,
                                                int64_t now_ms) const {
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(token_hash);
  if (found == entries_.end()) return std::nullopt;
  const Entry& entry = found->second;
  if (entry.generation != generation || now_ms - entry.read_at_ms > max_age_ms_ ||
      now_ms < entry.read_at_ms)
    return std::nullopt;
  return entry.value;
}

void SessionCache::put(const std::string& token_hash, CachedSession entry, uint64_t generation,
                       int64_t now_ms) {
  std::lock_guard lock(mutex_);
  // Entries live a second: when full, everything is older than that or about to be.
  if (entries_.size() >= capacity_) entries_.clear();
  entries_[token_hash] = {std::move(entry), generation, now_ms};
}

}  // namespace chibo::app
