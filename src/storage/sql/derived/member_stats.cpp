#include "storage/sql/derived/member_stats.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "domain/members/age_band_tally.h"
#include "domain/members/member_fields.h"
#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/statement.h"
#include "storage/sql/tools/pg_copy.h"
#include "storage/sql/tools/row_streams.h"

namespace chibo::storage {

namespace {

// Columns read from members, in stat_dimensions() order but for the birth date.
const char* const kValueColumns[] = {"sex",
                                     "birth_date",
                                     "ethnicity",
                                     "religion",
                                     "general_education",
                                     "professional_qualification",
                                     "political_theory"};
constexpr size_t kDimensions = sizeof(kValueColumns) / sizeof(kValueColumns[0]);
constexpr int kAdvisoryClass = 1667787106;  // "chib": advisory locks of member_stats
constexpr size_t kRowsPerUpsert = 200;

using Key = std::tuple<long long, std::string, std::string, std::string>;

bool on_postgres(soci::session& session) { return session.get_backend_name() == "postgresql"; }

std::string value_or_unknown(const std::string& text) { return text.empty() ? "unknown" : text; }

// A member's values from raw column text (as stored), matching stat_values().
std::vector<std::string> values_from_columns(const std::vector<std::string>& columns) {
  std::vector<std::string> values;
  values.reserve(kDimensions);
  for (size_t index = 0; index < kDimensions; ++index) {
    values.push_back(index == 1 ? domain::birth_month_of(columns[index])
                                : value_or_unknown(columns[index]));
  }
  return values;
}

std::string id_list(const std::vector<long long>& ids) {
  std::string list = "(";
  for (size_t index = 0; index < ids.size(); ++index)
    list += (index ? ", " : "") + std::to_string(ids[index]);
  return list + ")";
}

std::string lock_call(const char* function, long long id) {
  return std::string(function) + "(" + std::to_string(kAdvisoryClass) + ", " +
         std::to_string(id % 2147483647) + ")";
}

void lock_shared(soci::session& session, const std::vector<long long>& ids) {
  if (!on_postgres(session) || ids.empty()) return;
  std::string sql = "SELECT ";
  for (size_t index = 0; index < ids.size(); ++index)
    sql += (index ? ", " : "") + lock_call("pg_advisory_xact_lock_shared", ids[index]);
  session << sql;
}

struct AncestorState {
  long long total = 0;
  bool tracked = false;
};

std::map<long long, AncestorState> ancestor_states(soci::session& session,
                                                   const std::vector<long long>& ids) {
  std::map<long long, AncestorState> states;
  if (ids.empty()) return states;
  for (long long id : ids) states[id];
  long long org = 0, total = 0;
  soci::statement counts =
      unnamed_statement(session,
                        "SELECT org_id, SUM(n) FROM org_member_counts WHERE org_id IN " +
                            id_list(ids) + " GROUP BY org_id",
                        soci::into(org), soci::into(total));
  if (counts.execute(true)) {
    do {
      states[org].total = total;
    } while (counts.fetch());
  }
  soci::statement tracked = unnamed_statement(
      session, "SELECT org_id FROM org_stats_tracked WHERE org_id IN " + id_list(ids),
      soci::into(org));
  if (tracked.execute(true)) {
    do {
      states[org].tracked = true;
    } while (tracked.fetch());
  }
  return states;
}

// Pending changes to org_member_stats, merged so that each row is written once.
class StatsDelta {
 public:
  void add(long long org, const std::string& status, const std::vector<std::string>& values,
           long long sign) {
    for (size_t index = 0; index < values.size(); ++index)
      changes_[{org, status, stat_dimensions()[index], values[index]}] += sign;
  }
  void add(long long org, const std::string& status, const std::string& dimension,
           const std::string& value, long long n) {
    changes_[{org, status, dimension, value}] += n;
  }
  void add(long long org, const StatsTable& table, long long sign) {
    for (const auto& [status, dimensions] : table)
      for (const auto& [dimension, values] : dimensions)
        for (const auto& [value, n] : values) changes_[{org, status, dimension, value}] += sign * n;
  }
  void apply(soci::session& session) {
    std::vector<const std::pair<const Key, long long>*> rows;
    for (const auto& change : changes_)
      if (change.second != 0) rows.push_back(&change);
    for (size_t start = 0; start < rows.size(); start += kRowsPerUpsert) {
      Bindings bindings;
      std::string sql =
          "INSERT INTO org_member_stats (org_id, status, dimension, value, n) VALUES ";
      for (size_t index = start; index < std::min(rows.size(), start + kRowsPerUpsert); ++index) {
        const auto& [key, n] = *rows[index];
        sql += (index > start ? ", (" : "(") + std::to_string(std::get<0>(key)) + ", " +
               bindings.text(std::get<1>(key)) + ", " + bindings.text(std::get<2>(key)) + ", " +
               bindings.text(std::get<3>(key)) + ", " + std::to_string(n) + ")";
      }
      sql +=
          " ON CONFLICT (org_id, status, dimension, value) DO UPDATE SET n = org_member_stats.n + "
          "excluded.n";
      soci::statement statement(session);
      bindings.attach(statement);
      prepare_unnamed(statement, sql);
      statement.execute(true);
    }
    changes_.clear();
  }

