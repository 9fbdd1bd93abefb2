#include "storage/sql/tools/consistency.h"

#include <map>

#include "storage/sql/derived/member_counts.h"
#include "storage/sql/derived/member_stats.h"
#include "storage/sql/derived/search_key_bounds.h"
#include "storage/sql/directives/rollup_recount.h"
#include "storage/sql/engine/statement.h"

namespace chibo::storage {

namespace {

using Counts = std::map<std::pair<long long, std::string>, long long>;

Counts read_counts(soci::session& session) {
  Counts counts;
  long long org = 0;
  std::string status;
  long long n = 0;
  soci::statement select =
      unnamed_statement(session, "SELECT org_id, status, n FROM org_member_counts WHERE n <> 0",
                        soci::into(org), soci::into(status), soci::into(n));
  if (select.execute(true)) {
    do {
      counts[{org, status}] = n;
    } while (select.fetch());
  }
  return counts;
}

}  // namespace

Result<std::vector<std::string>> check_consistency(SqlStore& store) {
  std::vector<std::string> problems;
  // Runs in a write transaction that is always rolled back: the recount is written and
  // compared, never kept.
  Status status = store.write_session([&](soci::session& session) -> Status {
    problems.clear();  // a retried attempt starts afresh
    if (store.engine() == Engine::kSqlite) {
      std::string result;
      session << "PRAGMA integrity_check", soci::into(result);
      if (result != "ok") problems.push_back("sqlite integrity_check: " + result);
    }
    long long bad_paths = 0;
    session << "SELECT COUNT(*) FROM organizations c JOIN organizations p ON p.id = c.parent_id "
               "WHERE c.path <> p.path || CAST(c.id AS TEXT) || '/'",
        soci::into(bad_paths);
    if (bad_paths)
      problems.push_back(std::to_string(bad_paths) +
                         " organization(s) whose path disagrees with the parent's");
    long long bad_roots = 0;
    session << "SELECT COUNT(*) FROM organizations WHERE parent_id IS NULL AND path <> '/' || "
               "CAST(id AS TEXT) || '/'",
        soci::into(bad_roots);
    if (bad_roots)
      problems.push_back(std::to_string(bad_roots) + " root organization(s) with a wrong path");
    long long bad_members = 0;
    session << "SELECT COUNT(*) FROM members m JOIN organizations o ON o.id = m.org_id WHERE "
               "m.org_path <> o.path",
        soci::into(bad_members);
    if (bad_members)
      problems.push_back(std::to_string(bad_members) +
                         " member(s) whose org_path disagrees with their organization");
    long long bad_keys = 0;
    session << "SELECT COUNT(*) FROM member_search_keys k JOIN members m ON m.id = k.member_id "
               "WHERE k.org_path <> m.org_path OR k.status <> m.status OR k.sort_key <> m.sort_key",
        soci::into(bad_keys);
    if (bad_keys)
      problems.push_back(std::to_string(bad_keys) + " search key(s) out of step with their member");
    long long keyless = 0;
    session << "SELECT COUNT(*) FROM members m WHERE NOT EXISTS "
               "(SELECT 1 FROM member_search_keys k WHERE k.member_id = m.id)",
        soci::into(keyless);
    if (keyless) problems.push_back(std::to_string(keyless) + " member(s) without search keys");
    if (const long long outside = search_keys_out_of_bounds(session))
      problems.push_back(std::to_string(outside) + " search key(s) outside their key's bounds");
    // The lifecycle's copies: the highest badge of awards, party-age gap days of gaps, and the
    // paths candidates and transfers keep of their organizations.
    const std::pair<const char*, const char*> lifecycle_checks[] = {
        {"SELECT COUNT(*) FROM members m WHERE m.highest_badge <> COALESCE((SELECT "
         "MAX(b.milestone) FROM badge_awards b WHERE b.member_id = m.id), 0)",
         " member(s) whose highest badge disagrees with their awards"},
        {"SELECT COUNT(*) FROM members m WHERE (m.party_age_gap_days > 0) <> EXISTS (SELECT 1 "
         "FROM party_age_gaps g WHERE g.member_id = m.id)",
         " member(s) whose party-age gap days disagree with their gaps"},
        {"SELECT COUNT(*) FROM candidates c JOIN organizations o ON o.id = c.org_id WHERE "
         "c.org_path <> o.path",
         " admission file(s) whose org_path disagrees with their cell"},
        {"SELECT COUNT(*) FROM transfers t JOIN organizations o ON o.id = t.from_org_id WHERE "
         "t.from_path <> o.path",
         " transfer(s) whose from_path disagrees with their organization"},
        {"SELECT COUNT(*) FROM members m WHERE m.status = 'probationary' AND m.probation_ends_on "
         "IS NULL",
         " probationary member(s) without an end of probation"},
    };
    for (const auto& [sql, what] : lifecycle_checks) {
      long long wrong = 0;
      session << sql, soci::into(wrong);
      if (wrong) problems.push_back(std::to_string(wrong) + what);
    }
    const Counts stored = read_counts(session);
    rebuild_counts(session);
    const Counts recounted = read_counts(session);
    if (stored != recounted) {
      long long differing = 0;
      for (const auto& [key, n] : recounted)
        differing += stored.count(key) && stored.at(key) == n ? 0 : 1;
      for (const auto& [key, n] : stored) differing += recounted.count(key) ? 0 : 1;
      problems.push_back(std::to_string(differing) + " member count(s) differ from a recount");
    }
    // Breakdowns kept for large subtrees, against a recount of the same organizations.
    const auto kept = stored_stats(session);
    rebuild_stats(session, kDefaultStatsThreshold, false);
    const auto recounted_stats = stored_stats(session);
    if (kept != recounted_stats) {
      long long differing = 0;
      for (const auto& [key, n] : recounted_stats)
        differing += kept.count(key) && kept.at(key) == n ? 0 : 1;
      for (const auto& [key, n] : kept) differing += recounted_stats.count(key) ? 0 : 1;
      problems.push_back(std::to_string(differing) +
                         " dashboard breakdown count(s) differ from a recount");
    }
    // The directives roll-up against a recount of the assignments and studies.
    if (const long long differing = directive_rollup_differences(session); differing > 0) {
      problems.push_back(std::to_string(differing) +
                         " directive roll-up row(s) differ from a recount");
    }
    return Error::conflict("check_rollback");  // never keep the recount
  });
  if (!status && status.error().reason != "check_rollback") return std::move(status).error();
  return problems;
}

}  // namespace chibo::storage
