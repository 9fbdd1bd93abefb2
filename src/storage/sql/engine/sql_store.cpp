#include "storage/sql/engine/sql_store.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <chrono>
#include <random>
#include <thread>

#include "storage/sql/accounts/audit_log.h"
#include "storage/sql/accounts/idempotency_repository.h"
#include "storage/sql/accounts/session_repository.h"
#include "storage/sql/accounts/user_repository.h"
#include "storage/sql/compliance/compliance_repository.h"
#include "storage/sql/derived/maintenance.h"
#include "storage/sql/directives/directive_repository.h"
#include "storage/sql/directives/directive_search.h"
#include "storage/sql/discipline/discipline_repository.h"
#include "storage/sql/documents/document_repository.h"
#include "storage/sql/documents/term_repository.h"
#include "storage/sql/dues/dues_repository.h"
#include "storage/sql/engine/db_errors.h"
#include "storage/sql/engine/migrations.h"
#include "storage/sql/inspection/inspection_repository.h"
#include "storage/sql/jobs/inbox_repository.h"
#include "storage/sql/jobs/job_repository.h"
#include "storage/sql/lifecycle/candidate_repository.h"
#include "storage/sql/lifecycle/lifecycle_repository.h"
#include "storage/sql/lifecycle/transfer_repository.h"
#include "storage/sql/meetings/meeting_repository.h"
#include "storage/sql/member_imports/member_import_repository.h"
#include "storage/sql/plans/plan_repository.h"
#include "storage/sql/registry/member_repository.h"
#include "storage/sql/registry/org_repository.h"
#include "storage/sql/remediation/remediation_repository.h"
#include "storage/sql/review/review_repository.h"
#include "storage/sql/stats/stats_snapshot_repository.h"
#include "storage/sql/tools/app_role.h"
#include "storage/sql/tools/pg_copy.h"

namespace chibo::storage {

namespace {

constexpr int kBusyTimeoutMs = 5000;

class SqlTransaction : public app::Transaction {
 public:
  SqlTransaction(soci::session& session, const StoreOptions& options, const DatabaseUrl& url,
                 const MemberSearchIndex* index = nullptr, IndexChanges* changes = nullptr,
                 RecordCache* cache = nullptr)
      : orgs_(session, options.on_roll_statuses, changes, options.stats_threshold),
        members_(session, options.on_roll_statuses, index, changes, cache, options.stats_threshold,
                 options.search),
        users_(session, changes),
        sessions_(session, changes),
        audit_(session),
        idempotency_(session),
        candidates_(session),
        transfers_(session),
        lifecycle_(session, options.on_roll_statuses),
        terms_(session),
        documents_(session, url.engine,
                   url.engine == Engine::kSqlite ? attachments_dir_of(url.sqlite_path) : ""),
        directives_(session),
        jobs_(session, url.engine),
        inbox_(session),
        dues_(session),
        plans_(session),
        review_(session),
        meetings_(session),
        inspection_(session),
        discipline_(session),
        compliance_(session, url.engine),
        member_imports_(session),
        remediation_(session),
        stats_snapshots_(session, url.engine) {}
  app::OrgRepository& orgs() override { return orgs_; }
  app::MemberRepository& members() override { return members_; }
  app::UserRepository& users() override { return users_; }
  app::SessionRepository& sessions() override { return sessions_; }
  app::AuditLog& audit() override { return audit_; }
  app::IdempotencyRepository& idempotency() override { return idempotency_; }
  app::CandidateRepository& candidates() override { return candidates_; }
  app::TransferRepository& transfers() override { return transfers_; }
  app::LifecycleRepository& lifecycle() override { return lifecycle_; }
  app::TermRepository& terms() override { return terms_; }
  app::DocumentRepository& documents() override { return documents_; }
  app::DirectiveRepository& directives() override { return directives_; }
  app::JobRepository& jobs() override { return jobs_; }
  app::InboxRepository& inbox() override { return inbox_; }
  app::DuesRepository& dues() override { return dues_; }
  app::PlanRepository& plans() override { return plans_; }
  app::ReviewRepository& review() override { return review_; }
  app::MeetingRepository& meetings() override { return meetings_; }
  app::InspectionRepository& inspection() override { return inspection_; }
  app::DisciplineRepository& discipline() override { return discipline_; }
  app::ComplianceRepository& compliance() override { return compliance_; }
  app::MemberImportRepository& member_imports() override { return member_imports_; }
  app::RemediationRepository& remediation() override { return remediation_; }
  app::StatsSnapshotRepository& stats_snapshots() override { return stats_snapshots_; }

