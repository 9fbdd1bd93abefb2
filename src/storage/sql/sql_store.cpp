#include "storage/sql/sql_store.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <chrono>

#include "storage/sql/audit_log.h"
#include "storage/sql/candidate_repository.h"
#include "storage/sql/lifecycle_repository.h"
#include "storage/sql/transfer_repository.h"
#include "storage/sql/maintenance.h"
#include "storage/sql/member_repository.h"
#include "storage/sql/migrations.h"
#include "storage/sql/org_repository.h"
#include "storage/sql/session_repository.h"
#include "storage/sql/user_repository.h"

namespace chibo::storage {

namespace {

constexpr int kBusyTimeoutMs = 5000;

class SqlTransaction : public app::Transaction {
 public:
  SqlTransaction(soci::session& session, const std::vector<std::string>& on_roll,
                 const MemberSearchIndex* index = nullptr, IndexChanges* changes = nullptr,
                 RecordCache* cache = nullptr)
      : orgs_(session, on_roll, changes),
        members_(session, on_roll, index, changes, cache),
        users_(session, changes),
        sessions_(session, changes),
        audit_(session),
        candidates_(session),
        transfers_(session),
        lifecycle_(session, on_roll) {}
  app::OrgRepository& orgs() override { return orgs_; }
  app::MemberRepository& members() override { return members_; }
  app::UserRepository& users() override { return users_; }
  app::SessionRepository& sessions() override { return sessions_; }
  app::AuditLog& audit() override { return audit_; }
  app::CandidateRepository& candidates() override { return candidates_; }
  app::TransferRepository& transfers() override { return transfers_; }
  app::LifecycleRepository& lifecycle() override { return lifecycle_; }

 private:
  SqlOrgRepository orgs_;
  SqlMemberRepository members_;
  SqlUserRepository users_;
  SqlSessionRepository sessions_;
  SqlAuditLog audit_;
  SqlCandidateRepository candidates_;
  SqlTransferRepository transfers_;
  SqlLifecycleRepository lifecycle_;
};

// Errors from the engine that a retry may cure become kUnavailable (HTTP 503); the rest are bugs.
Error classify(const soci::soci_error& error) {
  if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&error)) {
    const int code = sqlite->result() & 0xFF;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return Error::unavailable("database_busy");
    if (code == SQLITE_FULL || code == SQLITE_IOERR) return Error::unavailable("storage_failure");
  }
  if (const auto* postgres = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    const std::string state = postgres->sqlstate();
    if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P03" || state == "40001" ||
        state == "40P01" || state == "25006") {
      return Error::unavailable("database_unavailable");
    }
  }
  spdlog::error("database error: {}", error.what());
  return Error::internal("database_error");
}

