// chibo db backup (sqlite_backup.h): a backup taken while members are being written holds a
// consistent snapshot that opens as a sound chibo database; refusals leave nothing behind.
#include "storage/sql/tools/sqlite_backup.h"
#include "app/runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/member_changes.h"
#include "app/org_views.h"
#include "storage/sql/engine/sql_store.h"
#include "storage/sql/tools/consistency.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"

namespace chibo::storage {
namespace {

using chibo::testing::TempStore;
namespace fs = std::filesystem;

TEST(SqliteBackup, ASnapshotTakenUnderWritesOpensSound) {
  TempStore temp;
  if (temp.on_postgres()) GTEST_SKIP() << "SQLite's backup API";
  const auto tree = temp.make_tree();
  std::atomic<bool> stop = false;
  std::atomic<int> written = 0;
  std::thread writer([&] {
    for (int serial = 1; !stop && serial < 2000; ++serial) {
      char cccd[32];  // room for any int, so -Wformat-truncation stays quiet
      std::snprintf(cccd, sizeof cccd, "001080%06d", serial);
      auto created = app::run_write(temp.services(), temp.actor(), app::create_member,
                                    chibo::testing::valid_member_patch(tree[3].value, cccd));
      if (created) ++written;
    }
  });
  while (written < 20) std::this_thread::yield();
  const std::string source = temp.url().substr(std::string("sqlite:").size());
  const fs::path target = temp.folder() / "backup.db";
  auto report = backup_sqlite(source, target.string());
  stop = true;
  writer.join();
  ASSERT_TRUE(report) << report.error().reason << " " << report.error().param("detail");
  EXPECT_GT(report->pages, 0);
  EXPECT_GT(report->schema_version, 0);
  EXPECT_FALSE(fs::exists(target.string() + "-wal"));

  // The copy is a chibo database whose counts agree with its members: one snapshot.
  StoreOptions options;
  options.migrate = false;
  options.on_roll_statuses = chibo::testing::catalog().on_roll_statuses();
  auto copy = SqlStore::open(*DatabaseUrl::parse("sqlite:" + target.string()), options,
                             "2026-11-29T04:00:00.000Z");
  ASSERT_TRUE(copy) << copy.error().reason;
  auto problems = check_consistency(**copy);
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
  app::Services services{**copy, chibo::testing::catalog(), chibo::testing::rules(), temp.clock(),
                         chibo::testing::calendar()};
  auto cell = app::run_read(services, temp.actor(), app::get_org, tree[3]);
  ASSERT_TRUE(cell);
  EXPECT_GE(cell->view.counts.total, 20);
  EXPECT_LE(cell->view.counts.total, written.load());
}

TEST(SqliteBackup, RefusesAnExistingTargetAndAMissingSource) {
  TempStore temp;
  if (temp.on_postgres()) GTEST_SKIP() << "SQLite's backup API";
  const std::string source = temp.url().substr(std::string("sqlite:").size());
  const fs::path taken = temp.folder() / "taken.db";
  { std::ofstream(taken.string()) << "keep me"; }
  auto refused = backup_sqlite(source, taken.string());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.front().field, "--to");
  EXPECT_EQ(refused.error().fields.front().code, "db_copy_target_exists");
  EXPECT_EQ(fs::file_size(taken), 7u);

  auto missing =
      backup_sqlite((temp.folder() / "nothing.db").string(), (temp.folder() / "out.db").string());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().fields.front().field, "--db");
  EXPECT_FALSE(fs::exists(temp.folder() / "out.db"));
  for (const auto& entry : fs::directory_iterator(temp.folder()))
    EXPECT_EQ(entry.path().string().find(".backup-"), std::string::npos) << entry.path();
}

}  // namespace
}  // namespace chibo::storage
