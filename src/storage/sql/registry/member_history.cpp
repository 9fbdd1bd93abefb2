// Members with their dated facts, for figures as of a past date and period reports (issue 16).
// One streamed subtree scan of members (the covering index members_history), plus the official
// transfers and exemption events that took effect after the date (their own indexes);
// domain/members/standing_on.h does the rest.
#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <unordered_set>

#include "domain/members/member.h"
#include "storage/sql/derived/member_stats.h"
#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/statement.h"
#include "storage/sql/registry/member_repository.h"
#include "storage/sql/tools/row_streams.h"

namespace chibo::storage {

namespace {

// Runs `sql` with `bindings`, reading `ids` integer then `texts` text columns per row.
template <size_t Ids, size_t Texts, class OnRow>
void each_row(soci::session& session, const std::string& sql, Bindings& bindings, OnRow on_row) {
  std::array<long long, Ids> ids{};
  std::array<soci::indicator, Ids> id_indicators{};
  std::array<std::string, Texts> texts;
  std::array<soci::indicator, Texts> text_indicators{};
  soci::statement statement(session);
  for (size_t index = 0; index + 1 <= Ids; ++index)
    statement.exchange(soci::into(ids[index], id_indicators[index]));
  for (size_t index = 0; index + 1 <= Texts; ++index)
    statement.exchange(soci::into(texts[index], text_indicators[index]));
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  if (!statement.execute(true)) return;
  do {
    for (size_t index = 0; index + 1 <= Ids; ++index)
      if (id_indicators[index] != soci::i_ok) ids[index] = 0;
    for (size_t index = 0; index + 1 <= Texts; ++index)
      if (text_indicators[index] != soci::i_ok) texts[index].clear();
    on_row(ids, texts, text_indicators);
  } while (statement.fetch());
}

std::string in_subtree(const char* column, const OrgPath& subtree, Bindings& bindings) {
  return std::string(column) + " >= " + bindings.text(subtree.str()) + " AND " + column + " < " +
         bindings.text(subtree.subtree_end());
}

}  // namespace

namespace {

// What the scans share: the subtree's organizations, the official transfers after a day and the
// dated exemption events, and a member row made into a MemberHistory with them.
class HistoryReader {
 public:
  HistoryReader(soci::session& session, const OrgPath& subtree, Date since,
                std::vector<int64_t>& orgs)
      : session_(session),
        engine_(session.get_backend_name() == "postgresql" ? Engine::kPostgres : Engine::kSqlite),
        orgs_(orgs),
        subtree_sql_("org_path >= '" + subtree.str() + "' AND org_path < '" +
                     subtree.subtree_end() + "'") {
    {
      Bindings bindings;
      const std::string sql = "SELECT o.id FROM organizations o WHERE " +
                              in_subtree("o.path", subtree, bindings) + " ORDER BY o.id";
      each_row<1, 0>(session_, sql, bindings,
                     [&](const auto& ids, const auto&, const auto&) { orgs.push_back(ids[0]); });
    }
    load_facts(since, "");
  }

  // For the members `ids` only (a list from id_list), wherever they are: no subtree.
  HistoryReader(soci::session& session, Date since, const std::string& ids)
      : session_(session),
        engine_(session.get_backend_name() == "postgresql" ? Engine::kPostgres : Engine::kSqlite),
        orgs_(no_orgs_) {
    load_facts(since, ids);
  }

  // The official transfers after `since` (cancelled ones aside: as if never started) and the
  // dated exemption events, of the members `ids` ("" for all).
  void load_facts(Date since, const std::string& ids) {
    {
      Bindings bindings;
      const std::string sql =
          "SELECT t.member_id, t.id, t.from_org_id, t.direction, t.started_on, t.standing "
          "FROM transfers t WHERE t.kind = 'official' AND t.state <> 'cancelled' "
          "AND t.member_id IS NOT NULL AND t.started_on > " +
          bindings.text(since.iso()) + (ids.empty() ? "" : " AND t.member_id IN " + ids);
      each_row<3, 3>(session_, sql, bindings, [&](const auto& ids, const auto& texts, const auto&) {
        const std::optional<Date> on = Date::parse(texts[1]);
        if (!on) return;
        domain::DatedMove move;
        move.direction = texts[0] == "internal"   ? domain::DatedMove::Direction::kInternal
                         : texts[0] == "outgoing" ? domain::DatedMove::Direction::kOutgoing
                                                  : domain::DatedMove::Direction::kIncoming;
        move.on = *on;
        move.id = ids[1];
        move.from_org = ids[2];
        move.standing = texts[2];
        moves_[ids[0]].push_back(std::move(move));
      });
    }
    {
      Bindings bindings;
      const std::string sql =
          "SELECT e.member_id, e.action, e.effective_on FROM member_events e "
          "WHERE e.action IN ('exemption', 'exemption_end') AND e.effective_on IS NOT NULL" +
          (ids.empty() ? std::string() : " AND e.member_id IN " + ids);
      each_row<1, 2>(session_, sql, bindings, [&](const auto& ids, const auto& texts, const auto&) {
        if (const std::optional<Date> on = Date::parse(texts[1]))
          exemptions_[ids[0]].push_back({*on, texts[0] == "exemption"});
      });
    }
  }