// Before the first connection: each connection is used by one thread at a time (the pool
// hands it out), so SQLite needs no mutex per connection; and memory statistics would take a
// global mutex on every allocation, which made threads queue behind each other.
void configure_sqlite_once() {
  static const bool configured = [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

SqlStore::SqlStore(DatabaseUrl url, StoreOptions options)
    : url_(std::move(url)), options_(std::move(options)) {}

SqlStore::~SqlStore() = default;

std::unique_ptr<soci::session> SqlStore::connect(bool reader) const {
  if (url_.engine == Engine::kPostgres) {
    return std::make_unique<soci::session>(*soci::factory_postgresql(), url_.conninfo);
  }
  auto session = std::make_unique<soci::session>(
      *soci::factory_sqlite3(),
      "db=\"" + url_.sqlite_path + "\" timeout=" + std::to_string(kBusyTimeoutMs / 1000));
  soci::session& sql = *session;
  sql << "PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs);
  sql << "PRAGMA foreign_keys = ON";
  // FULL: a commit is on disk before it is acknowledged (NORMAL may lose the last ones on
  // power loss, see sqlite.org/pragma.html#pragma_synchronous).
  sql << "PRAGMA synchronous = FULL";
  sql << "PRAGMA cache_size = -65536";
  // Reads through a memory map avoid a system call per page (most of a search's cost was
  // copying pages into the cache). Address space only: the OS shares the pages.
  sql << "PRAGMA mmap_size = 4294967296";
  sql << "PRAGMA temp_store = MEMORY";
  if (reader) {
    sql << "PRAGMA query_only = ON";
  } else {
    std::string mode;
    sql << "PRAGMA journal_mode = WAL", soci::into(mode);
  }
  return session;
}

Result<std::unique_ptr<SqlStore>> SqlStore::open(const DatabaseUrl& url, StoreOptions options,
                                                 const std::string& now_utc) {
  if (url.engine == Engine::kSqlite) configure_sqlite_once();
  std::unique_ptr<SqlStore> store(new SqlStore(url, std::move(options)));
  try {
    std::unique_ptr<soci::session> setup = store->connect(false);
    if (store->options_.migrate) {
      Result<int> migrated = migrate(*setup, url.engine, known_migrations(url.engine), now_utc);
      if (!migrated) return std::move(migrated).error();
      if (migrated.value() > 0) spdlog::info("applied {} schema migration(s)", migrated.value());
    } else if (schema_version(*setup) == 0) {
      return Error::unsupported("database_not_initialized");
    }
    Status keys = refresh_sort_keys_if_needed(*setup, url.engine);
    if (!keys) return std::move(keys).error();
    if (url.engine == Engine::kSqlite) {
      if (store->options_.search_index) {
        store->index_ = std::make_unique<MemberSearchIndex>();
        store->cache_ = std::make_unique<RecordCache>();
        store->rebuild_index(*setup);
      }
      store->writer_ = std::move(setup);
    } else {
      store->idle_.push_back(std::move(setup));
      store->open_sessions_ = 1;
    }
  } catch (const soci::soci_error& error) {
    Error failure = Error::unavailable("database_open_failed");
    failure.params = {{"url", url.text}, {"detail", error.what()}};
    return failure;
  }
  return store;
}

std::unique_ptr<soci::session> SqlStore::acquire() {
  std::unique_lock lock(pool_mutex_);
  while (idle_.empty() && open_sessions_ >= options_.readers) pool_ready_.wait(lock);
  if (!idle_.empty()) {
    std::unique_ptr<soci::session> session = std::move(idle_.back());
    idle_.pop_back();
    return session;
  }
  ++open_sessions_;
  lock.unlock();
  try {
    return connect(url_.engine == Engine::kSqlite);
  } catch (...) {
    lock.lock();
    --open_sessions_;
    pool_ready_.notify_one();
    throw;
  }
}

void SqlStore::release(std::unique_ptr<soci::session> session) {
  std::lock_guard lock(pool_mutex_);
  if (session) {
    idle_.push_back(std::move(session));
  } else {
    --open_sessions_;  // a broken connection is dropped; the next acquire opens a new one
  }
  pool_ready_.notify_one();
}

void SqlStore::rebuild_index(soci::session& session) {
  if (!index_) return;
  if (member_total(session) > kMaxIndexedMembers) {
    index_->disable();
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  index_->rebuild(load_indexed_members(session));
  spdlog::info("search index: {} members, {} keys ({} ms)", index_->member_count(),
               index_->key_count(),
               std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - started)
                   .count());
}

Status SqlStore::run(soci::session& session, bool writing,
                     const std::function<Status(soci::session&)>& work, IndexChanges* changes) {
  bool open = false;
  try {
    session << (writing ? begin_write_sql(url_.engine) : "BEGIN");
    open = true;
    Status status = work(session);
    // The index copies committed data: read the changed members inside the transaction,
    // apply them once the commit has succeeded.
    const bool refresh = writing && status && index_;
    const bool everything = refresh && (!changes || changes->everything);
    std::vector<IndexedMember> changed;
    if (refresh && !everything && !changes->members.empty())
      changed = load_indexed_members(session, &changes->members);
    open = false;
    session << (status ? "COMMIT" : "ROLLBACK");
    if (everything) {
      rebuild_index(session);
      if (cache_) cache_->clear();
    } else if (!changed.empty()) {
      index_->replace(std::move(changed));
    }
    if (refresh && cache_ && changes && !changes->orgs.empty()) cache_->forget_orgs(changes->orgs);
    return status;
  } catch (const soci::soci_error& error) {
    if (open) {
      try {
        session << "ROLLBACK";
      } catch (const soci::soci_error&) {
        // Nothing more to undo: the engine already ended the transaction.
      }
    }
    return classify(error);
  } catch (...) {
    if (open) {
      try {
        session << "ROLLBACK";
      } catch (const soci::soci_error&) {
      }
    }
    throw;
  }
}

Status SqlStore::read(const std::function<Status(app::Transaction&)>& work) {
  std::unique_ptr<soci::session> session;
  try {
    session = acquire();
  } catch (const soci::soci_error& error) {
    return classify(error);
  }
  Status status = run(*session, false, [&](soci::session& sql) {
    SqlTransaction tx(sql, options_.on_roll_statuses, index_.get(), nullptr, cache_.get());
    return work(tx);
  });
  const bool broken =
      !status && status.error().code == ErrorCode::kUnavailable && url_.engine == Engine::kPostgres;
  release(broken ? nullptr : std::move(session));
  return status;
}

Status SqlStore::write(const std::function<Status(app::Transaction&)>& work) {
  IndexChanges changes;
  auto transaction = [&](soci::session& sql) {
    SqlTransaction tx(sql, options_.on_roll_statuses, index_.get(), &changes, cache_.get());
    return work(tx);
  };
  Status status = Ok();
  if (url_.engine == Engine::kSqlite) {
    std::lock_guard lock(writer_mutex_);
    status = run(*writer_, true, transaction, &changes);
  } else {
    status = write_session(transaction);
  }
  // After the commit: an entry cached under the old generation (read before it) is dropped,
  // and nothing read before the commit can be cached under the new one.
  if (status && (changes.access || changes.everything)) access_generation_.fetch_add(1);
  return status;
}

Status SqlStore::write_session(const std::function<Status(soci::session&)>& work) {
  if (url_.engine == Engine::kSqlite) {
    std::lock_guard lock(writer_mutex_);
    return run(*writer_, true, work);
  }
  std::unique_ptr<soci::session> session;
  try {
    session = acquire();
  } catch (const soci::soci_error& error) {
    return classify(error);
  }
  Status status = run(*session, true, work);
  const bool broken = !status && status.error().code == ErrorCode::kUnavailable;
  release(broken ? nullptr : std::move(session));
  return status;
}

}  // namespace chibo::storage
