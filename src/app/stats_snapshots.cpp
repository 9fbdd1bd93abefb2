#include "app/stats_snapshots.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "app/audit_entry.h"
#include "core/instant.h"
#include "domain/members/age_bands.h"
#include "domain/members/standing_on.h"
#include "domain/members/stats_dates.h"

namespace chibo::app {

// Named, not anonymous: the unity build joins this file with app/stats_reports.cpp.
namespace snapshot_figures {

// Members written after a snapshot are counted again one by one; past this many, another way
// is quicker (take the snapshot again).
constexpr size_t kMaxChanged = 50000;

// The writes a snapshot may have missed: on PostgreSQL, those of transactions that began before it
// and committed during its read (SQLite has one writer: none). Counting a member again is always
// exact, so the margin is wider than any write transaction lasts.
constexpr int64_t kTakenMarginMillis = 10LL * 60 * 1000;

std::string known(const std::string& value) { return value.empty() ? "unknown" : value; }

SnapshotMember snapshot_member(const MemberHistory& member, const domain::StandingOn& standing,
                               Date on) {
  SnapshotMember row;
  row.member_id = member.id.value;
  row.org = standing.org;
  row.status = standing.status;
  row.undated = standing.undated_exemption;
  const std::optional<Date> birth = Date::parse(member.birth_date);
  row.age_band = birth ? domain::age_band(whole_years_between(*birth, on)) : "unknown";
  row.values = {known(member.sex),
                known(member.ethnicity),
                known(member.religion),
                known(member.general_education),
                known(member.professional_qualification),
                known(member.political_theory)};
  return row;
}

// The value of dimension `index` (kStatsDimensions' order) of a snapshot row.
const std::string& value_of(const SnapshotMember& row, size_t index) {
  if (index == 0) return row.status;
  if (index == kStatsAgeBand) return row.age_band;
  return row.values[index == 1 ? 0 : index - 2];
}

// Strings as small integers while a whole roll is counted.
class Codes {
 public:
  uint16_t code(const std::string& text) {
    auto found = index_.find(text);
    if (found != index_.end()) return found->second;
    const auto next = static_cast<uint16_t>(texts_.size());
    texts_.push_back(text);
    index_.emplace(text, next);
    return next;
  }
  const std::string& text(uint16_t code) const { return texts_[code]; }