 private:
  std::map<Key, long long> changes_;
};

std::string path_of(soci::session& session, long long org) {
  std::string path;
  session << "SELECT path FROM organizations WHERE id = " + std::to_string(org), soci::into(path);
  return path;
}

using Counts = std::map<Key, long long>;

// Counts of the members (under `path` only, when given) rolled up to the organizations of
// `orgs` on their paths. Streams the rows (COPY on PostgreSQL): a root's subtree is millions.
Counts tally_members(soci::session& session, const std::unordered_set<long long>& orgs,
                     const std::string& path = "") {
  Counts counts;
  std::vector<std::string> columns = {"org_path", "status"};
  for (const char* column : kValueColumns) columns.push_back(column);
  std::string where;
  if (!path.empty()) {
    // Paths are digits and slashes (OrgPath), safe as literals.
    const std::optional<OrgPath> parsed = OrgPath::parse(path);
    if (!parsed) return counts;
    where = "org_path >= '" + parsed->str() + "' AND org_path < '" + parsed->subtree_end() + "'";
  }
  std::vector<std::string> raw(kDimensions);
  read_rows(
      session, on_postgres(session) ? Engine::kPostgres : Engine::kSqlite, "members", columns,
      [&](const TextRow& row) {
        for (size_t index = 0; index < kDimensions; ++index)
          raw[index] = row[index + 2].value_or("");
        const std::vector<std::string> values = values_from_columns(raw);
        const std::optional<OrgPath> member_path = OrgPath::parse(row[0].value_or(""));
        if (!member_path) return;
        for (const OrgId& id : member_path->ids()) {
          if (!orgs.count(id.value)) continue;
          for (size_t index = 0; index < kDimensions; ++index)
            ++counts[{id.value, *row[1], stat_dimensions()[index], values[index]}];
        }
      },
      where);
  return counts;
}

void write_counts(soci::session& session, const Counts& counts) {
  std::unique_ptr<RowWriter> writer =
      row_writer(session, on_postgres(session) ? Engine::kPostgres : Engine::kSqlite,
                 "org_member_stats", {"org_id", "status", "dimension", "value", "n"});
  for (const auto& [key, n] : counts) {
    writer->write({std::to_string(std::get<0>(key)), std::get<1>(key), std::get<2>(key),
                   std::get<3>(key), std::to_string(n)});
  }
  writer->finish();
}

// The breakdown of the members under `path`, counted from the members table.
StatsTable tally_subtree(soci::session& session, long long org, const std::string& path) {
  StatsTable table;
  for (const auto& [key, n] : tally_members(session, {org}, path))
    table[std::get<1>(key)][std::get<2>(key)][std::get<3>(key)] = n;
  return table;
}

// Starts tracking `orgs` (not yet tracked): locks them (PostgreSQL), then counts their
// subtrees, in one pass over the members when there are several.
void start_tracking(soci::session& session, std::vector<long long> orgs) {
  std::sort(orgs.begin(), orgs.end());
  std::unordered_set<long long> fresh;
  for (long long org : orgs) {
    if (on_postgres(session)) session << "SELECT " + lock_call("pg_advisory_xact_lock", org);
    long long already = 0;
    session << "SELECT COUNT(*) FROM org_stats_tracked WHERE org_id = " + std::to_string(org),
        soci::into(already);
    if (already > 0) continue;  // another writer started while this one waited
    session << "INSERT INTO org_stats_tracked (org_id) VALUES (" + std::to_string(org) + ")";
    fresh.insert(org);
  }
  if (fresh.empty()) return;
  write_counts(session, fresh.size() == 1
                            ? tally_members(session, fresh, path_of(session, *fresh.begin()))
                            : tally_members(session, fresh));
}

std::vector<long long> values_of(const std::vector<OrgId>& ids) {
  std::vector<long long> values;
  for (const OrgId& id : ids) values.push_back(id.value);
  return values;
}

}  // namespace

const std::vector<std::string>& stat_dimensions() {
  static const std::vector<std::string> dimensions = {"sex",
                                                      "birth_month",
                                                      "ethnicity",
                                                      "religion",
                                                      "general_education",
                                                      "professional_qualification",
                                                      "political_theory"};
  return dimensions;
}

std::vector<std::string> stat_values(const domain::Member& member) {
  std::vector<std::string> columns;
  for (const char* column : kValueColumns)
    columns.push_back(domain::member_field_text(member, *domain::find_member_field(column)));
  return values_from_columns(columns);
}

void adjust_member_stats(soci::session& session, const domain::Member* before,
                         const domain::Member& after, long long threshold) {
  const std::vector<std::string> after_values = stat_values(after);
  std::vector<std::string> before_values;
  if (before) {
    before_values = stat_values(*before);
    if (before->org_path == after.org_path && before->status == after.status &&
        before_values == after_values)
      return;  // nothing the breakdowns count has changed
  }
  std::vector<long long> ids = values_of(after.org_path.ids());
  if (before) {
    for (long long id : values_of(before->org_path.ids()))
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());  // locks in one order: no deadlock between writers
  lock_shared(session, ids);
  const std::map<long long, AncestorState> states = ancestor_states(session, ids);
  StatsDelta delta;
  if (before) {
    for (const OrgId& id : before->org_path.ids())
      if (states.at(id.value).tracked) delta.add(id.value, before->status, before_values, -1);
  }
  for (const OrgId& id : after.org_path.ids())
    if (states.at(id.value).tracked) delta.add(id.value, after.status, after_values, 1);
  delta.apply(session);
  std::vector<long long> grown;
  for (const OrgId& id : after.org_path.ids()) {
    const AncestorState& state = states.at(id.value);
    if (!state.tracked && state.total >= threshold) grown.push_back(id.value);
  }
  if (!grown.empty()) start_tracking(session, grown);
}

void NewMemberStats::add(const domain::Member& member) {
  const std::string path = member.org_path.str();
  const std::vector<std::string> values = stat_values(member);
  for (size_t index = 0; index < values.size(); ++index)
    ++tally_[{path, member.status, index, values[index]}];
}

void NewMemberStats::apply(soci::session& session, long long threshold) {
  if (tally_.empty()) return;
  std::map<std::string, std::vector<long long>> ancestors;  // path -> its organizations
  std::vector<long long> ids;
  for (const auto& [key, n] : tally_) {
    auto [found, fresh] = ancestors.emplace(std::get<0>(key), std::vector<long long>());
    if (!fresh) continue;
    const std::optional<OrgPath> path = OrgPath::parse(std::get<0>(key));
    if (!path) continue;
    found->second = values_of(path->ids());
    ids.insert(ids.end(), found->second.begin(), found->second.end());
  }
  std::sort(ids.begin(), ids.end());  // locks in one order: no deadlock between writers
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  lock_shared(session, ids);
  const std::map<long long, AncestorState> states = ancestor_states(session, ids);
  StatsDelta delta;
  for (const auto& [key, n] : tally_) {
    for (long long org : ancestors.at(std::get<0>(key)))
      if (states.at(org).tracked)
        delta.add(org, std::get<1>(key), stat_dimensions()[std::get<2>(key)], std::get<3>(key), n);
  }
  delta.apply(session);
  std::vector<long long> grown;
  for (long long org : ids) {
    const AncestorState& state = states.at(org);
    if (!state.tracked && state.total >= threshold) grown.push_back(org);
  }
  if (!grown.empty()) start_tracking(session, grown);
  tally_.clear();
}

void adjust_stats_for_move(soci::session& session, OrgId node, const std::vector<OrgId>& leaving,
                           const std::vector<OrgId>& joining, long long threshold) {
  std::vector<long long> ids = values_of(leaving);
  for (long long id : values_of(joining)) ids.push_back(id);
  ids.push_back(node.value);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  lock_shared(session, ids);
  const std::map<long long, AncestorState> states = ancestor_states(session, ids);
  const auto any_tracked = [&](const std::vector<OrgId>& orgs) {
    return std::any_of(orgs.begin(), orgs.end(),
                       [&](const OrgId& id) { return states.at(id.value).tracked; });
  };
  if (any_tracked(leaving) || any_tracked(joining)) {
    const std::optional<StatsTable> kept = tracked_stats(session, node);
    const StatsTable moved =
        kept ? *kept : tally_subtree(session, node.value, path_of(session, node.value));
    StatsDelta delta;
    for (const OrgId& id : leaving)
      if (states.at(id.value).tracked) delta.add(id.value, moved, -1);
    for (const OrgId& id : joining)
      if (states.at(id.value).tracked) delta.add(id.value, moved, 1);
    delta.apply(session);
  }
  std::vector<long long> grown;
  for (const OrgId& id : joining) {
    const AncestorState& state = states.at(id.value);
    if (!state.tracked && state.total >= threshold) grown.push_back(id.value);
  }
  if (!grown.empty()) start_tracking(session, grown);
}

void track_large_subtrees(soci::session& session, long long threshold) {
  std::vector<long long> large;
  long long org = 0;
  soci::statement select = unnamed_statement(
      session,
      "SELECT c.org_id FROM org_member_counts c WHERE NOT EXISTS (SELECT 1 FROM "
      "org_stats_tracked t WHERE t.org_id = c.org_id) GROUP BY c.org_id HAVING SUM(c.n) >= " +
          std::to_string(threshold),
      soci::into(org));
  if (select.execute(true)) {
    do {
      large.push_back(org);
    } while (select.fetch());
  }
  if (!large.empty()) start_tracking(session, large);
}

void rebuild_stats(soci::session& session, long long threshold, bool track_new) {
  if (track_new) {
    session << "INSERT INTO org_stats_tracked (org_id) SELECT c.org_id FROM org_member_counts c "
               "WHERE NOT EXISTS (SELECT 1 FROM org_stats_tracked t WHERE t.org_id = c.org_id) "
               "GROUP BY c.org_id HAVING SUM(c.n) >= " +
                   std::to_string(threshold);
  }
  std::unordered_set<long long> tracked;
  {
    long long org = 0;
    soci::statement select =
        unnamed_statement(session, "SELECT org_id FROM org_stats_tracked", soci::into(org));
    if (select.execute(true)) {
      do {
        tracked.insert(org);
      } while (select.fetch());
    }
  }
  session << "DELETE FROM org_member_stats";
  if (tracked.empty()) return;
  // One pass over the members, rolled up in memory to the tracked ancestors only: a few
  // hundred organizations at national scale.
  write_counts(session, tally_members(session, tracked));
}

std::optional<StatsTable> tracked_stats(soci::session& session, OrgId org) {
  long long tracked = 0;
  session << "SELECT COUNT(*) FROM org_stats_tracked WHERE org_id = " + std::to_string(org.value),
      soci::into(tracked);
  if (tracked == 0) return std::nullopt;
  StatsTable table;
  std::string status, dimension, value;
  long long n = 0;
  soci::statement select = unnamed_statement(
      session,
      "SELECT status, dimension, value, n FROM org_member_stats WHERE org_id = " +
          std::to_string(org.value),
      soci::into(status), soci::into(dimension), soci::into(value), soci::into(n));
  if (select.execute(true)) {
    do {
      if (n != 0) table[status][dimension][value] = n;
    } while (select.fetch());
  }
  return table;
}

std::map<Key, long long> stored_stats(soci::session& session) {
  std::map<Key, long long> rows;
  long long org = 0, n = 0;
  std::string status, dimension, value;
  soci::statement select = unnamed_statement(
      session, "SELECT org_id, status, dimension, value, n FROM org_member_stats WHERE n <> 0",
      soci::into(org), soci::into(status), soci::into(dimension), soci::into(value), soci::into(n));
  if (select.execute(true)) {
    do {
      rows[{org, status, dimension, value}] = n;
    } while (select.fetch());
  }
  return rows;
}

}  // namespace chibo::storage
