// chibo db copy (database_copy.h): from the test store's engine to SQLite and, with
// CHIBO_TEST_POSTGRES, to PostgreSQL and back; refusals; and a failed copy leaves nothing.
#include "storage/sql/tools/database_copy.h"
#include "app/runner.h"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/audit_views.h"
#include "app/member_changes.h"
#include "storage/sql/engine/sql_store.h"
#include "storage/sql/tools/consistency.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using chibo::testing::TempStore;
namespace fs = std::filesystem;

const char* pg_server() {
  const char* server = std::getenv("CHIBO_TEST_POSTGRES");
  return server && *server ? server : nullptr;
}

// A fresh PostgreSQL database on the test server, dropped at the end.
struct TempDatabase {
  std::string name, url;
  explicit TempDatabase(const std::string& suffix) {
    name = "chibo_copy_" + suffix + "_" + std::to_string(getpid());
    chibo::testing::run_on_server(pg_server(), "CREATE DATABASE " + name);
    url = chibo::testing::postgres_url_with_database(pg_server(), name);
  }
  ~TempDatabase() {
    chibo::testing::run_on_server(pg_server(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }
};

class Copy : public ::testing::Test {
 protected:
  void SetUp() override {
    tree_ = temp_.make_tree();
    const auto& tree = tree_;
    for (const char* id : {"001080000021", "001080000022", "001180000023"}) {
      auto patch = chibo::testing::valid_member_patch(tree[3].value);
      patch["citizen_id"] = id;
      if (std::string(id) == "001180000023") patch["sex"] = "female";
      auto created = app::run_write(temp_.services(), temp_.actor(), app::create_member, patch);
      ASSERT_TRUE(created) << created.error().reason;
    }
  }

  Result<CopyReport> copy(const std::string& from, const std::string& to) {
    CopyOptions options;
    options.now_utc = "2026-11-29T04:00:00.000Z";
    return copy_database(*DatabaseUrl::parse(from), *DatabaseUrl::parse(to), options);
  }

  // Opens `url` as chibo would and checks it like `chibo check` and `chibo audit verify`.
  void expect_sound(const std::string& url, long long members) {
    StoreOptions options;
    options.migrate = false;
    options.on_roll_statuses = chibo::testing::catalog().on_roll_statuses();
    auto store = SqlStore::open(*DatabaseUrl::parse(url), options, "2026-11-29T04:00:00.000Z");
    ASSERT_TRUE(store) << store.error().reason << " " << store.error().param("detail");
    auto problems = check_consistency(**store);
    ASSERT_TRUE(problems);
    EXPECT_TRUE(problems->empty()) << problems->front();
    app::Services services{**store, chibo::testing::catalog(), chibo::testing::rules(),
                           temp_.clock(), chibo::testing::calendar()};
    auto verified = app::run_read(services, app::Actor::system("audit"),
                                  [](app::Context& c) { return app::verify_audit(c); });
    ASSERT_TRUE(verified);
    EXPECT_TRUE(verified->ok) << verified->problem;
    long long count = 0;
    ASSERT_TRUE((*store)->write_session([&](soci::session& sql) -> Status {
      sql << "SELECT COUNT(*) FROM members", soci::into(count);
      return Ok();
    }));
    EXPECT_EQ(count, members);
  }

  const CopiedTable* table(const CopyReport& report, const std::string& name) {
    for (const CopiedTable& copied : report.tables)
      if (copied.name == name) return &copied;
    return nullptr;
  }

  TempStore temp_;
  std::vector<OrgId> tree_;
};

TEST_F(Copy, ToANewSqliteFileWithEveryTableChecked) {
  const std::string target = "sqlite:" + (temp_.folder() / "copy.db").string();
  auto report = copy(temp_.url(), target);
  ASSERT_TRUE(report) << report.error().reason << " " << report.error().param("detail");
  ASSERT_NE(table(*report, "members"), nullptr);
  EXPECT_EQ(table(*report, "members")->rows, 3);
  EXPECT_EQ(table(*report, "organizations")->rows, 5);
  EXPECT_GE(report->audit_events, 8);
  EXPECT_TRUE(report->audit_verified);
  expect_sound(target, 3);
}

TEST_F(Copy, RefusesATargetThatExistsOrIsTheSource) {
  const fs::path existing = temp_.folder() / "there.db";
  { std::ofstream(existing.string()) << ""; }
  auto refused = copy(temp_.url(), "sqlite:" + existing.string());
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "--to");
  EXPECT_EQ(refused.error().fields[0].code, "db_copy_target_exists");
  auto same = copy(temp_.url(), temp_.url());
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().fields[0].code, "db_copy_same");
  auto missing = copy("sqlite:" + (temp_.folder() / "none.db").string(),
                      "sqlite:" + (temp_.folder() / "out.db").string());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().fields[0].field, "--from");
}

