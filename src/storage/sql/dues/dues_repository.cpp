#include "storage/sql/dues/dues_repository.h"

#include <algorithm>
#include <cstdint>

#include "storage/sql/engine/conditions.h"
#include "storage/sql/engine/row_values.h"
#include "storage/sql/engine/rows.h"

namespace chibo::storage {

using app::Collected;
using app::DuesAdjustment;
using app::DuesBasis;
using app::DuesClosing;
using app::DuesOrg;
using app::DuesPayment;
using app::DuesRelief;
using app::Month;

namespace dues_rows {

// Keeps an IN list's statement short.
constexpr size_t kChunk = 500;

Month month_of(const std::string& text) { return Month::parse(text).value_or(Month()); }

// Runs `select` (given the IN list of ids) over `members` in chunks.
template <class Select>
void in_chunks(const std::vector<MemberId>& members, Select select) {
  for (size_t from = 0; from < members.size(); from += kChunk) {
    std::vector<long long> ids;
    for (size_t i = from; i < members.size() && i < from + kChunk; ++i)
      ids.push_back(members[i].value);
    select(ids);
  }
}

}  // namespace dues_rows

using namespace dues_rows;

std::map<MemberId, std::vector<DuesBasis>> SqlDuesRepository::bases_of(
    const std::vector<MemberId>& members) {
  std::map<MemberId, std::vector<DuesBasis>> found;
  in_chunks(members, [&](const std::vector<long long>& ids) {
    Bindings bindings;
    RowReader row(3, 4);
    select_rows(session_,
                "SELECT valid_from, category, note, id, member_id, income, fixed_amount "
                "FROM dues_bases WHERE member_id IN " +
                    bindings.number_list(ids) + " ORDER BY member_id, valid_from",
                bindings, row, [&] {
                  DuesBasis basis;
                  basis.valid_from = month_of(row.text(0));
                  basis.category = row.text(1);
                  basis.note = row.text(2);
                  basis.id = row.number(0);
                  basis.income = row.number(2);
                  basis.fixed_amount = row.number(3);
                  found[MemberId(row.number(1))].push_back(std::move(basis));
                });
  });
  return found;
}

std::map<MemberId, std::vector<DuesRelief>> SqlDuesRepository::reliefs_of(
    const std::vector<MemberId>& members) {
  std::map<MemberId, std::vector<DuesRelief>> found;
  in_chunks(members, [&](const std::vector<long long>& ids) {
    Bindings bindings;
    RowReader row(5, 4);
    select_rows(session_,
                "SELECT kind, from_month, decision_number, decision_authority, reason, id, "
                "member_id, percent, months FROM dues_reliefs WHERE member_id IN " +
                    bindings.number_list(ids) + " ORDER BY member_id, from_month, id",
                bindings, row, [&] {
                  DuesRelief relief;
                  relief.kind = row.text(0);
                  relief.from = month_of(row.text(1));
                  relief.decision_number = row.text(2);
                  relief.decision_authority = row.text(3);
                  relief.reason = row.text(4);
                  relief.id = row.number(0);
                  relief.percent = static_cast<int>(row.number(2));
                  if (!row.is_null_number(3)) relief.months = static_cast<int>(row.number(3));
                  found[MemberId(row.number(1))].push_back(std::move(relief));
                });
  });
  return found;
}

std::map<MemberId, std::vector<DuesPayment>> SqlDuesRepository::payments_of(
    const std::vector<MemberId>& members) {
  std::map<MemberId, std::vector<DuesPayment>> found;
  in_chunks(members, [&](const std::vector<long long>& ids) {
    Bindings bindings;
    RowReader row(8, 6);
    select_rows(session_,
                "SELECT org_path, paid_on, first_month, channel, reference, note, created_at, "
                "created_by, id, member_id, org_id, months, amount, extra FROM dues_payments "
                "WHERE member_id IN " +
                    bindings.number_list(ids) + " ORDER BY member_id, paid_on, id",
                bindings, row, [&] {
                  DuesPayment p;
                  p.org_path = OrgPath::parse(row.text(0)).value_or(OrgPath());
                  p.paid_on = row.date(1).value_or(Date());
                  p.first_month = month_of(row.text(2));
                  p.channel = row.text(3);
                  p.reference = row.text(4);
                  p.note = row.text(5);
                  p.created_at = row.text(6);
                  p.created_by = row.text(7);
                  p.id = row.number(0);
                  p.member_id = MemberId(row.number(1));
                  p.org_id = OrgId(row.number(2));
                  p.months = static_cast<int>(row.number(3));
                  p.amount = row.number(4);
                  p.extra = row.number(5);
                  found[p.member_id].push_back(std::move(p));
                });
  });
  return found;
}

void SqlDuesRepository::insert_basis(MemberId member, DuesBasis& basis, const std::string& at,
                                     const std::string& by) {
  RowValues values;
  values.number("member_id", member.value)
      .text("valid_from", basis.valid_from.iso())
      .text("category", basis.category)
      .number("income", basis.income)
      .number("fixed_amount", basis.fixed_amount)
      .text("note", basis.note)
      .text("created_at", at)
      .text("created_by", by);
  basis.id = insert_returning_id(session_, "dues_bases", values);
}

void SqlDuesRepository::insert_relief(MemberId member, DuesRelief& relief,
                                      std::optional<Date> decided_on, const std::string& at,
                                      const std::string& by) {
  RowValues values;
  values.number("member_id", member.value)
      .text("kind", relief.kind)
      .number("percent", relief.percent)
      .text("from_month", relief.from.iso())
      .text("months", relief.months ? std::to_string(*relief.months) : std::string())
      .text("decision_number", relief.decision_number)
      .text("decision_authority", relief.decision_authority)
      .date("decision_date", decided_on)
      .text("reason", relief.reason)
      .text("created_at", at)
      .text("created_by", by);
  relief.id = insert_returning_id(session_, "dues_reliefs", values);
}

void SqlDuesRepository::insert_payment(DuesPayment& p) {
  RowValues values;
  values.number("member_id", p.member_id.value)
      .number("org_id", p.org_id.value)
      .text("org_path", p.org_path.str())
      .date("paid_on", p.paid_on)
      .text("book_month", Month::of(p.paid_on).iso())
      .text("first_month", p.first_month.iso())
      .number("months", p.months)
      .number("amount", p.amount)
      .number("extra", p.extra)
      .text("channel", p.channel)
      .text("reference", p.reference)
      .text("note", p.note)
      .text("created_at", p.created_at)
      .text("created_by", p.created_by);
  p.id = insert_returning_id(session_, "dues_payments", values);
}

bool SqlDuesRepository::reference_taken(const std::string& channel, const std::string& reference) {
  Bindings bindings;
  RowReader row(0, 1);
  bool taken = false;
  select_rows(session_,
              "SELECT id FROM dues_payments WHERE channel = " + bindings.text(channel) +
                  " AND reference = " + bindings.text(reference),
              bindings, row, [&] { taken = true; });
  return taken;
}

std::vector<DuesClosing> SqlDuesRepository::select_closings(const std::string& where,
                                                            Bindings& bindings) {
  std::vector<DuesClosing> found;
  RowReader row(4, 8);
  select_rows(session_,
              "SELECT org_path, month, closed_at, closed_by, org_id, members, due, collected, "
              "extra, kept, sent_up, keep_bp FROM dues_closings WHERE " +
                  where,
              bindings, row, [&] {
                DuesClosing c;
                c.org_path = OrgPath::parse(row.text(0)).value_or(OrgPath());
                c.month = month_of(row.text(1));
                c.closed_at = row.text(2);
                c.closed_by = row.text(3);
                c.org_id = OrgId(row.number(0));
                c.members = row.number(1);
                c.due = row.number(2);
                c.collected = row.number(3);
                c.extra = row.number(4);
                c.kept = row.number(5);
                c.sent_up = row.number(6);
                c.keep_bp = row.number(7);
                found.push_back(std::move(c));
              });
  return found;
}

std::optional<DuesClosing> SqlDuesRepository::find_closing(OrgId org, Month month) {
  Bindings bindings;
  std::vector<DuesClosing> found = select_closings(
      "org_id = " + bindings.number(org.value) + " AND month = " + bindings.text(month.iso()),
      bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void SqlDuesRepository::insert_closing(const DuesClosing& c) {
  RowValues values;
  values.number("org_id", c.org_id.value)
      .text("org_path", c.org_path.str())
      .text("month", c.month.iso())
      .number("members", c.members)
      .number("due", c.due)
      .number("collected", c.collected)
      .number("extra", c.extra)
      .number("kept", c.kept)
      .number("sent_up", c.sent_up)
      .number("keep_bp", c.keep_bp)
      .text("closed_at", c.closed_at)
      .text("closed_by", c.closed_by);
  soci::statement statement(session_);
  values.attach(statement);
  prepare_unnamed(statement, values.insert_sql("dues_closings"));
  statement.execute(true);
}

std::vector<DuesClosing> SqlDuesRepository::closings_in(const OrgPath& subtree, Month month) {
  Bindings bindings;
  const std::string where = "month = " + bindings.text(month.iso()) + " AND " +
                            subtree_condition("org_path", subtree, bindings);
  return select_closings(where, bindings);
}

void SqlDuesRepository::insert_adjustment(DuesAdjustment& a) {
  RowValues values;
  values.number("org_id", a.org_id.value)
      .text("month", a.month.iso())
      .number("amount", a.amount)
      .text("reason", a.reason)
      .text("created_at", a.created_at)
      .text("created_by", a.created_by);
  a.id = insert_returning_id(session_, "dues_adjustments", values);
}

std::vector<DuesAdjustment> SqlDuesRepository::adjustments_of(OrgId org, Month month) {
  std::vector<DuesAdjustment> found;
  Bindings bindings;
  RowReader row(3, 2);
  select_rows(session_,
              "SELECT reason, created_at, created_by, id, amount FROM dues_adjustments WHERE "
              "org_id = " +
                  bindings.number(org.value) + " AND month = " + bindings.text(month.iso()) +
                  " ORDER BY id",
              bindings, row, [&] {
                DuesAdjustment a;
                a.org_id = org;
                a.month = month;
                a.reason = row.text(0);
                a.created_at = row.text(1);
                a.created_by = row.text(2);
                a.id = row.number(0);
                a.amount = row.number(1);
                found.push_back(std::move(a));
              });
  return found;
}

std::vector<DuesOrg> SqlDuesRepository::orgs_in(const OrgPath& subtree) {
  std::vector<DuesOrg> found;
  Bindings bindings;
  RowReader row(3, 2);
  select_rows(session_,
              "SELECT path, kind, name, id, parent_id FROM organizations WHERE status = 'active' "
              "AND " +
                  subtree_condition("path", subtree, bindings) + " ORDER BY path",
              bindings, row, [&] {
                DuesOrg org;
                org.path = OrgPath::parse(row.text(0)).value_or(OrgPath());
                org.kind = row.text(1);
                org.name = row.text(2);
                org.id = OrgId(row.number(0));
                org.parent_id = OrgId(row.number(1));
                found.push_back(std::move(org));
              });
  return found;
}

std::map<OrgId, Collected> SqlDuesRepository::collected_in(const OrgPath& subtree, Month month) {
  std::map<OrgId, Collected> found;
  Bindings bindings;
  RowReader row(0, 3);
  select_rows(session_,
              "SELECT org_id, CAST(SUM(amount) AS BIGINT), CAST(SUM(extra) AS BIGINT) FROM "
              "dues_payments WHERE book_month = " +
                  bindings.text(month.iso()) + " AND " +
                  subtree_condition("org_path", subtree, bindings) + " GROUP BY org_id",
              bindings, row, [&] {
                found[OrgId(row.number(0))] = {row.number(1), row.number(2)};
              });
  return found;
}

void SqlDuesRepository::put_standing(MemberId member, std::optional<Month> unpaid_from,
                                     int64_t paid, const std::string& at) {
  Bindings bindings;
  // NULL through a NULL-valued expression both engines accept for a TEXT column.
  const std::string month = unpaid_from ? bindings.text(unpaid_from->iso()) : "NULL";
  const std::string sql =
      "INSERT INTO dues_standings (member_id, unpaid_from, paid, updated_at) VALUES (" +
      bindings.number(member.value) + ", " + month + ", " + bindings.number(paid) + ", " +
      bindings.text(at) +
      ") ON CONFLICT (member_id) DO UPDATE SET unpaid_from = excluded.unpaid_from, paid = "
      "excluded.paid, updated_at = "
      "excluded.updated_at";
  soci::statement statement(session_);
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  statement.execute(true);
}

std::vector<app::ArrearsFacts> SqlDuesRepository::arrears_facts(
    const OrgPath& subtree, const std::vector<std::string>& statuses, Month cut, MemberId after,
    size_t limit) {
  std::vector<app::ArrearsFacts> found;
  if (statuses.empty() || limit == 0) return found;
  // 1. The candidates, with only the member columns the ledger and the list read, and the
  // payments' sum kept with the standing (migration 0036): no payment row is read. Both engines
  // are made to start from the standings' index (the few members owing since `cut`) and look
  // each one up by id: SQLite cannot weigh the bound month and walked every member in id order;
  // PostgreSQL hashed a scan of every member, filtering each path (the LATERAL ... OFFSET 0
  // keeps the lookup per standing).
  {
    const bool postgres = session_.get_backend_name() == "postgresql";
    Bindings bindings;
    RowReader row(5, 3);
    const std::string owing = "s.unpaid_from <= " + bindings.text(cut.iso()) +
                              " AND s.member_id > " + bindings.number(after.value);
    const std::string member = "m.status IN " + bindings.text_list(statuses) + " AND " +
                               subtree_condition("m.org_path", subtree, bindings);
    const std::string from =
        postgres
            ? "dues_standings s CROSS JOIN LATERAL (SELECT m.id, m.org_id, m.full_name, "
              "m.admission_date, m.exit_date, m.party_age_anchor FROM members m WHERE m.id = "
              "s.member_id AND " +
                  member + " OFFSET 0) m JOIN organizations o ON o.id = m.org_id WHERE " + owing
            : "dues_standings s INDEXED BY dues_standings_unpaid JOIN members m ON m.id = "
              "s.member_id JOIN organizations o ON o.id = m.org_id WHERE " +
                  owing + " AND " + member;
    select_rows(session_,
                "SELECT m.full_name, o.name, m.admission_date, m.exit_date, m.party_age_anchor, "
                "m.id, m.org_id, s.paid FROM " +
                    from + " ORDER BY m.id" +
                    (limit == SIZE_MAX ? std::string() : " LIMIT " + std::to_string(limit)),
                bindings, row, [&] {
                  app::ArrearsFacts facts;
                  facts.full_name = row.text(0);
                  facts.org_name = row.text(1);
                  facts.admission_date = row.date(2);
                  facts.exit_date = row.date(3);
                  facts.party_age_anchor = row.date(4);
                  facts.member_id = MemberId(row.number(0));
                  facts.org_id = OrgId(row.number(1));
                  facts.paid = row.number(2);
                  found.push_back(std::move(facts));
                });
  }
  // 2. Their bases, reliefs and arrivals by id (integers written into the SQL text), 5,000 a
  // statement, matched back by id (the candidates are in id order).
  auto of = [&](long long id) -> app::ArrearsFacts* {
    auto at = std::lower_bound(
        found.begin(), found.end(), MemberId(id),
        [](const app::ArrearsFacts& f, MemberId wanted) { return f.member_id < wanted; });
    return at != found.end() && at->member_id == MemberId(id) ? &*at : nullptr;
  };
  constexpr size_t kIds = 5000;
  for (size_t from = 0; from < found.size(); from += kIds) {
    std::vector<long long> ids;
    for (size_t i = from; i < found.size() && i < from + kIds; ++i)
      ids.push_back(found[i].member_id.value);
    Bindings none;
    const std::string in = none.number_list(ids);
    {
      RowReader row(3, 4);
      select_rows(session_,
                  "SELECT valid_from, category, note, id, member_id, income, fixed_amount "
                  "FROM dues_bases WHERE member_id IN " +
                      in + " ORDER BY member_id, valid_from",
                  none, row, [&] {
                    app::ArrearsFacts* facts = of(row.number(1));
                    if (!facts) return;
                    DuesBasis basis;
                    basis.valid_from = month_of(row.text(0));
                    basis.category = row.text(1);
                    basis.note = row.text(2);
                    basis.id = row.number(0);
                    basis.income = row.number(2);
                    basis.fixed_amount = row.number(3);
                    facts->bases.push_back(std::move(basis));
                  });
    }
    {
      RowReader row(5, 4);
      select_rows(session_,
                  "SELECT kind, from_month, decision_number, decision_authority, reason, id, "
                  "member_id, percent, months FROM dues_reliefs WHERE member_id IN " +
                      in + " ORDER BY member_id, from_month, id",
                  none, row, [&] {
                    app::ArrearsFacts* facts = of(row.number(1));
                    if (!facts) return;
                    DuesRelief relief;
                    relief.kind = row.text(0);
                    relief.from = month_of(row.text(1));
                    relief.decision_number = row.text(2);
                    relief.decision_authority = row.text(3);
                    relief.reason = row.text(4);
                    relief.id = row.number(0);
                    relief.percent = static_cast<int>(row.number(2));
                    if (!row.is_null_number(3)) relief.months = static_cast<int>(row.number(3));
                    facts->reliefs.push_back(std::move(relief));
                  });
    }
    {
      RowReader row(1, 1);
      select_rows(session_,
                  "SELECT completed_on, member_id FROM transfers WHERE direction = 'incoming' "
                  "AND state = 'completed' AND completed_on IS NOT NULL AND member_id IN " +
                      in,
                  none, row, [&] {
                    const std::optional<Date> on = row.date(0);
                    app::ArrearsFacts* facts = of(row.number(0));
                    if (!on || !facts) return;
                    if (!facts->arrived || *facts->arrived < *on) facts->arrived = *on;
                  });
    }
  }
  return found;
}

std::map<MemberId, std::optional<Month>> SqlDuesRepository::all_standings() {
  std::map<MemberId, std::optional<Month>> found;
  Bindings bindings;
  RowReader row(1, 1);
  select_rows(session_, "SELECT unpaid_from, member_id FROM dues_standings", bindings, row, [&] {
    const std::string month = row.text(0);
    found[MemberId(row.number(0))] =
        month.empty() ? std::nullopt : std::optional<Month>(month_of(month));
  });
  return found;
}

std::map<MemberId, int64_t> SqlDuesRepository::all_standing_paid() {
  std::map<MemberId, int64_t> found;
  Bindings bindings;
  RowReader row(0, 2);
  select_rows(session_, "SELECT member_id, paid FROM dues_standings", bindings, row,
              [&] { found[MemberId(row.number(0))] = row.number(1); });
  return found;
}

std::vector<MemberId> SqlDuesRepository::members_with_bases() {
  std::vector<MemberId> found;
  Bindings bindings;
  RowReader row(0, 1);
  select_rows(session_, "SELECT DISTINCT member_id FROM dues_bases ORDER BY member_id", bindings,
              row, [&] { found.push_back(MemberId(row.number(0))); });
  return found;
}

std::map<MemberId, Date> SqlDuesRepository::arrivals_of(const std::vector<MemberId>& members) {
  std::map<MemberId, Date> found;
  in_chunks(members, [&](const std::vector<long long>& ids) {
    Bindings bindings;
    RowReader row(1, 1);
    select_rows(session_,
                "SELECT completed_on, member_id FROM transfers WHERE direction = 'incoming' "
                "AND state = 'completed' AND completed_on IS NOT NULL AND member_id IN " +
                    bindings.number_list(ids),
                bindings, row, [&] {
                  const std::optional<Date> on = row.date(0);
                  if (!on) return;
                  auto [at, inserted] = found.emplace(MemberId(row.number(0)), *on);
                  if (!inserted && at->second < *on) at->second = *on;
                });
  });
  return found;
}

}  // namespace chibo::storage