 private:
  std::unordered_map<std::string, uint16_t> index_;
  std::vector<std::string> texts_;
};

struct CompactMember {
  int64_t member = 0;
  int64_t org = 0;
  std::array<uint16_t, kStatsDimensions.size()> codes{};
  bool undated = false;
};

struct CompactCounts {
  int64_t total = 0;
  int64_t undated = 0;
  std::array<std::unordered_map<uint16_t, int64_t>, kStatsDimensions.size()> by_dimension;
};

// The breakdowns in the order of GET /orgs/{id}/stats: age bands youngest first then
// "unknown", the others most members first (ties in code order); no empty values.
StatsAsOf stats_of(OrgId org, Date as_of, const SnapshotCounts& counts) {
  StatsAsOf stats;
  stats.org = org;
  stats.as_of = as_of;
  stats.total = counts.total;
  stats.undated_exemptions = counts.undated;
  for (size_t index = 0; index < kStatsDimensions.size(); ++index) {
    Breakdown breakdown;
    breakdown.dimension = kStatsDimensions[index];
    const auto found = counts.breakdowns.find(kStatsDimensions[index]);
    if (found != counts.breakdowns.end()) {
      const std::map<std::string, int64_t>& values = found->second;
      if (index == kStatsAgeBand) {
        std::vector<std::string> order = domain::age_band_codes();
        order.push_back("unknown");
        for (const std::string& band : order)
          if (auto n = values.find(band); n != values.end() && n->second != 0)
            breakdown.values.emplace_back(band, n->second);
      } else {
        for (const auto& [value, n] : values)
          if (n != 0) breakdown.values.emplace_back(value, n);
        std::stable_sort(breakdown.values.begin(), breakdown.values.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
      }
    }
    stats.breakdowns.push_back(std::move(breakdown));
  }
  return stats;
}

void count(SnapshotCounts& counts, const SnapshotMember& row, int64_t sign) {
  counts.total += sign;
  if (row.undated) counts.undated += sign;
  for (size_t index = 0; index < kStatsDimensions.size(); ++index)
    counts.breakdowns[kStatsDimensions[index]][value_of(row, index)] += sign;
}

}  // namespace snapshot_figures

using namespace snapshot_figures;

std::vector<Date> closed_period_ends(Date today, int years) {
  std::vector<Date> ends;
  for (int year = today.year() - years; year <= today.year(); ++year) {
    for (const char* month_day : {"-06-30", "-12-31"}) {
      if (const std::optional<Date> end = Date::parse(std::to_string(year) + month_day);
          end && *end < today)
        ends.push_back(*end);
    }
  }
  return ends;
}

Result<SnapshotTaken> take_stats_snapshot(Context& ctx, Date as_of) {
  std::vector<FieldError> errors =
      domain::check_as_of("as_of", as_of, ctx.today(), ctx.services.rules);
  if (errors.empty() && !(as_of < ctx.today()))
    errors.push_back({"as_of", "stats_snapshot_not_closed", {}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  const std::string taken_at = shift_instant(ctx.now(), -kTakenMarginMillis);
  StatsSnapshotRepository& snapshots = ctx.tx.stats_snapshots();
  const std::vector<OrgId> tracked = snapshots.tracked();
  std::unordered_map<int64_t, uint16_t> tracked_index;
  for (size_t index = 0; index < tracked.size(); ++index)
    tracked_index.emplace(tracked[index].value, static_cast<uint16_t>(index));
  const std::unordered_map<int64_t, std::string> paths = snapshots.org_paths();
  // The kept organizations above (or at) each organization a member stood in.
  std::unordered_map<int64_t, std::vector<uint16_t>> kept_above;
  auto kept_of = [&](int64_t org) -> const std::vector<uint16_t>& {
    auto found = kept_above.find(org);
    if (found != kept_above.end()) return found->second;
    std::vector<uint16_t> list;
    if (auto path = paths.find(org); path != paths.end()) {
      if (std::optional<OrgPath> parsed = OrgPath::parse(path->second)) {
        for (OrgId id : parsed->ids())
          if (auto index = tracked_index.find(id.value); index != tracked_index.end())
            list.push_back(index->second);
      }
    }
    return kept_above.emplace(org, std::move(list)).first->second;
  };

  Codes codes;
  std::vector<CompactMember> roll;
  std::vector<CompactCounts> counts(tracked.size());
  for (const auto& [id, path] : paths) {
    const std::optional<OrgPath> root = OrgPath::parse(path);
    if (!root || root->depth() != 1) continue;
    std::vector<int64_t> orgs;
    ctx.tx.members().scan_history(*root, as_of, as_of, orgs, [&](const MemberHistory& member) {
      const std::optional<domain::StandingOn> standing = domain::standing_on(member.facts, as_of);
      if (!standing || !std::binary_search(orgs.begin(), orgs.end(), standing->org)) return;
      const SnapshotMember row = snapshot_member(member, *standing, as_of);
      CompactMember compact;
      compact.member = row.member_id;
      compact.org = row.org;
      compact.undated = row.undated;
      for (size_t index = 0; index < kStatsDimensions.size(); ++index)
        compact.codes[index] = codes.code(value_of(row, index));
      for (uint16_t kept : kept_of(row.org)) {
        CompactCounts& into = counts[kept];
        ++into.total;
        if (row.undated) ++into.undated;
        for (size_t index = 0; index < kStatsDimensions.size(); ++index)
          ++into.by_dimension[index][compact.codes[index]];
      }
      roll.push_back(compact);
    });
  }
  std::sort(roll.begin(), roll.end(),
            [](const CompactMember& a, const CompactMember& b) { return a.member < b.member; });

  // Written after the read: on PostgreSQL both go through COPY on the one connection.
  snapshots.begin(as_of);
  for (const CompactMember& compact : roll) {
    SnapshotMember row;
    row.member_id = compact.member;
    row.org = compact.org;
    row.undated = compact.undated;
    row.status = codes.text(compact.codes[0]);
    row.age_band = codes.text(compact.codes[kStatsAgeBand]);
    row.values[0] = codes.text(compact.codes[1]);
    for (size_t index = 3; index < kStatsDimensions.size(); ++index)
      row.values[index - 2] = codes.text(compact.codes[index]);
    snapshots.add(row);
  }
  std::map<OrgId, SnapshotCounts> kept_counts;
  for (size_t index = 0; index < tracked.size(); ++index) {
    SnapshotCounts& figures = kept_counts[tracked[index]];
    figures.total = counts[index].total;
    figures.undated = counts[index].undated;
    for (size_t dimension = 0; dimension < kStatsDimensions.size(); ++dimension)
      for (const auto& [code, n] : counts[index].by_dimension[dimension])
        figures.breakdowns[kStatsDimensions[dimension]][codes.text(code)] = n;
  }
  snapshots.finish(taken_at, kept_counts, static_cast<int64_t>(roll.size()));
  AuditEntry entry = AuditEntry::about("stats.snapshot", "stats_snapshot", 0);
  entry.with("as_of", as_of.iso())
      .with("members", static_cast<int64_t>(roll.size()))
      .with("organizations", static_cast<int64_t>(tracked.size()));
  ctx.audit(entry);
  return SnapshotTaken{as_of, static_cast<int64_t>(roll.size()),
                       static_cast<int64_t>(tracked.size())};
}

std::optional<StatsAsOf> stats_from_snapshot(Context& ctx, const Organization& org, Date as_of) {
  StatsSnapshotRepository& snapshots = ctx.tx.stats_snapshots();
  std::optional<SnapshotCounts> counts = snapshots.counts(as_of, org.id);
  if (!counts) return std::nullopt;
  const std::vector<int64_t> changed = ctx.tx.members().changed_after(counts->taken_at);
  if (changed.size() > kMaxChanged) return std::nullopt;
  if (!changed.empty()) {
    // Each member written since: out as the snapshot had them, in as they stand now.
    const std::vector<SnapshotMember> before = snapshots.members(as_of, changed);
    std::vector<SnapshotMember> now;
    ctx.tx.members().scan_members(changed, as_of, [&](const MemberHistory& member) {
      if (std::optional<domain::StandingOn> standing = domain::standing_on(member.facts, as_of))
        now.push_back(snapshot_member(member, *standing, as_of));
    });
    std::vector<OrgId> ids;
    for (const SnapshotMember& row : before) ids.emplace_back(row.org);
    for (const SnapshotMember& row : now) ids.emplace_back(row.org);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::unordered_map<int64_t, bool> inside;
    const std::string low = org.path.str(), high = org.path.subtree_end();
    for (const Organization& found : ctx.tx.orgs().find_many(ids)) {
      const std::string path = found.path.str();
      inside[found.id.value] = path >= low && path < high;
    }
    for (const SnapshotMember& row : before)
      if (inside[row.org]) count(*counts, row, -1);
    for (const SnapshotMember& row : now)
      if (inside[row.org]) count(*counts, row, +1);
  }
  // Counts below zero: the snapshot and the members disagree; another way counts.
  if (counts->total < 0 || counts->undated < 0) return std::nullopt;
  for (const auto& [dimension, values] : counts->breakdowns)
    for (const auto& [value, n] : values)
      if (n < 0) return std::nullopt;
  return stats_of(org.id, as_of, *counts);
}

}  // namespace chibo::app