  const std::map<long long, std::vector<domain::DatedMove>>& moves() const { return moves_; }
  const std::map<long long, std::vector<domain::DatedExemption>>& exemptions() const {
    return exemptions_;
  }
  const std::string& subtree_sql() const { return subtree_sql_; }

  // Members outside the subtree now that moved out of it by an internal transfer after `since`.
  std::vector<long long> moved_out() const {
    std::vector<long long> ids;
    for (const auto& [member, list] : moves_) {
      for (const domain::DatedMove& move : list) {
        if (move.direction == domain::DatedMove::Direction::kInternal &&
            std::binary_search(orgs_.begin(), orgs_.end(), move.from_org)) {
          ids.push_back(member);
          break;
        }
      }
    }
    return ids;
  }

  // Streams the members meeting `where` (SQL of literals the caller has checked: paths are
  // digits and slashes, days ISO, ids integers) through the sqlite3 API or COPY, from the
  // covering index members_history (migration 0033) when the subtree is the condition.
  void read(const std::string& where, const std::function<void(const app::MemberHistory&)>& visit) {
    static const std::vector<std::string> kColumns = {"id",
                                                      "org_id",
                                                      "status",
                                                      "admission_date",
                                                      "official_date",
                                                      "exit_date",
                                                      "exit_ground",
                                                      "sex",
                                                      "birth_date",
                                                      "ethnicity",
                                                      "religion",
                                                      "general_education",
                                                      "professional_qualification",
                                                      "political_theory"};
    auto text = [](const std::optional<std::string>& value) -> const std::string& {
      static const std::string kEmpty;
      return value ? *value : kEmpty;
    };
    auto date = [](const std::optional<std::string>& value) -> std::optional<Date> {
      if (!value || value->empty()) return std::nullopt;
      return Date::parse(*value);
    };
    read_rows(
        session_, engine_, "members", kColumns,
        [&](const TextRow& row) {
          const long long id = number(row[0]);
          history_.id = MemberId(id);
          domain::MemberFacts& facts = history_.facts;
          facts.org = number(row[1]);
          facts.status = text(row[2]);
          facts.admission_date = date(row[3]);
          facts.official_date = date(row[4]);
          facts.exit_date = date(row[5]);
          history_.exit_ground = text(row[6]);
          history_.sex = text(row[7]);
          history_.birth_date = text(row[8]);
          history_.ethnicity = text(row[9]);
          history_.religion = text(row[10]);
          history_.general_education = text(row[11]);
          history_.professional_qualification = text(row[12]);
          history_.political_theory = text(row[13]);
          facts.moves.clear();
          facts.exemptions.clear();
          if (auto found = moves_.find(id); found != moves_.end()) facts.moves = found->second;
          if (auto found = exemptions_.find(id); found != exemptions_.end())
            facts.exemptions = found->second;
          visit(history_);
        },
        where);
  }

  static long long number(const std::optional<std::string>& value) {
    long long parsed = 0;
    if (value) std::from_chars(value->data(), value->data() + value->size(), parsed);
    return parsed;
  }

