// Members with their dated facts, for figures as of a past date and period reports (issue 16).
// One streamed subtree scan of members (the covering index members_history), plus the official
// transfers and exemption events that took effect after the date (their own indexes);
// domain/members/standing_on.h does the rest.
#include <algorithm>
#include <array>
#include <charconv>
#include <map>

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

void SqlMemberRepository::scan_history(
    const OrgPath& subtree, Date since, Date until, std::vector<int64_t>& orgs,
    const std::function<void(const app::MemberHistory&)>& visit) {
  {
    Bindings bindings;
    const std::string sql = "SELECT o.id FROM organizations o WHERE " +
                            in_subtree("o.path", subtree, bindings) + " ORDER BY o.id";
    each_row<1, 0>(session_, sql, bindings,
                   [&](const auto& ids, const auto&, const auto&) { orgs.push_back(ids[0]); });
  }
  // Official transfers after `since`, cancelled ones aside (as if never started).
  std::map<long long, std::vector<domain::DatedMove>> moves;
  {
    Bindings bindings;
    const std::string sql =
        "SELECT t.member_id, t.id, t.from_org_id, t.direction, t.started_on, t.standing "
        "FROM transfers t WHERE t.kind = 'official' AND t.state <> 'cancelled' "
        "AND t.member_id IS NOT NULL AND t.started_on > " +
        bindings.text(since.iso());
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
      moves[ids[0]].push_back(std::move(move));
    });
  }
  std::map<long long, std::vector<domain::DatedExemption>> exemptions;
  {
    Bindings bindings;
    const std::string sql =
        "SELECT e.member_id, e.action, e.effective_on FROM member_events e "
        "WHERE e.action IN ('exemption', 'exemption_end') AND e.effective_on IS NOT NULL";
    each_row<1, 2>(session_, sql, bindings, [&](const auto& ids, const auto& texts, const auto&) {
      if (const std::optional<Date> on = Date::parse(texts[1]))
        exemptions[ids[0]].push_back({*on, texts[0] == "exemption"});
    });
  }
  // In the subtree now, or moved out of it after `since` (internal transfers from it).
  std::vector<long long> moved_out;
  for (const auto& [member, list] : moves) {
    for (const domain::DatedMove& move : list) {
      if (move.direction == domain::DatedMove::Direction::kInternal &&
          std::binary_search(orgs.begin(), orgs.end(), move.from_org)) {
        moved_out.push_back(member);
        break;
      }
    }
  }
  // Streamed (the sqlite3 API, COPY on PostgreSQL) from the covering index members_history
  // (migration 0033): a root's subtree is every member. The literals are checked: the path is
  // digits and slashes (OrgPath), the day ISO, the ids integers.
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
  const std::string subtree_sql =
      "org_path >= '" + subtree.str() + "' AND org_path < '" + subtree.subtree_end() + "'";
  const std::string admitted_sql = " AND admission_date <= '" + until.iso() + "'";
  const Engine engine =
      session_.get_backend_name() == "postgresql" ? Engine::kPostgres : Engine::kSqlite;
  app::MemberHistory history;
  auto text = [](const std::optional<std::string>& value) -> const std::string& {
    static const std::string kEmpty;
    return value ? *value : kEmpty;
  };
  auto date = [](const std::optional<std::string>& value) -> std::optional<Date> {
    if (!value || value->empty()) return std::nullopt;
    return Date::parse(*value);
  };
  auto number = [](const std::optional<std::string>& value) -> long long {
    long long parsed = 0;
    if (value) std::from_chars(value->data(), value->data() + value->size(), parsed);
    return parsed;
  };
  auto on_row = [&](const TextRow& row) {
    const long long id = number(row[0]);
    history.id = MemberId(id);
    domain::MemberFacts& facts = history.facts;
    facts.org = number(row[1]);
    facts.status = text(row[2]);
    facts.admission_date = date(row[3]);
    facts.official_date = date(row[4]);
    facts.exit_date = date(row[5]);
    history.exit_ground = text(row[6]);
    history.sex = text(row[7]);
    history.birth_date = text(row[8]);
    history.ethnicity = text(row[9]);
    history.religion = text(row[10]);
    history.general_education = text(row[11]);
    history.professional_qualification = text(row[12]);
    history.political_theory = text(row[13]);
    facts.moves.clear();
    facts.exemptions.clear();
    if (auto found = moves.find(id); found != moves.end()) facts.moves = found->second;
    if (auto found = exemptions.find(id); found != exemptions.end())
      facts.exemptions = found->second;
    visit(history);
  };
  read_rows(session_, engine, "members", kColumns, on_row, subtree_sql + admitted_sql);
  if (!moved_out.empty()) {
    std::string ids;
    for (long long id : moved_out) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    read_rows(session_, engine, "members", kColumns, on_row,
              "id IN (" + ids + ") AND NOT (" + subtree_sql + ")" + admitted_sql);
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
