#include "storage/sql/directives/rollup_recount.h"

#include <map>
#include <utility>

#include "core/org_path.h"
#include "domain/directives/rollup.h"
#include "domain/directives/study_rollup.h"
#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

long long directive_rollup_differences(soci::session& session) {
  using Key = std::pair<long long, long long>;  // directive, organization
  std::map<Key, domain::RollupCounts> recount;
  auto along = [&](long long directive, const std::string& path,
                   const domain::RollupCounts& delta) {
    const std::optional<OrgPath> parsed = OrgPath::parse(path);
    if (!parsed) return;
    for (const OrgId& org : parsed->ids()) recount[{directive, org.value}] += delta;
  };
  {
    Bindings none;
    RowReader row(2, 3);
    select_rows(
        session,
        "SELECT state, org_path, directive_id, overdue, COUNT(*) FROM directive_assignments "
        "GROUP BY directive_id, org_path, state, overdue",
        none, row, [&] {
          const auto state = domain::parse_state(row.text(0));
          if (!state) return;
          domain::RollupCounts delta;
          delta.total = row.number(2);
          delta.of(*state) = row.number(2);
          if (row.number(1) != 0 && *state != domain::AssignmentState::kAccepted)
            delta.overdue = row.number(2);
          along(row.number(0), row.text(1), delta);
        });
  }
  {
    // Studies by the rule of domain/directives/study_rollup.h (each member counted once).
    std::map<long long, std::vector<std::pair<OrgPath, int64_t>>> studies;
    Bindings none;
    RowReader row(1, 2);
    select_rows(session, "SELECT org_path, directive_id, attendees FROM directive_studies", none,
                row, [&] {
                  if (const std::optional<OrgPath> path = OrgPath::parse(row.text(0)))
                    studies[row.number(0)].emplace_back(*path, row.number(1));
                });
    for (const auto& [directive, list] : studies) {
      for (const auto& [org, studied] : domain::studied_by_org(list))
        recount[{directive, org.value}].studied += studied;
    }
  }
  std::map<Key, domain::RollupCounts> stored;
  {
    Bindings none;
    RowReader row(0, 11);
    select_rows(
        session,
        "SELECT directive_id, org_id, total, assigned, acknowledged, in_progress, reported, "
        "accepted, returned, overdue, studied FROM directive_rollup",
        none, row, [&] {
          domain::RollupCounts c;
          c.total = row.number(2);
          c.assigned = row.number(3);
          c.acknowledged = row.number(4);
          c.in_progress = row.number(5);
          c.reported = row.number(6);
          c.accepted = row.number(7);
          c.returned = row.number(8);
          c.overdue = row.number(9);
          c.studied = row.number(10);
          if (!c.empty()) stored[{row.number(0), row.number(1)}] = c;
        });
  }
  long long differing = 0;
  for (const auto& [key, counts] : recount) {
    if (counts.empty()) continue;
    auto it = stored.find(key);
    if (it == stored.end() || !(it->second == counts)) ++differing;
  }
  for (const auto& [key, counts] : stored) {
    auto it = recount.find(key);
    if (it == recount.end() || it->second.empty()) ++differing;
  }
  return differing;
}

}  // namespace chibo::storage
