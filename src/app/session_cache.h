// Sessions recently authenticated by this process, so that a request need not read its
// session, user and grants again (those reads cost more than a member search). An entry is
// used only while the store's access generation is unchanged, i.e. no logout, disabled user,
// ended session, changed grants or moved subtree has been committed here since it was read,
// and for at most `max_age_ms`, which bounds how late a change committed by another process
// on the same database is seen.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/ports/accounts.h"
#include "domain/access/access.h"

namespace chibo::app {

struct CachedSession {
  Session session;
  User user;
  domain::Principal principal;
};

class SessionCache {
 public:
  explicit SessionCache(int64_t max_age_ms = 1000, size_t capacity = 20000)
      : max_age_ms_(max_age_ms), capacity_(capacity) {}

  std::optional<CachedSession> find(const std::string& token_hash, uint64_t generation,
                                    int64_t now_ms) const;
  // `generation`: the store's access generation read before the session was.
  void put(const std::string& token_hash, CachedSession entry, uint64_t generation, int64_t now_ms);

 private:
  struct Entry {
    CachedSession value;
    uint64_t generation = 0;
    int64_t read_at_ms = 0;
  };
  int64_t max_age_ms_;
  size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace chibo::app
