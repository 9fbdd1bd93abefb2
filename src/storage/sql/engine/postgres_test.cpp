// What only PostgreSQL needs of the store: nothing left on a server session between
// transactions (pgbouncer's transaction pooling), connections that come back after the
// server dropped them, and concurrent writers. Skipped on SQLite (CTest's unit.postgresql runs
// them: CHIBO_TEST_POSTGRES).
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>

#include <unistd.h>

#include <cstdlib>
#include <thread>

#include "app/member_changes.h"
#include "app/member_views.h"
#include "app/runner.h"
#include "storage/sql/engine/migrations.h"
#include "storage/sql/engine/sql_store.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using chibo::testing::TempStore;

#define SKIP_UNLESS_POSTGRES(temp) \
  if (!(temp).on_postgres()) GTEST_SKIP() << "PostgreSQL only (set CHIBO_TEST_POSTGRES)"

// A connection of the test's own, beside the store's pool.
std::unique_ptr<soci::session> side_session(const TempStore& temp) {
  return std::make_unique<soci::session>(*soci::factory_postgresql(),
                                         DatabaseUrl::parse(temp.url())->conninfo);
}

TEST(Postgres, NoStatementOutlivesItsTransaction) {
  TempStore temp;
  SKIP_UNLESS_POSTGRES(temp);
  const auto tree = temp.make_tree();
  ASSERT_TRUE(app::run_write(temp.services(), temp.actor(), app::create_member,
                             chibo::testing::valid_member_patch(tree[3].value)));
  app::MemberQuery query;
  query.q = "nguyen";
  ASSERT_TRUE(app::run_read(temp.services(), temp.actor(), app::list_members, query));
  // Sequential transactions reuse one pooled connection: it holds no prepared statement
  // (pgbouncer 1.18 in transaction mode would hand such a name to another client).
  long long prepared = -1;
  ASSERT_TRUE(temp.store().write_session([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM pg_prepared_statements", soci::into(prepared);
    return Ok();
  }));
  EXPECT_EQ(prepared, 0);
  EXPECT_EQ(temp.store().pool_stats().open, 1);
}

TEST(Postgres, AReadSeesOneSnapshotThroughout) {
  TempStore temp;
  SKIP_UNLESS_POSTGRES(temp);
  const auto tree = temp.make_tree();
  auto side = side_session(temp);
  std::string first, second;
  ASSERT_TRUE(temp.store().read([&](app::Transaction& tx) -> Status {
    first = tx.orgs().find(tree[1])->name;
    // Another transaction renames it and commits while this read is still open.
    *side << "UPDATE organizations SET name = 'Đổi tên giữa chừng' WHERE id = " +
                 std::to_string(tree[1].value);
    second = tx.orgs().find(tree[1])->name;
    return Ok();
  }));
  EXPECT_EQ(second, first);  // READ COMMITTED would show the new name here
  ASSERT_TRUE(temp.store().read([&](app::Transaction& tx) -> Status {
    EXPECT_EQ(tx.orgs().find(tree[1])->name, "Đổi tên giữa chừng");  // the next read does
    return Ok();
  }));
}

// A fan-out writes hundreds of thousands of rows in the background; until autovacuum gets to
// them the planner takes them for absent and may read them all for one unit (measured at
// national scale: a summary at the root 64 ms instead of 3). Its last step refreshes the table's
// statistics in its own transaction: pg_class.reltuples, set by ANALYZE, counts the units then.
TEST(Postgres, AFinishedFanOutRefreshesItsTablesPlannerStatistics) {
  TempStore temp;
  SKIP_UNLESS_POSTGRES(temp);
  const auto tree = temp.make_tree();
  auto side = side_session(temp);
  *side << "ALTER TABLE review_units SET (autovacuum_enabled = off)";
  const auto reltuples = [&] {
    double tuples = 0;
    *side << "SELECT reltuples FROM pg_class WHERE relname = 'review_units'", soci::into(tuples);
    return tuples;
  };
  const double never_analyzed = reltuples();
  app::ReviewCampaign campaign;
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    const domain::Organization root = *tx.orgs().find(tree[0]);
    campaign.org_id = root.id;
    campaign.org_path = root.path;
    campaign.year = 2026;
    campaign.review_date = chibo::testing::date("2026-12-15");
    campaign.title = "Kiểm điểm năm 2026";
    campaign.state = "open";
    campaign.fanout_state = "running";
    campaign.created_at = campaign.updated_at = "2026-12-01T00:00:00Z";
    campaign.created_by = "test";
    tx.review().insert_campaign(campaign);
    std::string last_path;
    campaign.units = tx.review().fan_out_batch(campaign, 1000, last_path);
    campaign.fanout_cursor = last_path;
    campaign.fanout_batches = 1;
    EXPECT_TRUE(tx.review().update_campaign_fanout(campaign, 0));
    return Ok();
  }));
  ASSERT_GT(campaign.units, 0);
  EXPECT_EQ(reltuples(), never_analyzed) << "a running fan-out leaves the statistics alone";
  ASSERT_TRUE(temp.store().write([&](app::Transaction& tx) -> Status {
    campaign.fanout_state = "done";
    campaign.fanout_finished_at = "2026-12-01T00:00:01Z";
    EXPECT_TRUE(tx.review().update_campaign_fanout(campaign, 1));
    return Ok();
  }));
  EXPECT_EQ(reltuples(), static_cast<double>(campaign.units));
}

