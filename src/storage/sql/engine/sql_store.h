// The Store on SOCI. SQLite: one writer connection behind a mutex (SQLite allows one writer at
// a time; serializing in-process avoids busy waits) and a pool of read connections that see
// consistent WAL snapshots. PostgreSQL: one pool of connections for both (connection_pool.h),
// whose transactions run again when retry_policy.h says it is safe.
#pragma once

#include <atomic>

#include <soci/soci.h>

#include <memory>
#include <mutex>
#include <vector>

#include "app/ports/store.h"
#include "storage/sql/derived/member_stats.h"
#include "storage/sql/engine/connection_pool.h"
#include "storage/sql/engine/database_url.h"
#include "storage/sql/engine/retry_policy.h"
#include "storage/sql/search/record_cache.h"
#include "storage/sql/search/search_index.h"
#include "storage/sql/search/search_index_loader.h"
#include "storage/sql/search/search_plan.h"

namespace chibo::storage {

struct StoreOptions {
  // PostgreSQL: connections in all (one per transaction in flight). SQLite: read
  // connections (writes have one connection of their own).
  int pool_size = 4;
  bool migrate = true;  // apply pending migrations (and their upkeep) at open
  // Without migrate: refuse a schema other than this build's newest ("schema_behind",
  // "database_too_new") instead of running on it (`chibo serve --no-migrate`).
  bool require_current = false;
  bool search_index = false;  // SQLite: keep member name search in memory (for the server)
  std::vector<std::string> on_roll_statuses;
  RetryLimits retry;
  // Subtrees this large keep their dashboard breakdowns up to date (member_stats.h).
  long long stats_threshold = kDefaultStatsThreshold;
  SearchLimits search;  // name searches without the in-memory index (search_plan.h)
  PoolOptions pool;     // its size is pool_size
};

// Bounds of --pool-size.
inline constexpr int kMinPoolSize = 1;
inline constexpr int kMaxPoolSize = 500;

class SqlStore : public app::Store {
 public:
  // Opens (creating a SQLite file if needed), migrates, and checks stored sort keys against the
  // ICU version in use.
  static Result<std::unique_ptr<SqlStore>> open(const DatabaseUrl& url, StoreOptions options,
                                                const std::string& now_utc);
  ~SqlStore() override;

  Status read(const std::function<Status(app::Transaction&)>& work) override;
  Status write(const std::function<Status(app::Transaction&)>& work) override;
  uint64_t access_generation() const override { return access_generation_.load(); }

  // PostgreSQL: VACUUM (ANALYZE) after a bulk load, outside any transaction, so that index-only
  // scans need no heap visits and the planner knows the new sizes. No-op on SQLite.
  Status vacuum_analyze();

  // A write transaction on a raw session, for bulk loaders and maintenance.
  Status write_session(const std::function<Status(soci::session&)>& work);
  // The same for a load that fills a database holding only its schema (`chibo demo`): on SQLite
  // through a rollback journal instead of the WAL, then WAL again. One transaction of gigabytes
  // in the WAL makes every page read search the WAL's index (the national demo spent two thirds
  // of its time in sqlite3WalFindFrame after 45 minutes, slower as the WAL grew); with a rollback
  // journal the pages go to the file itself and the journal keeps only the few pages there before.
  Status bulk_load_session(const std::function<Status(soci::session&)>& work);
  Engine engine() const { return url_.engine; }
  // True when name searches are answered from the in-memory index.
  bool search_in_memory() const { return index_ && index_->enabled(); }
  const DatabaseUrl& url() const { return url_; }
  // The schema version found at open, and the migrations open applied.
  int schema_version_at_open() const { return schema_version_at_open_; }
  int migrations_applied() const { return migrations_applied_; }
  // The connection pool's state (for /health).
  ConnectionPool::Stats pool_stats() const { return pool_->stats(); }

 private:
  // One try of a transaction, and how it ended.
  struct Attempt {
    Status status;
    Failure failure = Failure::kNone;
    Phase phase = Phase::kBody;
    std::string detail;  // the engine's message, for the log
  };

  SqlStore(DatabaseUrl url, StoreOptions options);
  std::unique_ptr<soci::session> connect(bool reader) const;
  // Runs `work` in a transaction once. For writes, `changes` says what to refresh in the
  // search index after commit (nullptr: everything).
  Attempt run_once(soci::session& session, bool writing,
                   const std::function<Status(soci::session&)>& work,
                   IndexChanges* changes = nullptr);
  // Runs `work` on a pooled connection, again while retry_policy.h allows; `changes` is
  // cleared before each attempt.
  Status run_pooled(bool writing, const std::function<Status(soci::session&)>& work,
                    IndexChanges* changes = nullptr);
  void rebuild_index(soci::session& session);

  DatabaseUrl url_;
  StoreOptions options_;
  std::atomic<uint64_t> access_generation_{0};
  int schema_version_at_open_ = 0;
  int migrations_applied_ = 0;
  std::mutex writer_mutex_;                   // SQLite: held for the whole write transaction
  std::unique_ptr<soci::session> writer_;     // SQLite only
  std::unique_ptr<ConnectionPool> pool_;      // PostgreSQL: every transaction; SQLite: reads
  std::unique_ptr<MemberSearchIndex> index_;  // SQLite only: one process owns the data
  std::unique_ptr<RecordCache> cache_;        // with the index: records of search pages
};

}  // namespace chibo::storage
