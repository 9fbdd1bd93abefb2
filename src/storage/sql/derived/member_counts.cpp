#include "storage/sql/derived/member_counts.h"

#include "storage/sql/engine/statement.h"
#include "storage/sql/tools/pg_copy.h"

namespace chibo::storage {

namespace {

constexpr const char* kUpsert =
    "INSERT INTO org_member_counts (org_id, status, n) VALUES (:org, :status, :delta) "
    "ON CONFLICT (org_id, status) DO UPDATE SET n = org_member_counts.n + excluded.n";

}  // namespace

void adjust_counts(soci::session& session, const OrgPath& path, const std::string& status,
                   long long delta) {
  adjust_counts(session, path.ids(), {{status, delta}}, 1);
}

void adjust_counts(soci::session& session, const std::vector<OrgId>& orgs,
                   const std::map<std::string, long long>& by_status, long long sign) {
  long long org_value = 0;
  std::string status;
  long long delta = 0;
  soci::statement upsert =
      unnamed_statement(session, kUpsert, soci::use(org_value, "org"), soci::use(status, "status"),
                        soci::use(delta, "delta"));
  for (const OrgId& org : orgs) {
    for (const auto& [status_code, count] : by_status) {
      if (count == 0) continue;
      org_value = org.value;
      status = status_code;
      delta = sign * count;
      upsert.execute(true);
    }
  }
}

std::map<std::string, long long> counts_of(soci::session& session, OrgId org) {
  std::map<std::string, long long> counts;
  long long org_value = org.value;
  std::string status;
  long long n = 0;
  soci::statement select =
      unnamed_statement(session, "SELECT status, n FROM org_member_counts WHERE org_id = :org",
                        soci::use(org_value, "org"), soci::into(status), soci::into(n));
  if (select.execute(true)) {
    do {
      counts[status] = n;
    } while (select.fetch());
  }
  return counts;
}

void rebuild_counts(soci::session& session) {
  // Direct counts per organization, then rolled up along each path: one pass over members
  // instead of one range scan per organization.
  std::map<long long, std::map<std::string, long long>> direct;
  {
    long long org = 0;
    std::string status;
    long long n = 0;
    soci::statement select = unnamed_statement(session,
                                               "SELECT org_id, status, COUNT(*) FROM members "
                                               "GROUP BY org_id, status",
                                               soci::into(org), soci::into(status), soci::into(n));
    if (select.execute(true)) {
      do {
        direct[org][status] = n;
      } while (select.fetch());
    }
  }
  std::map<long long, std::map<std::string, long long>> subtree;
  {
    long long org = 0;
    std::string path_text;
    soci::statement select = unnamed_statement(session, "SELECT id, path FROM organizations",
                                               soci::into(org), soci::into(path_text));
    if (select.execute(true)) {
      do {
        const auto found = direct.find(org);
        if (found == direct.end()) continue;
        const std::optional<OrgPath> path = OrgPath::parse(path_text);
        if (!path) continue;
        for (const OrgId& ancestor : path->ids()) {
          for (const auto& [status, n] : found->second) subtree[ancestor.value][status] += n;
        }
      } while (select.fetch());
    }
  }
  session << "DELETE FROM org_member_counts";
  if (session.get_backend_name() == "postgresql") {
    // National scale: a million rows, one COPY instead of a round trip each.
    CopyIn copy(session, "org_member_counts", {"org_id", "status", "n"});
    for (const auto& [org, by_status] : subtree) {
      for (const auto& [status_code, count] : by_status)
        copy.row({std::to_string(org), status_code, std::to_string(count)});
    }
    copy.finish();
    return;
  }
  long long org_value = 0;
  std::string status;
  long long n = 0;
  soci::statement insert = unnamed_statement(
      session, "INSERT INTO org_member_counts (org_id, status, n) VALUES (:org, :status, :n)",
      soci::use(org_value, "org"), soci::use(status, "status"), soci::use(n, "n"));
  for (const auto& [org, by_status] : subtree) {
    for (const auto& [status_code, count] : by_status) {
      org_value = org;
      status = status_code;
      n = count;
      insert.execute(true);
    }
  }
}

}  // namespace chibo::storage
