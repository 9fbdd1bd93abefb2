// When a failed transaction may run again, and how long to wait before reconnecting: pure
// functions, so that the rules are tested apart from any database.
//
// The rules (docs/deploy.md, "Failures"):
//  - Only whole transactions run again, never a statement inside one.
//  - Serialization failures and deadlocks (40001, 40P01): the server rolled the transaction
//    back, so it runs again, a few times, after a short jittered pause.
//  - A connection that failed or a server that stopped being the primary (08xxx, 57P01-57P03,
//    25006, a dead socket) before COMMIT was sent: nothing was applied; the connection is
//    dropped and the transaction runs once more on a new one.
//  - A connection lost while COMMIT was on its way: the outcome is unknown (it may have
//    committed). It is never run again blindly; the client gets 503 and resends its request
//    with the same Idempotency-Key, which finds the first outcome if there was one.
//  - A unique violation (23505) under READ COMMITTED means that a concurrent transaction
//    committed the same key after this one checked for it; running again lets the checks see
//    that row and answer with the proper conflict.
#pragma once

#include <chrono>
#include <string_view>

namespace chibo::storage {

enum class Failure {
  kNone,
  kConnection,     // connection gone or refused, server shutting down or starting
  kReadOnly,       // 25006: the server became a standby (failover); another host is primary
  kSerialization,  // 40001 serialization failure, 40P01 deadlock
  kUniqueRace,     // 23505 unique violation
  kBusy,           // SQLite: the database is locked by another process
  kStorage,        // I/O error, out of memory
  kDiskFull,       // no space left (SQLITE_FULL, 53100 disk_full): told apart so that people
                   // learn the cause (storage_full) and whoever runs the machine frees space
  kOther,          // anything else: a bug, reported as such
};

// The failure a PostgreSQL SQLSTATE stands for; `connection_lost` when libpq reports the
// connection as bad (a dead socket gives no SQLSTATE at all).
Failure failure_of_sqlstate(std::string_view sqlstate, bool connection_lost);

// Where the transaction was when it failed.
enum class Phase {
  kBody,    // BEGIN or the work: COMMIT not yet sent
  kCommit,  // COMMIT sent: if the connection broke, nobody knows whether it committed
};

struct RetryDecision {
  bool retry = false;            // run the whole transaction again
  bool drop_connection = false;  // the connection is unusable: close it, do not pool it
  bool outcome_unknown = false;  // a write's COMMIT may or may not have taken effect
  bool pause = false;            // wait a jittered moment before the next attempt
};

struct RetryLimits {
  int conflict_attempts = 5;     // attempts in all for serialization failures and deadlocks
  int reconnect_attempts = 2;    // attempts in all when the connection fails
  int unique_race_attempts = 2;  // attempts in all after a unique violation
};

// `attempt` counts from 1 (the attempt that just failed). `writing`: a write transaction
// (a read that lost its connection during COMMIT may simply run again).
RetryDecision decide_retry(Failure failure, Phase phase, bool writing, int attempt,
                           const RetryLimits& limits = {});

// "Full jitter" exponential backoff: a delay drawn uniformly from [0, min(cap, base * 2^(n-1)))
// for the n-th consecutive failure, `unit` being a uniform random number in [0, 1). Spreading
// reconnects at random keeps many chibo processes from hitting a restarted server at once.
std::chrono::milliseconds backoff_delay(int failures, std::chrono::milliseconds base,
                                        std::chrono::milliseconds cap, double unit);

// The Retry-After (whole seconds, at least 1) for a client while reconnects wait `delay`.
long long retry_after_seconds(std::chrono::milliseconds delay);

}  // namespace chibo::storage