TEST(Postgres, ADroppedConnectionIsReplacedWithoutTheCallerNoticing) {
  TempStore temp;
  SKIP_UNLESS_POSTGRES(temp);
  const auto tree = temp.make_tree();
  // The server ends every connection of chibo's (as a restart or failover would).
  auto side = side_session(temp);
  *side << "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
           "current_database() AND pid <> pg_backend_pid()";
  // The pooled connection is dead; the transaction runs again on a new one.
  auto created = app::run_write(temp.services(), temp.actor(), app::create_member,
                                chibo::testing::valid_member_patch(tree[3].value));
  ASSERT_TRUE(created) << created.error().reason;
  EXPECT_EQ(temp.store().pool_stats().failures, 0);
}

TEST(Postgres, AServerThatTurnedReadOnlyGivesUnavailableNotAnInternalError) {
  TempStore temp;
  SKIP_UNLESS_POSTGRES(temp);
  const auto tree = temp.make_tree();
  // What a demoted primary answers to writes (25006), on every new connection too.
  auto side = side_session(temp);
  std::string database;
  *side << "SELECT current_database()", soci::into(database);
  *side << "ALTER DATABASE " + database + " SET default_transaction_read_only = on";
  *side << "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
           "current_database() AND pid <> pg_backend_pid()";
  auto refused = app::run_write(temp.services(), temp.actor(), app::create_member,
                                chibo::testing::valid_member_patch(tree[3].value));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(refused.error().reason, "database_unavailable");
  *side << "ALTER DATABASE " + database + " SET default_transaction_read_only = off";
}

TEST(Postgres, ConcurrentDuplicatesAreConflictsNotErrors) {
  TempStore temp;
  SKIP_UNLESS_POSTGRES(temp);
  const auto tree = temp.make_tree();
  // Both writers check that the CCCD is free before either commits; the loser's insert
  // meets the unique index, its transaction runs again and reports the duplicate.
  constexpr int kWriters = 6;
  std::vector<std::thread> writers;
  std::vector<ErrorCode> outcomes(kWriters, ErrorCode::kInternal);
  std::vector<bool> created(kWriters, false);
  for (int index = 0; index < kWriters; ++index) {
    writers.emplace_back([&, index] {
      auto result = app::run_write(temp.services(), temp.actor(), app::create_member,
                                   chibo::testing::valid_member_patch(tree[3].value));
      created[index] = result.ok();
      if (!result) outcomes[index] = result.error().code;
    });
  }
  for (std::thread& writer : writers) writer.join();
  int winners = 0;
  for (int index = 0; index < kWriters; ++index) {
    if (created[index]) {
      ++winners;
    } else {
      EXPECT_EQ(outcomes[index], ErrorCode::kConflict) << "writer " << index;
    }
  }
  EXPECT_EQ(winners, 1);
}

TEST(Postgres, ProcessesStartingTogetherMigrateOnce) {
  const char* server = std::getenv("CHIBO_TEST_POSTGRES");
  if (!server || !*server) GTEST_SKIP() << "PostgreSQL only (set CHIBO_TEST_POSTGRES)";
  const std::string name = "chibo_test_migrate_" + std::to_string(getpid());
  chibo::testing::run_on_server(server, "CREATE DATABASE " + name);
  const std::string url = chibo::testing::postgres_url_with_database(server, name);
  constexpr int kProcesses = 4;
  std::vector<std::thread> starters;
  std::vector<bool> opened(kProcesses, false);
  std::vector<std::string> failures(kProcesses);
  for (int index = 0; index < kProcesses; ++index) {
    starters.emplace_back([&, index] {
      auto store = SqlStore::open(*DatabaseUrl::parse(url), StoreOptions(), "2026-11-29T00:00:00Z");
      opened[index] = store.ok();
      if (!store) failures[index] = store.error().reason + " " + store.error().param("detail");
    });
  }
  for (std::thread& starter : starters) starter.join();
  for (int index = 0; index < kProcesses; ++index)
    EXPECT_TRUE(opened[index]) << index << ": " << failures[index];
  {
    soci::session check(*soci::factory_postgresql(), DatabaseUrl::parse(url)->conninfo);
    long long recorded = 0;
    check << "SELECT COUNT(*) FROM schema_migrations", soci::into(recorded);
    EXPECT_EQ(recorded, static_cast<long long>(known_migrations(Engine::kPostgres).size()));
  }
  chibo::testing::run_on_server(server, "DROP DATABASE " + name + " WITH (FORCE)");
}

}  // namespace
}  // namespace chibo::storage
