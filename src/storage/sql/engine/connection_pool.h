// A fixed-size pool of database connections that survives the database going away.
//
// Connections are opened lazily, up to `size`, and handed out one per transaction. When a
// connection breaks (server restart, failover), it is dropped and so are the idle ones opened
// before it (they share its fate). Opening a connection that fails starts a backoff: for a
// jittered, exponentially growing delay (retry_policy.h) no new connection is tried and callers
// get kUnavailable at once, with the seconds to wait, instead of each stalling on a connect
// timeout. The first success ends the backoff. No state is kept on a connection between
// transactions, so it may as well be a pgbouncer client connection.
#pragma once

#include <soci/soci.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <random>
#include <vector>

#include "core/result.h"

namespace chibo::storage {

struct PoolOptions {
  int size = 4;
  std::chrono::milliseconds acquire_timeout{10000};  // all connections busy this long: 503
  std::chrono::milliseconds backoff_base{250};
  std::chrono::milliseconds backoff_cap{8000};
  // Time and jitter as inputs, so that tests decide when a backoff has passed instead of
  // sleeping through it (and a 0 ms draw cannot end it early). Defaults: the steady clock and
  // a uniform draw in [0, 1].
  std::function<std::chrono::steady_clock::time_point()> now;
  std::function<double()> jitter;
};

class ConnectionPool {
 public:
  // Opens one connection; throws soci::soci_error when the database cannot be reached.
  using Connect = std::function<std::unique_ptr<soci::session>()>;

  // A connection on loan; give it back with release().
  struct Lease {
    std::unique_ptr<soci::session> session;
    uint64_t epoch = 0;
  };

  ConnectionPool(Connect connect, PoolOptions options);

  // An idle connection, or a new one. kUnavailable ("database_unavailable" with the
  // "retry_after" seconds) while the database cannot be reached or every connection stays
  // busy past the acquire timeout.
  Result<Lease> acquire();
  // Returns a connection; `broken` drops it and every idle connection older than it.
  void release(Lease lease, bool broken);
  // Hands a connection opened elsewhere (the store's first, which ran the migrations) to
  // the pool.
  void adopt(std::unique_ptr<soci::session> session);

  struct Stats {
    int open = 0, idle = 0;
    int failures = 0;  // consecutive failed connection attempts (0: reachable)
  };
  Stats stats() const;

 private:
  std::chrono::milliseconds next_delay();  // under mutex_
  std::chrono::steady_clock::time_point now() const;

  Connect connect_;
  PoolOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<Lease> idle_;
  int open_ = 0;
  uint64_t epoch_ = 0;
  int failures_ = 0;
  std::chrono::steady_clock::time_point retry_at_{};
  bool probing_ = false;  // one connection attempt at a time while the database is down
  std::mt19937_64 random_{std::random_device{}()};
};

}  // namespace chibo::storage
