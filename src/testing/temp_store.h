// A real store with services and a fixed clock, for tests of the storage adapter and the use
// cases: SQLite in a temporary folder, or, when CHIBO_TEST_POSTGRES holds a server's URL
// (scripts/pg-cluster.sh run sets it), a fresh PostgreSQL database on that server, dropped
// at the end. The same tests thus check both engines.
#pragma once

#include <filesystem>
#include <memory>

#include "app/context.h"
#include "storage/sql/engine/sql_store.h"

namespace chibo::testing {

// `server_url` with its database name replaced by `name`.
std::string postgres_url_with_database(const std::string& server_url, const std::string& name);
// Runs one statement on the server's maintenance database (CREATE / DROP DATABASE).
void run_on_server(const std::string& server_url, const std::string& sql);

class TempStore {
 public:
  // `search_index`: keep the in-memory name index, as `chibo serve` does.
  // `stats_threshold`: subtrees this large keep their breakdowns
  // (storage/sql/derived/member_stats.h).
  explicit TempStore(bool search_index = false, long long stats_threshold = 0);
  // Opens another store on the same database file.
  std::unique_ptr<storage::SqlStore> reopen(bool search_index,
                                            const storage::SearchLimits& search = {});
  ~TempStore();

  storage::SqlStore& store() { return *store_; }
  app::Services& services() { return *services_; }
  app::FixedClock& clock() { return clock_; }
  const std::filesystem::path& folder() const { return folder_; }
  // The database's URL (sqlite:... or postgresql://...).
  const std::string& url() const { return url_; }
  bool on_postgres() const { return !database_.empty(); }
  app::Actor actor() const { return app::Actor::system("test", "req-1"); }

  // Creates a small tree: bloc (root) > committee > base committee > two cells; returns ids
  // in that order: {bloc, committee, base, cell_a, cell_b}.
  std::vector<OrgId> make_tree();

 private:
  std::filesystem::path folder_;
  std::string url_;
  std::string database_;  // PostgreSQL: the database created for this store
  std::unique_ptr<storage::SqlStore> store_;
  app::FixedClock clock_;
  std::unique_ptr<app::Services> services_;
};

}  // namespace chibo::testing
