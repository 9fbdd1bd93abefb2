// The SQL adapter's contract on SQLite: migrations, transactions, refusal of newer schemas.
#include "storage/sql/engine/sql_store.h"
#include "app/runner.h"

#include <gtest/gtest.h>

#include "app/member_changes.h"
#include "app/org_changes.h"
#include "storage/sql/engine/migrations.h"
#include "storage/sql/tools/consistency.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using chibo::testing::TempStore;

long long count_rows(SqlStore& store, const std::string& table) {
  long long count = -1;
  EXPECT_TRUE(store.write_session([&](soci::session& session) -> Status {
    session << "SELECT COUNT(*) FROM " + table, soci::into(count);
    return Ok();
  }));
  return count;
}

TEST(Migrations, SplitsStatementsButKeepsTriggerBodiesWhole) {
  const auto statements = split_sql_statements(
      "-- comment\nCREATE TABLE a (x INT);\nCREATE TRIGGER t BEFORE UPDATE ON a\nBEGIN\n  SELECT "
      "RAISE(ABORT, 'no');\nEND;\n"
      "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  RETURN NULL;\nEND;\n$$ LANGUAGE "
      "plpgsql;\nINSERT INTO a VALUES (1);\n");
  ASSERT_EQ(statements.size(), 4u);
  EXPECT_NE(statements[1].find("RAISE"), std::string::npos);
  EXPECT_NE(statements[1].find("END;"), std::string::npos);
  EXPECT_NE(statements[2].find("LANGUAGE plpgsql"), std::string::npos);
}

TEST(Migrations, AppliedOnceAndRecorded) {
  TempStore temp;
  const int latest = known_migrations().back().version;
  ASSERT_TRUE(temp.store().write_session([&](soci::session& session) -> Status {
    EXPECT_EQ(schema_version(session), latest);
    return Ok();
  }));
  EXPECT_EQ(count_rows(temp.store(), "schema_migrations"),
            static_cast<long long>(known_migrations().size()));
}

TEST(Migrations, AFailedMigrationLeavesTheDatabaseAsItWas) {
  TempStore temp;
  std::vector<Migration> migrations = known_migrations();
  const int next = migrations.back().version + 1;
  migrations.push_back({next, "good_then_bad",
                        "CREATE TABLE extra (x INT);\nINSERT INTO no_such_table VALUES (1);\n"});
  Status status = temp.store().write_session([&](soci::session& session) -> Status {
    session << "ROLLBACK";  // migrate() manages its own transaction
    auto result = migrate(session, temp.store().engine(), migrations, "2026-11-29T00:00:00Z");
    EXPECT_FALSE(result);
    EXPECT_EQ(result.error().reason, "migration_failed");
    EXPECT_EQ(schema_version(session), next - 1);
    long long tables = 0;
    session << (temp.on_postgres()
                    ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'extra'"
                    : "SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'"),
        soci::into(tables);
    EXPECT_EQ(tables, 0);
    session << "BEGIN";
    return Ok();
  });
  EXPECT_TRUE(status);
}

TEST(Migrations, ADatabaseFromANewerChiboIsRefused) {
  TempStore temp;
  const std::string url = temp.url();
  ASSERT_TRUE(temp.store().write_session([](soci::session& session) -> Status {
    session
        << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'x')";
    return Ok();
  }));
  StoreOptions options;
  auto reopened = SqlStore::open(*DatabaseUrl::parse(url), options, "2026-11-29T00:00:00Z");
  ASSERT_FALSE(reopened);
  EXPECT_EQ(reopened.error().reason, "database_too_new");
  EXPECT_EQ(reopened.error().param("found"), "9999");
}

