#include "testing/temp_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "app/org_changes.h"
#include "testing/fixtures.h"

namespace chibo::testing {

TempStore::TempStore(bool search_index)
    : clock_("2026-11-29T03:00:00.000Z", *Date::parse("2026-11-29")) {
  std::string pattern = (std::filesystem::temp_directory_path() / "chibo-test-XXXXXX").string();
  folder_ = mkdtemp(pattern.data());
  storage::StoreOptions options;
  options.on_roll_statuses = catalog().on_roll_statuses();
  options.search_index = search_index;
  auto url = storage::DatabaseUrl::parse(this->url());
  auto opened = storage::SqlStore::open(*url, options, clock_.now_utc());
  if (!opened) {
    ADD_FAILURE() << "cannot open test store: " << opened.error().reason;
    std::abort();
  }
  store_ = std::move(*opened);
  services_ = std::make_unique<app::Services>(
      app::Services{*store_, catalog(), rules(), clock_, calendar()});
}

std::unique_ptr<storage::SqlStore> TempStore::reopen(bool search_index) {
  storage::StoreOptions options;
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
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

std::vector<OrgId> TempStore::make_tree() {
  auto create = [&](OrgId parent, const char* kind, const char* name, const char* code) {
    domain::OrgDraft draft;
    draft.kind = kind;
    draft.name = name;
    draft.code = code;
    auto created = app::create_org(*services_, actor(), parent, draft);
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
