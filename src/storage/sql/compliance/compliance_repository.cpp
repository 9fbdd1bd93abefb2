#include "storage/sql/compliance/compliance_repository.h"

#include <stdexcept>

#include "storage/sql/engine/conditions.h"
#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

namespace {

// Each source is a SELECT of the columns org_path, org_id, subject_id, subject_label, due
// (an ISO day, or "YYYY-MM" for dues) over one subtree, and `facts` when the ask says so.
// Placeholders are made in the order they appear in the text (PostgreSQL numbers them so). Each
// runs on an index over the path range: directive_assignments_subtree, organizations' path,
// remediation_items_source_subtree, members_subtree, transfers_from.
using SourceSql = std::string (*)(const app::ComplianceAsk&, Bindings&);

// An open directive assignment past its due date (directive_assignments.due_on; the roll-up's
// "overdue" is the same fact once the nightly mark has run).
std::string assignment_overdue(const app::ComplianceAsk& ask, Bindings& b) {
  std::string sql =
      "SELECT a.org_path AS org_path, a.org_id AS org_id, a.id AS subject_id, t.title AS "
      "subject_label, a.due_on AS due FROM directive_assignments a JOIN directive_tasks t ON "
      "t.id = a.task_id WHERE ";
  sql += subtree_condition("a.org_path", ask.subtree, b);
  sql += " AND a.state <> 'accepted' AND a.due_on < " + b.text(ask.as_of.iso());
  return sql;
}

// An active cell without a recorded regular meeting in the period that has ended.
std::string regular_meeting_missing(const app::ComplianceAsk& ask, Bindings& b) {
  std::string sql =
      "SELECT o.path AS org_path, o.id AS org_id, o.id AS subject_id, o.name AS "
      "subject_label, CAST(" +
      b.text(ask.to.iso()) + " AS TEXT) AS due FROM organizations o WHERE ";
  sql += subtree_condition("o.path", ask.subtree, b);
  sql += " AND o.status = 'active' AND o.kind IN " + b.text_list(ask.org_kinds);
  sql +=
      " AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.org_id = o.id AND m.kind = "
      "'regular' AND m.state <> 'scheduled' AND m.held_on >= " +
      b.text(ask.from.iso()) + " AND m.held_on <= " + b.text(ask.to.iso()) + ")";
  return sql;
}

// An open review shortcoming past its remediation date.
std::string shortcoming_overdue(const app::ComplianceAsk& ask, Bindings& b) {
  std::string sql =
      "SELECT s.org_path AS org_path, s.org_id AS org_id, s.source_item_id AS subject_id, "
      "COALESCE(m.full_name, s.description) AS subject_label, s.due_on AS due FROM "
      "remediation_items s LEFT JOIN members m ON m.id = s.member_id WHERE s.source = "
      "'review' AND ";
  sql += subtree_condition("s.org_path", ask.subtree, b);
  sql += " AND s.state = 'open' AND s.due_on < " + b.text(ask.as_of.iso());
  return sql;
}

// A probationary member whose probation has ended and who is not yet recognized.
std::string probation_ended(const app::ComplianceAsk& ask, Bindings& b) {
  std::string sql =
      "SELECT m.org_path AS org_path, m.org_id AS org_id, m.id AS subject_id, m.full_name AS "
      "subject_label, m.probation_ends_on AS due FROM members m WHERE ";
  sql += subtree_condition("m.org_path", ask.subtree, b);
  sql += " AND m.status = 'probationary' AND m.probation_ends_on < " + b.text(ask.as_of.iso());
  return sql;
}

// A transfer sent from the subtree, still in transit, started before the day from which the
// member would still be on time (the app computes it in working days).
std::string transfer_in_transit(const app::ComplianceAsk& ask, Bindings& b) {
  std::string sql =
      "SELECT t.from_path AS org_path, t.from_org_id AS org_id, t.id AS subject_id, "
      "COALESCE(m.full_name, t.guest_name, '') AS subject_label, t.started_on AS due FROM "
      "transfers t LEFT JOIN members m ON m.id = t.member_id WHERE ";
  sql += subtree_condition("t.from_path", ask.subtree, b);
  sql += " AND t.state = 'in_transit' AND t.started_on < " + b.text(ask.as_of.iso());
  return sql;
}

// A member on the roll who owes dues of a month that has ended (dues_standings.unpaid_from).
std::string dues_arrears(const app::ComplianceAsk& ask, Bindings& b) {
  std::string sql =
      "SELECT m.org_path AS org_path, m.org_id AS org_id, m.id AS subject_id, m.full_name AS "
      "subject_label, d.unpaid_from AS due FROM members m JOIN dues_standings d ON d.member_id "
      "= m.id WHERE ";
  sql += subtree_condition("m.org_path", ask.subtree, b);
  sql += " AND m.status IN " + b.text_list(ask.statuses);
  sql += " AND d.unpaid_from <= " + b.text(ask.text);
  return sql;
}

// The same members, read from the other end: the standings in arrears first (their index on
// unpaid_from), each member then checked against the subtree. SQLite only (CROSS JOIN fixes
// the order); see arrears_first().
std::string dues_arrears_first(const app::ComplianceAsk& ask, Bindings& b) {
  std::string sql =
      "SELECT m.org_path AS org_path, m.org_id AS org_id, m.id AS subject_id, m.full_name AS "
      "subject_label, d.unpaid_from AS due FROM dues_standings d CROSS JOIN members m ON m.id = "
      "d.member_id WHERE d.unpaid_from <= " +
      b.text(ask.text) + " AND ";
  sql += subtree_condition("m.org_path", ask.subtree, b);
  sql += " AND m.status IN " + b.text_list(ask.statuses);
  return sql;
}

// An open violation or recommendation of an inspection's conclusion past its due date; the
// item lies at its subject's path, the subject is the inspection (its page lists the items).
std::string inspection_item_overdue(const app::ComplianceAsk& ask, Bindings& b) {
  std::string sql =
      "SELECT i.org_path AS org_path, i.org_id AS org_id, i.inspection_id AS subject_id, "
      "i.description AS subject_label, i.due_on AS due FROM remediation_items i WHERE "
      "i.source = 'inspection' AND ";
  sql += subtree_condition("i.org_path", ask.subtree, b);
  sql += " AND i.state = 'open' AND i.due_on < " + b.text(ask.as_of.iso());
  return sql;
}

// An active organization whose running term (no later congress) opened under one of the
// windows the app computed from the term length rule's versions: its congress is due and has not
// been held. Oldest congress first is most overdue first within one term class (one source per
// class; the rule's versions keep that order unless a later version shortens the term).
std::string congress_overdue(const app::ComplianceAsk& ask, Bindings& b) {
  std::string sql =
      "SELECT o.path AS org_path, o.id AS org_id, t.id AS subject_id, o.name AS "
      "subject_label, t.congress_closed_on AS due FROM organizations o JOIN terms t ON t.org_id "
      "= o.id WHERE ";
  sql += subtree_condition("o.path", ask.subtree, b);
  sql += " AND o.status = 'active' AND o.kind IN " + b.text_list(ask.org_kinds);
  sql += " AND t.next_congress_closed_on IS NULL AND (";
  if (ask.windows.empty()) sql += "1 = 0";
  for (size_t i = 0; i < ask.windows.size(); ++i) {
    if (i > 0) sql += " OR ";
    sql += "(t.congress_closed_on >= " + b.text(ask.windows[i].from.iso()) +
           " AND t.congress_closed_on < " + b.text(ask.windows[i].before.iso()) + ")";
  }
  return sql + ")";
}

// A discipline case whose last appeal is still pending, received before the first day from which
// it would still be in time (the app computes it from discipline.appeal_resolve_days). The label
// is the decision's number, not the subject: the board names no one.
std::string appeal_unresolved(const app::ComplianceAsk& ask, Bindings& b) {
  std::string sql =
      "SELECT c.org_path AS org_path, c.org_id AS org_id, c.id AS subject_id, "
      "COALESCE(NULLIF(c.decision_number, ''), d.symbol, '') AS subject_label, "
      "c.appeal_received_on AS due FROM discipline_cases c LEFT JOIN documents d ON d.id = "
      "c.decision_document_id WHERE ";
  sql += subtree_condition("c.org_path", ask.subtree, b);
  sql += " AND c.state = 'appealed' AND c.appeal_received_on < " + b.text(ask.as_of.iso());
  return sql;
}

// An active organization of `org_kinds` whose kept count of members of `statuses` over its whole
// subtree (org_member_counts, as the organization's page counts them) is under `threshold`, or
// at or over it (`at_least`): one structure warning (domain::structure_check). It has no due
// date: the due is today (`as_of`).
std::string structure_warning(const app::ComplianceAsk& ask, Bindings& b) {
  std::string sql =
      "SELECT o.path AS org_path, o.id AS org_id, o.id AS subject_id, o.name AS "
      "subject_label, CAST(" +
      b.text(ask.as_of.iso()) + " AS TEXT) AS due FROM organizations o WHERE ";
  sql += subtree_condition("o.path", ask.subtree, b);
  sql += " AND o.status = 'active' AND o.kind IN " + b.text_list(ask.org_kinds);
  sql +=
      " AND (SELECT COALESCE(SUM(c.n), 0) FROM org_member_counts c WHERE c.org_id = o.id AND "
      "c.status IN " +
      b.text_list(ask.statuses) + ")";
  sql += ask.at_least ? " >= " : " < ";
  return sql + b.number(ask.threshold);
}

// An open discipline case (not yet decided: open or voted) counted from a breach on or before
// `as_of`, the last day from which the shortest limitation could have run out by the end of the
// warning window (domain::discipline::latest_breach_ending_by). The exact end (level, category,
// the rule's version, deferrals) is the domain's: the `facts` column carries
// "sanction|category|breach_date|new_breach_date|deferrals JSON" and the app drops the rows
// whose clock does not warn. The label is the case's number: the board names no one.
std::string limitation_expiring(const app::ComplianceAsk& ask, Bindings& b) {
  std::string sql =
      "SELECT c.org_path AS org_path, c.org_id AS org_id, c.id AS subject_id, '#' || CAST(c.id "
      "AS TEXT) AS subject_label, COALESCE(c.new_breach_date, c.breach_date) AS due, c.sanction "
      "|| '|' || c.category || '|' || c.breach_date || '|' || COALESCE(c.new_breach_date, '') || "
      "'|' || c.deferrals AS facts FROM discipline_cases c WHERE ";
  sql += subtree_condition("c.org_path", ask.subtree, b);
  sql += " AND c.state IN ('open', 'voted') AND COALESCE(c.new_breach_date, c.breach_date) <= " +
         b.text(ask.as_of.iso());
  return sql;
}

SourceSql source_of(const std::string& kind) {
  if (kind == "directives.assignment_overdue") return assignment_overdue;
  if (kind == "meetings.regular_missing") return regular_meeting_missing;
  if (kind == "review.shortcoming_overdue") return shortcoming_overdue;
  if (kind == "probation.recognition_due") return probation_ended;
  if (kind == "transfers.in_transit_overdue") return transfer_in_transit;
  if (kind == "dues.arrears") return dues_arrears;
  if (kind == "inspection.item_overdue") return inspection_item_overdue;
  if (kind == "terms.congress_overdue" || kind == "terms.cell_congress_overdue")
    return congress_overdue;
  if (kind == "discipline.appeal_unresolved") return appeal_unresolved;
  if (kind == "discipline.limitation_expiring") return limitation_expiring;
  if (kind == "org.few_official_members" || kind == "org.base_cell_too_large" ||
      kind == "org.base_committee_too_small")
    return structure_warning;
  throw std::logic_error("no compliance source " + kind);
}

}  // namespace

