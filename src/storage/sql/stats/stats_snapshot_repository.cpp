#include "storage/sql/stats/stats_snapshot_repository.h"

#include <charconv>

#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/statement.h"

namespace chibo::storage {

namespace {

const std::vector<std::string> kRollColumns = {"as_of",
                                               "member_id",
                                               "org_id",
                                               "status",
                                               "undated",
                                               "age_band",
                                               "sex",
                                               "ethnicity",
                                               "religion",
                                               "general_education",
                                               "professional_qualification",
                                               "political_theory"};

long long number(const std::optional<std::string>& value) {
  long long parsed = 0;
  if (value) std::from_chars(value->data(), value->data() + value->size(), parsed);
  return parsed;
}

std::string id_list(const std::vector<int64_t>& ids, size_t from, size_t to) {
  std::string list;
  for (size_t index = from; index < to; ++index)
    list += (list.empty() ? "" : ", ") + std::to_string(ids[index]);
  return "(" + list + ")";
}

}  // namespace

std::vector<std::pair<Date, std::string>> SqlStatsSnapshotRepository::snapshots() {
  std::vector<std::pair<Date, std::string>> found;
  std::string as_of, taken_at;
  soci::statement select =
      unnamed_statement(session_, "SELECT as_of, taken_at FROM stats_snapshots ORDER BY as_of",
                        soci::into(as_of), soci::into(taken_at));
  if (select.execute(true)) {
    do {
      if (const std::optional<Date> day = Date::parse(as_of)) found.emplace_back(*day, taken_at);
    } while (select.fetch());
  }
  return found;
}

std::vector<OrgId> SqlStatsSnapshotRepository::tracked() {
  std::vector<OrgId> found;
  long long id = 0;
  soci::statement select = unnamed_statement(
      session_, "SELECT org_id FROM org_stats_tracked ORDER BY org_id", soci::into(id));
  if (select.execute(true)) {
    do found.emplace_back(id);
    while (select.fetch());
  }
  return found;
}

std::unordered_map<int64_t, std::string> SqlStatsSnapshotRepository::org_paths() {
  std::unordered_map<int64_t, std::string> paths;
  read_rows(session_, engine_, "organizations", {"id", "path"},
            [&](const TextRow& row) { paths.emplace(number(row[0]), row[1].value_or("")); });
  return paths;
}

void SqlStatsSnapshotRepository::begin(Date as_of) {
  as_of_ = as_of;
  std::string day = as_of.iso();
  for (const char* table : {"stats_snapshot_roll", "stats_snapshot_counts", "stats_snapshots"})
    session_ << std::string("DELETE FROM ") + table + " WHERE as_of = :day", soci::use(day);
  writer_ = row_writer(session_, engine_, "stats_snapshot_roll", kRollColumns);
  row_.assign(kRollColumns.size(), std::nullopt);
  row_[0] = day;
}

void SqlStatsSnapshotRepository::add(const app::SnapshotMember& member) {
  row_[1] = std::to_string(member.member_id);
  row_[2] = std::to_string(member.org);
  row_[3] = member.status;
  row_[4] = member.undated ? "1" : "0";
  row_[5] = member.age_band;
  for (size_t index = 0; index < member.values.size(); ++index)
    row_[6 + index] = member.values[index];
  writer_->write(row_);
}

void SqlStatsSnapshotRepository::finish(const std::string& taken_at,
                                        const std::map<OrgId, app::SnapshotCounts>& counts,
                                        int64_t members) {
  writer_->finish();
  writer_.reset();
  std::unique_ptr<RowWriter> writer = row_writer(session_, engine_, "stats_snapshot_counts",
                                                 {"as_of", "org_id", "dimension", "value", "n"});
  TextRow row(5);
  row[0] = as_of_.iso();
  for (const auto& [org, figures] : counts) {
    row[1] = std::to_string(org.value);
    auto put = [&](const std::string& dimension, const std::string& value, int64_t n) {
      row[2] = dimension;
      row[3] = value;
      row[4] = std::to_string(n);
      writer->write(row);
    };
    put("_total", "", figures.total);
    put("_undated", "", figures.undated);
    for (const auto& [dimension, values] : figures.breakdowns)
      for (const auto& [value, n] : values) put(dimension, value, n);
  }
  writer->finish();
  std::string day = as_of_.iso(), taken = taken_at;
  long long count = members;
  session_ << "INSERT INTO stats_snapshots (as_of, taken_at, members) VALUES (:d, :t, :m)",
      soci::use(day), soci::use(taken), soci::use(count);
  // Millions of new rows: without fresh statistics PostgreSQL planned the look-up of a thousand
  // members by the day alone and filtered every row of it (0.7 s instead of 2 ms).
  refresh_planner_statistics(session_, "stats_snapshot_roll");
  refresh_planner_statistics(session_, "stats_snapshot_counts");
}

std::optional<app::SnapshotCounts> SqlStatsSnapshotRepository::counts(Date as_of, OrgId org) {
  // The reads that follow are lookups of a few thousand rows whose estimates can be far off (a
  // day's writes against a whole table's statistics): compiling them with JIT cost PostgreSQL
  // 240 ms per statement at national scale, more than running them. Off for this transaction.
  if (engine_ == Engine::kPostgres) session_ << "SET LOCAL jit = off";
  std::string day = as_of.iso();
  std::string taken_at;
  soci::indicator taken_ind = soci::i_null;
  session_ << "SELECT taken_at FROM stats_snapshots WHERE as_of = :d", soci::use(day),
      soci::into(taken_at, taken_ind);
  if (!session_.got_data() || taken_ind != soci::i_ok) return std::nullopt;
  app::SnapshotCounts figures;
  figures.taken_at = taken_at;
  bool any = false;
  std::string dimension, value;
  long long n = 0;
  long long id = org.value;
  soci::statement select = unnamed_statement(
      session_,
      "SELECT dimension, value, n FROM stats_snapshot_counts WHERE as_of = :d AND org_id = :o",
      soci::use(day), soci::use(id), soci::into(dimension), soci::into(value), soci::into(n));
  if (select.execute(true)) {
    do {
      any = true;
      if (dimension == "_total") {
        figures.total = n;
      } else if (dimension == "_undated") {
        figures.undated = n;
      } else {
        figures.breakdowns[dimension][value] = n;
      }
    } while (select.fetch());
  }
  if (!any) return std::nullopt;
  return figures;
}

std::vector<app::SnapshotMember> SqlStatsSnapshotRepository::members(
    Date as_of, const std::vector<int64_t>& ids) {
  std::vector<app::SnapshotMember> found;
  const std::string day = as_of.iso();
  for (size_t start = 0; start < ids.size(); start += 1000) {
    const size_t end = std::min(ids.size(), start + 1000);
    read_rows(
        session_, engine_, "stats_snapshot_roll", kRollColumns,
        [&](const TextRow& row) {
          app::SnapshotMember member;
          member.member_id = number(row[1]);
          member.org = number(row[2]);
          member.status = row[3].value_or("");
          member.undated = row[4].value_or("0") == "1";
          member.age_band = row[5].value_or("");
          for (size_t index = 0; index < member.values.size(); ++index)
            member.values[index] = row[6 + index].value_or("");
          found.push_back(std::move(member));
        },
        "as_of = '" + day + "' AND member_id IN " + id_list(ids, start, end));
  }
  return found;
}

void SqlStatsSnapshotRepository::forget_counts(const std::vector<OrgId>& orgs) {
  if (orgs.empty()) return;
  std::vector<int64_t> ids;
  for (OrgId org : orgs) ids.push_back(org.value);
  session_ << "DELETE FROM stats_snapshot_counts WHERE org_id IN " + id_list(ids, 0, ids.size());
}

}  // namespace chibo::storage