  static std::string id_list(const std::vector<long long>& ids) {
    std::string list;
    for (long long id : ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
    return "(" + list + ")";
  }

 private:
  soci::session& session_;
  Engine engine_;
  std::vector<int64_t> no_orgs_;
  const std::vector<int64_t>& orgs_;
  std::string subtree_sql_;
  std::map<long long, std::vector<domain::DatedMove>> moves_;
  std::map<long long, std::vector<domain::DatedExemption>> exemptions_;
  app::MemberHistory history_;
};

}  // namespace

void SqlMemberRepository::scan_history(
    const OrgPath& subtree, Date since, Date until, std::vector<int64_t>& orgs,
    const std::function<void(const app::MemberHistory&)>& visit) {
  HistoryReader reader(session_, subtree, since, orgs);
  // In the subtree now, or moved out of it after `since` (internal transfers from it).
  const std::string admitted = " AND admission_date <= '" + until.iso() + "'";
  reader.read(reader.subtree_sql() + admitted, visit);
  if (const std::vector<long long> moved_out = reader.moved_out(); !moved_out.empty()) {
    reader.read("id IN " + HistoryReader::id_list(moved_out) + " AND NOT (" + reader.subtree_sql() +
                    ")" + admitted,
                visit);
  }
}

bool SqlMemberRepository::scan_changed_since_kept(
    const OrgPath& subtree, Date on, const std::vector<std::string>& split_months,
    std::vector<int64_t>& orgs, app::KeptRoll& kept,
    const std::function<void(const app::MemberHistory&)>& visit) {
  std::optional<StatsTable> table = tracked_stats(session_, subtree.leaf());
  if (!table) return false;
  for (const auto& [dimension, values] : (*table)[std::string(domain::status::kOfficial)])
    for (const auto& [value, n] : values) kept.official[dimension][value] = n;
  HistoryReader reader(session_, subtree, on, orgs);
  // In the subtree now and possibly standing otherwise on `on` than today: not official today
  // or without an admission or official date (the partial index members_unusual), admitted,
  // recognized or exited after `on` (each by its day's index, the subtree a filter: written as
  // an expression so that neither engine walks the subtree instead).
  const std::string day = "'" + on.iso() + "'";
  std::unordered_set<long long> seen;
  auto visit_once = [&](const app::MemberHistory& member) {
    if (seen.insert(member.id.value).second) visit(member);
  };
  reader.read(reader.subtree_sql() +
                  " AND (status <> 'official' OR admission_date IS NULL OR official_date IS NULL)",
              visit_once);
  const std::string filtered = "org_path || '' >= '" + subtree.str() + "' AND org_path || '' < '" +
                               subtree.subtree_end() + "'";
  for (const char* column : {"admission_date", "official_date", "exit_date"})
    reader.read(filtered + " AND " + column + " > " + day, visit_once);
  // Anywhere: with an official transfer after `on` or a dated exemption (of any day).
  std::vector<long long> ids;
  for (const auto& [member, list] : reader.moves()) ids.push_back(member);
  for (const auto& [member, list] : reader.exemptions()) ids.push_back(member);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  for (size_t start = 0; start < ids.size(); start += 1000) {
    const std::vector<long long> chunk(
        ids.begin() + static_cast<std::ptrdiff_t>(start),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + 1000)));
    reader.read("id IN " + HistoryReader::id_list(chunk), visit_once);
  }
  // Official members of the subtree born in the split months, by day (members_birth_date).
  if (!split_months.empty()) {
    Bindings bindings;
    std::string days;
    for (const std::string& month : split_months) {
      days += (days.empty() ? "" : " OR ") + std::string("(m.birth_date >= ") +
              bindings.text(month + "-01") +
              " AND m.birth_date <= " + bindings.text(month + "-31") + ")";
    }
    const std::string sql = "SELECT m.id, m.birth_date FROM members m WHERE (" + days + ") AND " +
                            in_subtree("m.org_path", subtree, bindings) +
                            " AND m.status = 'official'";
    each_row<1, 1>(session_, sql, bindings, [&](const auto& ids, const auto& texts, const auto&) {
      kept.born.emplace_back(MemberId(ids[0]), texts[0]);
    });
  }
  return true;
}

std::vector<int64_t> SqlMemberRepository::changed_after(const std::string& utc) {
  // Each by its index: members_updated (migration 0039), transfers by member, the exemption
  // events (their own index; few).
  std::vector<int64_t> ids;
  Bindings bindings;
  const std::string sql =
      "SELECT id FROM members WHERE updated_at > " + bindings.text(utc) +
      " UNION SELECT member_id FROM transfers WHERE member_id IS NOT NULL AND updated_at > " +
      bindings.text(utc) +
      " UNION SELECT member_id FROM member_events WHERE action IN ('exemption', "
      "'exemption_end') AND effective_on IS NOT NULL AND at > " +
      bindings.text(utc);
  each_row<1, 0>(session_, sql, bindings,
                 [&](const auto& row, const auto&, const auto&) { ids.push_back(row[0]); });
  std::sort(ids.begin(), ids.end());
  return ids;
}

void SqlMemberRepository::scan_members(
    const std::vector<int64_t>& ids, Date since,
    const std::function<void(const app::MemberHistory&)>& visit) {
  for (size_t start = 0; start < ids.size(); start += 1000) {
    const std::vector<long long> chunk(
        ids.begin() + static_cast<std::ptrdiff_t>(start),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), start + 1000)));
    const std::string list = HistoryReader::id_list(chunk);
    HistoryReader reader(session_, since, list);
    reader.read("id IN " + list, visit);
  }
}

app::TransferFlows SqlMemberRepository::transfer_flows(const OrgPath& subtree, Date from, Date to) {
  app::TransferFlows flows;
  Bindings bindings;
  // Paths of today's tree (organizations moved since keep their transfers).
  const std::string sql =
      "SELECT t.direction, fo.path, tp.path FROM transfers t "
      "LEFT JOIN organizations fo ON fo.id = t.from_org_id "
      "LEFT JOIN organizations tp ON tp.id = t.to_org_id "
      "WHERE t.kind = 'official' AND t.state <> 'cancelled' AND t.started_on >= " +
      bindings.text(from.iso()) + " AND t.started_on <= " + bindings.text(to.iso());
  const std::string low = subtree.str();
  const std::string high = subtree.subtree_end();
  auto inside = [&](const std::string& path) {
    return !path.empty() && path >= low && path < high;
  };
  each_row<0, 3>(session_, sql, bindings, [&](const auto&, const auto& texts, const auto&) {
    const bool from_inside = inside(texts[1]);
    const bool to_inside = inside(texts[2]);
    if (texts[0] == "internal") {
      if (from_inside && !to_inside) ++flows.out_internal;
      if (!from_inside && to_inside) ++flows.in_internal;
    } else if (texts[0] == "outgoing") {
      if (from_inside) ++flows.out_outside;
    } else if (to_inside) {
      ++flows.in_outside;
    }
  });
  return flows;
}

}  // namespace chibo::storage
