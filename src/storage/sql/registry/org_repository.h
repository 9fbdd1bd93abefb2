// Organizations on SOCI (SQLite and PostgreSQL alike).
#pragma once

#include <soci/soci.h>

#include "app/ports/store.h"
#include "storage/sql/derived/member_stats.h"
#include "storage/sql/engine/dialect.h"
#include "storage/sql/search/search_index_loader.h"

namespace chibo::storage {

class SqlOrgRepository : public app::OrgRepository {
 public:
  SqlOrgRepository(soci::session& session, const std::vector<std::string>& on_roll_statuses,
                   IndexChanges* changes = nullptr,
                   long long stats_threshold = kDefaultStatsThreshold)
      : session_(session),
        on_roll_statuses_(on_roll_statuses),
        changes_(changes),
        stats_threshold_(stats_threshold) {}

  std::optional<app::Organization> find(OrgId id) override;
  std::vector<app::Organization> find_many(const std::vector<OrgId>& ids) override;
  std::vector<app::Organization> children(OrgId parent, bool include_inactive) override;
  std::map<OrgId, app::MemberCounts> counts(const std::vector<OrgId>& ids) override;
  std::map<OrgId, int64_t> active_child_counts(const std::vector<OrgId>& ids) override;
  std::vector<app::Organization> search(const std::vector<std::string>& words,
                                        const std::vector<std::string>& kinds,
                                        const std::vector<OrgPath>& within, int limit) override;
  std::optional<OrgId> find_by_code(const std::string& code) override;

  void insert(app::Organization& org) override;
  bool update_fields(app::Organization& org) override;
  void move_subtree(const app::Organization& node, const app::Organization& new_parent,
                    const std::string& now) override;
  int64_t close_subtree(const app::Organization& node, domain::OrgStatus status, Date on,
                        OrgId merged_into, const std::string& now) override;

 private:
  std::vector<app::Organization> select(const std::string& where_and_order,
                                        class Bindings& bindings);

  soci::session& session_;
  const std::vector<std::string>& on_roll_statuses_;
  IndexChanges* changes_;
  long long stats_threshold_;
};

}  // namespace chibo::storage