// Dues arrears over a subtree can be found from either end: every member of the subtree and
// its standing (members_subtree), or every standing in arrears and its member. SQLite has no
// range statistics and always takes the first, which at the national root walks 5.6 million
// members to find the few in arrears (2.1 s of the board). So count both ends first (the
// subtree's kept member count; the arrears' index range) and start from the smaller.
// PostgreSQL's planner makes that choice from its own statistics.
bool SqlComplianceRepository::arrears_first(const app::ComplianceAsk& ask) {
  if (engine_ != Engine::kSqlite || ask.kind != "dues.arrears") return false;
  Bindings b;
  const std::string sql =
      "SELECT (SELECT COUNT(*) FROM dues_standings WHERE unpaid_from <= " + b.text(ask.text) +
      "), (SELECT COALESCE(SUM(c.n), 0) FROM org_member_counts c JOIN organizations o ON o.id = "
      "c.org_id WHERE o.path = " +
      b.text(ask.subtree.str()) + " AND c.status IN " + b.text_list(ask.statuses) + ")";
  int64_t arrears = 0, members = 0;
  RowReader row(0, 2);
  select_rows(session_, sql, b, row, [&] {
    arrears = row.number(0);
    members = row.number(1);
  });
  return arrears < members;
}

std::string SqlComplianceRepository::source_sql(const app::ComplianceAsk& ask, Bindings& b) {
  if (arrears_first(ask)) return dues_arrears_first(ask, b);
  return source_of(ask.kind)(ask, b);
}