TEST_F(Copy, ASourceOfAnotherSchemaVersionIsRefused) {
  ASSERT_TRUE(temp_.store().write_session([](soci::session& sql) -> Status {
    sql << "DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM "
           "schema_migrations)";
    return Ok();
  }));
  const fs::path target = temp_.folder() / "old.db";
  auto refused = copy(temp_.url(), "sqlite:" + target.string());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields[0].code, "db_copy_source_version");
  EXPECT_FALSE(fs::exists(target));
}

TEST_F(Copy, AFailedCopyLeavesNoTargetBehind) {
  // A search key whose member does not exist, written past the foreign keys: the copy
  // checks references and gives up.
  const std::string orphan =
      "INSERT INTO member_search_keys (search_key, prev_key, org_path, status, sort_key, "
      "member_id) VALUES ('x', '', '/1/', 'official', 'x', 424242)";
  if (temp_.on_postgres()) {
    soci::session raw(*soci::factory_postgresql(), DatabaseUrl::parse(temp_.url())->conninfo);
    raw << "ALTER TABLE member_search_keys DROP CONSTRAINT member_search_keys_member_id_fkey";
    raw << orphan;
  } else {
    // A connection of SQLite's own checks no foreign keys unless asked to.
    soci::session raw(*soci::factory_sqlite3(),
                      "db=\"" + DatabaseUrl::parse(temp_.url())->sqlite_path + "\"");
    raw << orphan;
  }
  const fs::path target = temp_.folder() / "broken.db";
  auto failed = copy(temp_.url(), "sqlite:" + target.string());
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().fields.at(0).code, "db_copy_broken_reference");
  EXPECT_FALSE(fs::exists(target));
  for (const auto& entry : fs::directory_iterator(temp_.folder()))
    EXPECT_EQ(entry.path().filename().string().find("broken.db"), std::string::npos)
        << entry.path();
  if (pg_server()) {
    TempDatabase database("broken");
    auto refused = copy(temp_.url(), database.url);
    ASSERT_FALSE(refused);
    // Rolled back: the target has no table at all, so a repaired source may be copied there.
    soci::session check(*soci::factory_postgresql(), DatabaseUrl::parse(database.url)->conninfo);
    long long tables = -1;
    check << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
        soci::into(tables);
    EXPECT_EQ(tables, 0);
  }
}

TEST_F(Copy, ToPostgresqlAndBackWithTheSameChecksums) {
  if (!pg_server()) GTEST_SKIP() << "needs CHIBO_TEST_POSTGRES";
  TempDatabase database("round");
  auto there = copy(temp_.url(), database.url);
  ASSERT_TRUE(there) << there.error().reason << " " << there.error().param("detail");
  expect_sound(database.url, 3);
  const std::string back = "sqlite:" + (temp_.folder() / "back.db").string();
  auto returned = copy(database.url, back);
  ASSERT_TRUE(returned) << returned.error().reason << " " << returned.error().param("detail");
  ASSERT_EQ(there->tables.size(), returned->tables.size());
  for (size_t index = 0; index < there->tables.size(); ++index) {
    EXPECT_EQ(there->tables[index].name, returned->tables[index].name);
    EXPECT_EQ(there->tables[index].checksum, returned->tables[index].checksum)
        << there->tables[index].name;
  }
  expect_sound(back, 3);
  // New rows on the copy get fresh ids (its sequences were moved past the copied ones).
  StoreOptions options;
  options.on_roll_statuses = chibo::testing::catalog().on_roll_statuses();
  auto store =
      SqlStore::open(*DatabaseUrl::parse(database.url), options, "2026-11-29T04:00:00.000Z");
  ASSERT_TRUE(store);
  app::Services services{**store, chibo::testing::catalog(), chibo::testing::rules(), temp_.clock(),
                         chibo::testing::calendar()};
  auto patch = chibo::testing::valid_member_patch(tree_[3].value);
  patch["citizen_id"] = "001080000099";
  auto added = app::run_write(services, temp_.actor(), app::create_member, patch);
  ASSERT_TRUE(added) << added.error().reason;
  EXPECT_EQ(added->member.id.value, 4);
  // And a database that holds tables is not a copy target.
  auto again = copy(temp_.url(), database.url);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().fields[0].code, "db_copy_target_not_empty");
}

}  // namespace
}  // namespace chibo::storage