// `chibo serve --no-migrate`: a schema behind this build is refused by name, not run on; the
// read-only tools (audit verify: neither migrate nor require_current) still open it.
TEST(Migrations, WithoutMigratingASchemaBehindIsRefusedWhenCurrentIsRequired) {
  TempStore temp;
  const std::string url = temp.url();
  const int latest = known_migrations(temp.store().engine()).back().version;
  ASSERT_TRUE(temp.store().write_session([&](soci::session& session) -> Status {
    session << "DELETE FROM schema_migrations WHERE version = " + std::to_string(latest);
    return Ok();
  }));
  const int behind = [&] {
    int version = 0;
    EXPECT_TRUE(temp.store().write_session([&](soci::session& session) -> Status {
      version = schema_version(session);
      return Ok();
    }));
    return version;
  }();
  ASSERT_LT(behind, latest);
  StoreOptions options;
  options.migrate = false;
  options.require_current = true;
  auto refused = SqlStore::open(*DatabaseUrl::parse(url), options, "2026-11-29T00:00:00Z");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().reason, "schema_behind");
  EXPECT_EQ(refused.error().param("found"), std::to_string(behind));
  EXPECT_EQ(refused.error().param("supported"), std::to_string(latest));

  options.require_current = false;
  auto read_only = SqlStore::open(*DatabaseUrl::parse(url), options, "2026-11-29T00:00:00Z");
  ASSERT_TRUE(read_only) << read_only.error().reason;
  EXPECT_EQ((*read_only)->schema_version_at_open(), behind);
  EXPECT_EQ((*read_only)->migrations_applied(), 0);
}

// A current schema is opened without any DDL (the least-privilege role on PostgreSQL may not
// run any): nothing applied, and the same version before and after.
TEST(Migrations, ACurrentSchemaIsLeftAlone) {
  TempStore temp;
  const int latest = known_migrations(temp.store().engine()).back().version;
  StoreOptions options;
  auto reopened = SqlStore::open(*DatabaseUrl::parse(temp.url()), options, "2026-11-29T00:00:00Z");
  ASSERT_TRUE(reopened) << reopened.error().reason;
  EXPECT_EQ((*reopened)->schema_version_at_open(), latest);
  EXPECT_EQ((*reopened)->migrations_applied(), 0);
}

TEST(SqlStore, ABulkLoadGoesThroughARollbackJournalAllOrNothingThenWalAgain) {
  TempStore temp;
  if (temp.on_postgres()) GTEST_SKIP() << "the journal mode is SQLite's";
  auto journal_mode = [&] {
    std::string mode;
    EXPECT_TRUE(temp.store().write_session([&](soci::session& session) -> Status {
      session << "PRAGMA journal_mode", soci::into(mode);
      return Ok();
    }));
    return mode;
  };
  EXPECT_EQ(journal_mode(), "wal");
  // A failed load leaves nothing, and the database is in WAL again.
  Status failed = temp.store().bulk_load_session([](soci::session& session) -> Status {
    std::string mode;
    session << "PRAGMA journal_mode", soci::into(mode);
    EXPECT_EQ(mode, "delete");
    session << "CREATE TABLE loaded (x INT)";
    session << "INSERT INTO loaded VALUES (1)";
    return Error::invalid_field("x", "test_failure");
  });
  EXPECT_FALSE(failed);
  EXPECT_EQ(journal_mode(), "wal");
  long long tables = -1;
  ASSERT_TRUE(temp.store().write_session([&](soci::session& session) -> Status {
    session << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'loaded'", soci::into(tables);
    return Ok();
  }));
  EXPECT_EQ(tables, 0);
  ASSERT_TRUE(temp.store().bulk_load_session([](soci::session& session) -> Status {
    session << "CREATE TABLE loaded (x INT)";
    session << "INSERT INTO loaded VALUES (1)";
    return Ok();
  }));
  EXPECT_EQ(count_rows(temp.store(), "loaded"), 1);
  EXPECT_EQ(journal_mode(), "wal");
}

