// Replies to creating requests that carried an Idempotency-Key, kept with the write that
// produced them (app/runner.h, run_keyed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chibo::app {

// A reply as the adapter sent it, stored opaquely: status, body and the headers that go with
// it (Location, ETag).
struct StoredReply {
  int status = 0;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct IdempotencyRecord {
  std::string fingerprint;  // of the request that first used the key
  StoredReply reply;
  std::string created_at;
};

class IdempotencyRepository {
 public:
  virtual ~IdempotencyRepository() = default;
  // Takes (user, key) for this transaction, after forgetting a use of it older than
  // `expired_before`. True when the key was free: it is now held until this transaction ends
  // (a concurrent claimer of the same key waits for that, then finds the reply). False when
  // the key was used already.
  virtual bool claim(int64_t user_id, const std::string& key, const std::string& fingerprint,
                     const std::string& now, const std::string& expired_before) = 0;
  virtual std::optional<IdempotencyRecord> find(int64_t user_id, const std::string& key) = 0;
  // Stores the reply of the request that claimed the key.
  virtual void save_reply(int64_t user_id, const std::string& key, const StoredReply& reply) = 0;
  // Forgets every key used before `expired_before`; returns how many.
  virtual int64_t purge(const std::string& expired_before) = 0;
};

}  // namespace chibo::app