std::vector<domain::compliance::PathCount> SqlComplianceRepository::counts(
    const app::ComplianceAsk& ask) {
  Bindings b;
  const std::string sql =
      "SELECT s.org_path, COUNT(*) FROM (" + source_sql(ask, b) + ") s GROUP BY s.org_path";
  std::vector<domain::compliance::PathCount> out;
  RowReader row(1, 1);
  select_rows(session_, sql, b, row, [&] {
    if (std::optional<OrgPath> path = OrgPath::parse(row.text(0)))
      out.push_back({*path, row.number(0)});
  });
  return out;
}

std::vector<app::ComplianceRow> SqlComplianceRepository::items(const app::ComplianceAsk& ask,
                                                               int64_t limit) {
  Bindings b;
  std::string sql = std::string("SELECT s.org_path, o.name, s.subject_label, s.due, ") +
                    (ask.facts ? "s.facts, " : "") + "s.org_id, s.subject_id FROM (" +
                    source_sql(ask, b) +
                    ") s JOIN organizations o ON o.id = s.org_id ORDER BY s.due, s.org_path, "
                    "s.subject_id";
  if (limit >= 0) sql += " LIMIT " + std::to_string(limit);
  std::vector<app::ComplianceRow> out;
  const size_t texts = ask.facts ? 5 : 4;
  RowReader row(texts, 2);
  select_rows(session_, sql, b, row, [&] {
    app::ComplianceRow r;
    r.org_path = OrgPath::parse(row.text(0)).value_or(OrgPath());
    r.org_name = row.text(1);
    r.subject_label = row.text(2);
    r.date = row.text(3);
    if (ask.facts) r.facts = row.text(4);
    r.org_id = OrgId(row.number(0));
    r.subject_id = row.number(1);
    out.push_back(std::move(r));
  });
  return out;
}

}  // namespace chibo::storage
