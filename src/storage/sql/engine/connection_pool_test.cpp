// The pool's behaviour when the database goes away and comes back, with a connect function
// that fails on demand (connections are in-memory SQLite sessions).
#include "storage/sql/engine/connection_pool.h"

#include <gtest/gtest.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace chibo::storage {
namespace {

using std::chrono::milliseconds;

struct FakeDatabase {
  bool up = true;
  int attempts = 0;
  ConnectionPool::Connect connect() {
    return [this] {
      ++attempts;
      if (!up) throw soci::soci_error("Cannot establish connection to the database.");
      return std::make_unique<soci::session>(*soci::factory_sqlite3(), ":memory:");
    };
  }
};

// A clock that moves only when the test moves it.
struct FakeTime {
  std::chrono::steady_clock::time_point at{};
  void advance(milliseconds by) { at += by; }
};

PoolOptions small(FakeTime& time, int size = 2) {
  PoolOptions options;
  options.size = size;
  options.backoff_base = milliseconds(40);
  options.backoff_cap = milliseconds(40);
  options.acquire_timeout = milliseconds(50);
  options.now = [&time] { return time.at; };
  options.jitter = [] { return 1.0; };  // the whole backoff: 40 ms
  return options;
}

TEST(ConnectionPool, ReusesIdleConnections) {
  FakeDatabase db;
  FakeTime time;
  ConnectionPool pool(db.connect(), small(time));
  auto first = pool.acquire();
  ASSERT_TRUE(first);
  pool.release(std::move(*first), false);
  auto second = pool.acquire();
  ASSERT_TRUE(second);
  EXPECT_EQ(db.attempts, 1);
  pool.release(std::move(*second), false);
  EXPECT_EQ(pool.stats().open, 1);
  EXPECT_EQ(pool.stats().idle, 1);
}

TEST(ConnectionPool, WhileTheDatabaseIsDownCallersGetUnavailableAtOnceThenItRecovers) {
  FakeDatabase db;
  FakeTime time;
  db.up = false;
  ConnectionPool pool(db.connect(), small(time));
  auto refused = pool.acquire();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(refused.error().param("retry_after"), "1");
  EXPECT_EQ(pool.stats().failures, 1);
  // Within the backoff no connection is attempted: callers are told to come back.
  for (int i = 0; i < 5; ++i) {
    EXPECT_FALSE(pool.acquire());
    time.advance(milliseconds(7));  // 35 ms in all: still inside the 40 ms backoff
  }
  EXPECT_EQ(db.attempts, 1);
  db.up = true;
  time.advance(milliseconds(5));  // the backoff has passed
  auto back = pool.acquire();
  ASSERT_TRUE(back);
  EXPECT_EQ(db.attempts, 2);
  EXPECT_EQ(pool.stats().failures, 0);
  pool.release(std::move(*back), false);
}

TEST(ConnectionPool, ABrokenConnectionTakesItsIdleSiblingsWithIt) {
  FakeDatabase db;
  FakeTime time;
  ConnectionPool pool(db.connect(), small(time, 3));
  auto a = pool.acquire();
  auto b = pool.acquire();
  auto c = pool.acquire();
  ASSERT_TRUE(a && b && c);
  pool.release(std::move(*a), false);
  pool.release(std::move(*b), false);
  // c broke (a server restart): a and b, idle since before, are presumed dead too.
  pool.release(std::move(*c), true);
  EXPECT_EQ(pool.stats().idle, 2);
  auto fresh = pool.acquire();
  ASSERT_TRUE(fresh);
  EXPECT_EQ(db.attempts, 4);  // a new connection, not a stale one
  EXPECT_EQ(pool.stats().open, 1);
  pool.release(std::move(*fresh), false);
}

TEST(ConnectionPool, WhenEveryConnectionStaysBusyTheCallerIsToldToRetry) {
  FakeDatabase db;
  FakeTime time;
  ConnectionPool pool(db.connect(), small(time, 1));
  auto held = pool.acquire();
  ASSERT_TRUE(held);
  auto waited = pool.acquire();
  ASSERT_FALSE(waited);
  EXPECT_EQ(waited.error().code, ErrorCode::kUnavailable);
  pool.release(std::move(*held), false);
  EXPECT_TRUE(pool.acquire());
}

}  // namespace
}  // namespace chibo::storage
