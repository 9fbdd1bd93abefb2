// A real SQLite store in a temporary folder, with services and a fixed clock, for tests of
// the storage adapter and the use cases.
#pragma once

#include <filesystem>
#include <memory>

#include "app/context.h"
#include "storage/sql/sql_store.h"

namespace chibo::testing {

class TempStore {
 public:
  // `search_index`: keep the in-memory name index, as `chibo serve` does.
  explicit TempStore(bool search_index = false);
  // Opens another store on the same database file.
  std::unique_ptr<storage::SqlStore> reopen(bool search_index);
  ~TempStore();

  storage::SqlStore& store() { return *store_; }
  app::Services& services() { return *services_; }
  app::FixedClock& clock() { return clock_; }
  const std::filesystem::path& folder() const { return folder_; }
  std::string url() const { return "sqlite:" + (folder_ / "chibo.db").string(); }
  app::Actor actor() const { return app::Actor::system("test", "req-1"); }

  // Creates a small tree: bloc (root) > committee > base committee > two cells; returns ids
  // in that order: {bloc, committee, base, cell_a, cell_b}.
  std::vector<OrgId> make_tree();

 private:
  std::filesystem::path folder_;
  std::unique_ptr<storage::SqlStore> store_;
  app::FixedClock clock_;
  std::unique_ptr<app::Services> services_;
};

}  // namespace chibo::testing
