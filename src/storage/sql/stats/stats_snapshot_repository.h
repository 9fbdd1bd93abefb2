// Closed-period snapshots of the figures as of a day (migration 0039), on SOCI; the roll is
// written through the engine's fastest path (COPY, the sqlite3 API).
#pragma once

#include <soci/soci.h>

#include <memory>

#include "app/ports/stats_snapshots.h"
#include "storage/sql/engine/dialect.h"
#include "storage/sql/tools/row_streams.h"

namespace chibo::storage {

class SqlStatsSnapshotRepository : public app::StatsSnapshotRepository {
 public:
  SqlStatsSnapshotRepository(soci::session& session, Engine engine)
      : session_(session), engine_(engine) {}

  std::vector<std::pair<Date, std::string>> snapshots() override;
  std::vector<OrgId> tracked() override;
  std::unordered_map<int64_t, std::string> org_paths() override;
  void begin(Date as_of) override;
  void add(const app::SnapshotMember& member) override;
  void finish(const std::string& taken_at, const std::map<OrgId, app::SnapshotCounts>& counts,
              int64_t members) override;
  std::optional<app::SnapshotCounts> counts(Date as_of, OrgId org) override;
  std::vector<app::SnapshotMember> members(Date as_of, const std::vector<int64_t>& ids) override;
  void forget_counts(const std::vector<OrgId>& orgs) override;

 private:
  soci::session& session_;
  Engine engine_;
  Date as_of_;
  std::unique_ptr<RowWriter> writer_;
  TextRow row_;
};

}  // namespace chibo::storage