TEST(DatabaseUrl, ParsesBothEngines) {
  EXPECT_EQ(DatabaseUrl::parse("sqlite:chibo.db")->sqlite_path, "chibo.db");
  EXPECT_EQ(DatabaseUrl::parse("sqlite:///var/lib/chibo.db")->sqlite_path, "/var/lib/chibo.db");
  EXPECT_EQ(DatabaseUrl::parse("postgresql://u@h1,h2/db?target_session_attrs=read-write")->engine,
            Engine::kPostgres);
  EXPECT_FALSE(DatabaseUrl::parse("mysql://x"));
  // Several hosts and their options reach libpq as it defines them.
  const auto multi = DatabaseUrl::parse(
      "postgresql://chibo@db1:5432,db2:5433/"
      "party?target_session_attrs=read-write&connect_timeout=3");
  ASSERT_TRUE(multi);
  EXPECT_NE(multi->conninfo.find("host='db1,db2'"), std::string::npos) << multi->conninfo;
  EXPECT_NE(multi->conninfo.find("port='5432,5433'"), std::string::npos);
  EXPECT_NE(multi->conninfo.find("target_session_attrs='read-write'"), std::string::npos);
  EXPECT_NE(multi->conninfo.find("client_encoding='UTF8'"), std::string::npos);
  // Messages never show a password.
  EXPECT_EQ(DatabaseUrl::parse("postgresql://chibo:s3cret@db1/party")->text,
            "postgresql://chibo:***@db1/party");
  EXPECT_EQ(
      DatabaseUrl::parse("postgresql://db1/party?user=chibo&password=s3cret&sslmode=require")->text,
      "postgresql://db1/party?user=chibo&password=***&sslmode=require");
  EXPECT_FALSE(DatabaseUrl::parse("sqlite:"));
}

TEST(Transactions, AnErrorRollsBackEverything) {
  TempStore temp;
  const auto tree = temp.make_tree();
  Status status = temp.store().write([&](app::Transaction& tx) -> Status {
    const app::Actor actor = temp.actor();
    app::Context ctx(temp.services(), actor, tx);
    auto member = app::prepare_new_member(ctx, chibo::testing::valid_member_patch(tree[3].value));
    EXPECT_TRUE(member);
    tx.members().insert(*member);
    return Error::conflict("changed_my_mind");
  });
  EXPECT_FALSE(status);
  EXPECT_EQ(count_rows(temp.store(), "members"), 0);
  EXPECT_EQ(count_rows(temp.store(), "member_search_keys"), 0);
  EXPECT_EQ(count_rows(temp.store(), "org_member_counts WHERE n <> 0"), 0);
}

TEST(Transactions, AnExceptionRollsBackAndPropagates) {
  TempStore temp;
  const auto tree = temp.make_tree();
  EXPECT_THROW((void)temp.store().write([&](app::Transaction& tx) -> Status {
    const app::Actor actor = temp.actor();
    app::Context ctx(temp.services(), actor, tx);
    auto member = app::prepare_new_member(ctx, chibo::testing::valid_member_patch(tree[3].value));
    tx.members().insert(*member);
    throw std::runtime_error("bug");
  }),
               std::runtime_error);
  EXPECT_EQ(count_rows(temp.store(), "members"), 0);
  // The writer is usable again afterwards.
  EXPECT_TRUE(app::run_write(temp.services(), temp.actor(), app::create_member,
                             chibo::testing::valid_member_patch(tree[3].value)));
  EXPECT_EQ(count_rows(temp.store(), "members"), 1);
}

TEST(Consistency, AFreshAndAWorkedDatabaseAreConsistent) {
  TempStore temp;
  const auto tree = temp.make_tree();
  ASSERT_TRUE(app::run_write(temp.services(), temp.actor(), app::create_member,
                             chibo::testing::valid_member_patch(tree[3].value)));
  auto problems = check_consistency(temp.store());
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
  // Break a count behind chibo's back: the check finds it.
  ASSERT_TRUE(temp.store().write_session([](soci::session& session) -> Status {
    session << "UPDATE org_member_counts SET n = n + 1";
    return Ok();
  }));
  problems = check_consistency(temp.store());
  ASSERT_TRUE(problems);
  ASSERT_EQ(problems->size(), 1u);
  EXPECT_NE(problems->front().find("recount"), std::string::npos);
}

}  // namespace
}  // namespace chibo::storage