 private:
  SqlOrgRepository orgs_;
  SqlMemberRepository members_;
  SqlUserRepository users_;
  SqlSessionRepository sessions_;
  SqlAuditLog audit_;
  SqlIdempotencyRepository idempotency_;
  SqlCandidateRepository candidates_;
  SqlTransferRepository transfers_;
  SqlLifecycleRepository lifecycle_;
  SqlTermRepository terms_;
  SqlDocumentRepository documents_;
  SqlDirectiveRepository directives_;
  SqlJobRepository jobs_;
  SqlInboxRepository inbox_;
  SqlDuesRepository dues_;
  SqlPlanRepository plans_;
  SqlReviewRepository review_;
  SqlMeetingRepository meetings_;
  SqlInspectionRepository inspection_;
  SqlDisciplineRepository discipline_;
  SqlComplianceRepository compliance_;
  SqlMemberImportRepository member_imports_;
  SqlRemediationRepository remediation_;
  SqlStatsSnapshotRepository stats_snapshots_;
};

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
    auto session = std::make_unique<soci::session>(*soci::factory_postgresql(), url_.conninfo);
    route_notices_to_log(*session);
    return session;
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
    const int latest = known_migrations(url.engine).back().version;
    store->schema_version_at_open_ =
        has_migrations_table(*setup, url.engine) ? schema_version(*setup) : 0;
    if (store->options_.migrate) {
      Result<int> migrated = migrate(*setup, url.engine, known_migrations(url.engine), now_utc);
      if (!migrated) return std::move(migrated).error();
      store->migrations_applied_ = migrated.value();
      if (migrated.value() > 0) spdlog::info("applied {} schema migration(s)", migrated.value());
    } else if (store->schema_version_at_open_ == 0) {
      return Error::unsupported("database_not_initialized");
    } else if (store->options_.require_current && store->schema_version_at_open_ > latest) {
      return Error::unsupported("database_too_new",
                                {{"found", std::to_string(store->schema_version_at_open_)},
                                 {"supported", std::to_string(latest)}});
    } else if (store->options_.require_current && store->schema_version_at_open_ < latest) {
      return Error::unsupported("schema_behind",
                                {{"found", std::to_string(store->schema_version_at_open_)},
                                 {"supported", std::to_string(latest)}});
    }
    // A role with less than `chibo db migrate --grant-to` gives (a table added by an upgrade
    // after the last grant) would fail on the first request that touches it: refused now, for
    // the commands that write. Read-only tools (audit verify) may use a role that only reads.
    if (url.engine == Engine::kPostgres &&
        (store->options_.migrate || store->options_.require_current)) {
      const std::vector<std::string> lacking = tables_lacking_rights(*setup);
      if (!lacking.empty()) {
        std::string role, tables;
        *setup << "SELECT current_user", soci::into(role);
        for (size_t index = 0; index < lacking.size() && index < 5; ++index)
          tables += (index ? ", " : "") + lacking[index];
        if (lacking.size() > 5) tables += ", ... (" + std::to_string(lacking.size()) + ")";
        return Error::unsupported("database_rights_missing", {{"role", role}, {"tables", tables}});
      }
    }
    Status keys = refresh_sort_keys_if_needed(*setup, url.engine);
    if (!keys) return std::move(keys).error();
    if (store->options_.migrate) {
      // Directives entered before their search column (migration 0016): folded once.
      const long long folded = fold_directive_search_if_needed(*setup, url.engine);
      if (folded > 0) spdlog::info("folded the search text of {} directive(s)", folded);
    }
    if (store->options_.migrate) {
      // A database that grew (or predates migration 0007) gets its large subtrees' breakdowns
      // now; there is nothing to do on later starts.
      *setup << begin_write_sql(url.engine);
      track_large_subtrees(*setup, store->options_.stats_threshold);
      *setup << "COMMIT";
    }
    SqlStore* raw = store.get();
    PoolOptions pool = store->options_.pool;
    pool.size = store->options_.pool_size;
    store->pool_ = std::make_unique<ConnectionPool>(
        [raw] { return raw->connect(raw->url_.engine == Engine::kSqlite); }, pool);
    if (url.engine == Engine::kSqlite) {
      if (store->options_.search_index) {
        store->index_ = std::make_unique<MemberSearchIndex>();
        store->cache_ = std::make_unique<RecordCache>();
        store->rebuild_index(*setup);
      }
      store->writer_ = std::move(setup);
    } else {
      store->pool_->adopt(std::move(setup));
    }
  } catch (const soci::soci_error& error) {
    Error failure = Error::unavailable("database_open_failed");
    failure.params = {{"url", url.text}, {"detail", error.what()}};
    return failure;
  }
  return store;
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

SqlStore::Attempt SqlStore::run_once(soci::session& session, bool writing,
                                     const std::function<Status(soci::session&)>& work,
                                     IndexChanges* changes) {
  Attempt attempt;
  bool open = false;
  auto roll_back = [&] {
    if (!open) return;
    try {
      session << "ROLLBACK";
    } catch (const soci::soci_error&) {
      // Nothing more to undo: the engine already ended the transaction (or the connection).
    }
  };
  try {
    session << (writing ? begin_write_sql(url_.engine) : begin_read_sql(url_.engine));
    open = true;
    Status status = work(session);
    // The index copies committed data: read the changed members inside the transaction,
    // apply them once the commit has succeeded.
    const bool refresh = writing && status && index_;
    const bool everything = refresh && (!changes || changes->everything);
    std::vector<IndexedMember> changed;
    if (refresh && !everything && !changes->members.empty())
      changed = load_indexed_members(session, &changes->members);
    if (status) attempt.phase = Phase::kCommit;
    open = false;
    session << (status ? "COMMIT" : "ROLLBACK");
    if (everything) {
      rebuild_index(session);
      if (cache_) cache_->clear();
    } else if (!changed.empty()) {
      index_->replace(std::move(changed));
    }
    if (refresh && cache_ && changes && !changes->orgs.empty()) cache_->forget_orgs(changes->orgs);
    attempt.status = std::move(status);
  } catch (const soci::soci_error& error) {
    open = open && attempt.phase == Phase::kBody;
    attempt.failure = failure_of(error, session, url_.engine);
    attempt.detail = error.what();
    if (attempt.failure != Failure::kConnection) roll_back();
    attempt.status = Error::internal("database_error");  // replaced by the caller's decision
  } catch (...) {
    roll_back();
    throw;
  }
  return attempt;
}

Status SqlStore::run_pooled(bool writing, const std::function<Status(soci::session&)>& work,
                            IndexChanges* changes) {
  thread_local std::mt19937_64 random{std::random_device{}()};
  for (int number = 1;; ++number) {
    Result<ConnectionPool::Lease> lease = pool_->acquire();
    if (!lease) return std::move(lease).error();
    if (changes) *changes = IndexChanges{};
    Attempt attempt;
    try {
      attempt = run_once(*lease->session, writing, work, changes);
    } catch (...) {
      pool_->release(std::move(*lease), false);  // rolled back; the connection is fine
      throw;
    }
    const RetryDecision decision =
        decide_retry(attempt.failure, attempt.phase, writing, number, options_.retry);
    pool_->release(std::move(*lease), decision.drop_connection);
    if (attempt.failure == Failure::kNone) return std::move(attempt.status);
    if (!decision.retry)
      return error_for(attempt.failure, attempt.detail, decision.outcome_unknown);
    spdlog::info("transaction attempt {} failed ({}); running it again", number, attempt.detail);
    if (decision.pause) {
      const double unit = std::uniform_real_distribution<double>(0.0, 1.0)(random);
      std::this_thread::sleep_for(backoff_delay(number, std::chrono::milliseconds(10),
                                                std::chrono::milliseconds(200), unit));
    }
  }
}

Status SqlStore::read(const std::function<Status(app::Transaction&)>& work) {
  return run_pooled(false, [&](soci::session& sql) {
    SqlTransaction tx(sql, options_, url_, index_.get(), nullptr, cache_.get());
    return work(tx);
  });
}

Status SqlStore::write(const std::function<Status(app::Transaction&)>& work) {
  IndexChanges changes;
  auto transaction = [&](soci::session& sql) {
    SqlTransaction tx(sql, options_, url_, index_.get(), &changes, cache_.get());
    return work(tx);
  };
  Status status = Ok();
  if (url_.engine == Engine::kSqlite) {
    std::lock_guard lock(writer_mutex_);
    Attempt attempt = run_once(*writer_, true, transaction, &changes);
    status = attempt.failure == Failure::kNone ? std::move(attempt.status)
                                               : error_for(attempt.failure, attempt.detail, false);
  } else {
    status = run_pooled(true, transaction, &changes);
  }
  // After the commit: an entry cached under the old generation (read before it) is dropped,
  // and nothing read before the commit can be cached under the new one.
  if (status && (changes.access || changes.everything)) access_generation_.fetch_add(1);
  return status;
}

Status SqlStore::vacuum_analyze() {
  if (url_.engine != Engine::kPostgres) return Ok();
  Result<ConnectionPool::Lease> lease = pool_->acquire();
  if (!lease) return std::move(lease).error();
  bool broken = false;
  Status status = Ok();
  try {
    *lease->session << "VACUUM (ANALYZE)";
  } catch (const soci::soci_error& error) {
    const Failure failure = failure_of(error, *lease->session, url_.engine);
    broken = failure == Failure::kConnection;
    status = error_for(failure, error.what(), false);
  }
  pool_->release(std::move(*lease), broken);
  return status;
}

Status SqlStore::bulk_load_session(const std::function<Status(soci::session&)>& work) {
  if (url_.engine != Engine::kSqlite) return run_pooled(true, work);
  std::lock_guard lock(writer_mutex_);
  // Outside any transaction. Leaving WAL needs no other connection open; if one is, SQLite keeps
  // WAL and says so in `mode`: the load is then only slower.
  std::string mode;
  *writer_ << "PRAGMA journal_mode = DELETE", soci::into(mode);
  Attempt attempt = run_once(*writer_, true, work);
  *writer_ << "PRAGMA journal_mode = WAL", soci::into(mode);
  return attempt.failure == Failure::kNone ? std::move(attempt.status)
                                           : error_for(attempt.failure, attempt.detail, false);
}

Status SqlStore::write_session(const std::function<Status(soci::session&)>& work) {
  if (url_.engine == Engine::kSqlite) {
    std::lock_guard lock(writer_mutex_);
    Attempt attempt = run_once(*writer_, true, work);
    return attempt.failure == Failure::kNone ? std::move(attempt.status)
                                             : error_for(attempt.failure, attempt.detail, false);
  }
  return run_pooled(true, work);
}

}  // namespace chibo::storage
