#include "testing/temp_store.h"
#include "app/runner.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "app/org_changes.h"
#include "testing/fixtures.h"

#include <soci/postgresql/soci-postgresql.h>

namespace chibo::testing {

std::string postgres_url_with_database(const std::string& server_url, const std::string& name) {
  // postgresql://user@host:port/dbname?options: swap the path's database name.
  const size_t scheme = server_url.find("://");
  const size_t slash = server_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  const size_t query = server_url.find('?');
  std::string url = server_url.substr(0, slash == std::string::npos ? query : slash) + "/" + name;
  if (query != std::string::npos) url += server_url.substr(query);
  return url;
}

void run_on_server(const std::string& server_url, const std::string& sql) {
  auto url = storage::DatabaseUrl::parse(server_url);
  if (!url) {
    ADD_FAILURE() << "CHIBO_TEST_POSTGRES is not a postgresql:// URL: " << server_url;
    std::abort();
  }
  soci::session session(*soci::factory_postgresql(), url->conninfo);
  session << sql;
}

TempStore::TempStore(bool search_index, long long stats_threshold)
    : clock_("2026-11-29T03:00:00.000Z", *Date::parse("2026-11-29")) {
  std::string pattern = (std::filesystem::temp_directory_path() / "chibo-test-XXXXXX").string();
  folder_ = mkdtemp(pattern.data());
  url_ = "sqlite:" + (folder_ / "chibo.db").string();
  if (const char* server = std::getenv("CHIBO_TEST_POSTGRES"); server && *server) {
    database_ =
        "chibo_test_" + folder_.filename().string().substr(11) + "_" + std::to_string(getpid());
    for (char& c : database_) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    url_ = postgres_url_with_database(server, database_);
    run_on_server(server, "CREATE DATABASE " + database_);
  }
  storage::StoreOptions options;
  options.on_roll_statuses = catalog().on_roll_statuses();
  options.search_index = search_index;
  if (stats_threshold > 0) options.stats_threshold = stats_threshold;
  auto url = storage::DatabaseUrl::parse(url_);
  auto opened = storage::SqlStore::open(*url, options, clock_.now_utc());
  if (!opened) {
    ADD_FAILURE() << "cannot open test store: " << opened.error().reason;
    std::abort();
  }
  store_ = std::move(*opened);
  services_ = std::make_unique<app::Services>(
      app::Services{*store_, catalog(), rules(), clock_, calendar()});
}

std::unique_ptr<storage::SqlStore> TempStore::reopen(bool search_index,
                                                     const storage::SearchLimits& search) {
  storage::StoreOptions options;
  options.search = search;
  options.on_roll_statuses = catalog().on_roll_statuses();
  options.search_index = search_index;
  auto opened =
      storage::SqlStore::open(*storage::DatabaseUrl::parse(url()), options, clock_.now_utc());
  if (!opened) {
    ADD_FAILURE() << "cannot reopen test store: " << opened.error().reason;
    return nullptr;
  }
  return std::move(*opened);
}

TempStore::~TempStore() {
  services_.reset();
  store_.reset();
  if (!database_.empty()) {
    run_on_server(std::getenv("CHIBO_TEST_POSTGRES"),
                  "DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
  }
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

std::vector<OrgId> TempStore::make_tree() {
  auto create = [&](OrgId parent, const char* kind, const char* name, const char* code) {
    domain::OrgDraft draft;
    draft.kind = kind;
    draft.name = name;
    draft.code = code;
    auto created = app::run_write(*services_, actor(), app::create_org, parent, draft);
    if (!created) {
      ADD_FAILURE() << "create " << name << ": " << created.error().reason;
      return OrgId();
    }
    return created->org.id;
  };
  const OrgId bloc = create(OrgId(), "committee_central", "Đảng bộ Khối", "B");
  const OrgId committee = create(bloc, "committee_above_base", "Đảng bộ Bộ Tư pháp", "B.1");
  const OrgId base = create(committee, "base_committee", "Đảng bộ Vụ Pháp chế", "B.1.1");
  const OrgId cell_a = create(base, "cell", "Chi bộ Phòng Một", "B.1.1.1");
  const OrgId cell_b = create(base, "cell", "Chi bộ Phòng Hai", "B.1.1.2");
  return {bloc, committee, base, cell_a, cell_b};
}

}  // namespace chibo::testing
