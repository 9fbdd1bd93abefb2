#include "storage/sql/directives/directive_repository.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "domain/directives/directive_rules.h"
#include "storage/sql/engine/conditions.h"
#include "storage/sql/engine/dialect.h"
#include "storage/sql/engine/row_values.h"
#include "storage/sql/engine/statement.h"

namespace chibo::storage {

using app::Assignment;
using app::AssignmentReport;
using app::Directive;
using app::DirectiveStudy;
using app::DirectiveTask;
using domain::RollupCounts;

namespace {

// Rows per multi-row statement: well under SQLite's bound-variable limit (32,766).
constexpr size_t kBatchRows = 200;

constexpr const char* kDirectiveColumns =
    "d.kind, d.title, d.number_symbol, d.issued_on, d.summary, d.created_by, d.created_at, "
    "d.updated_at, d.org_path, d.id, d.org_id, d.document_id, d.version, "
    "(SELECT COUNT(*) FROM directive_tasks t WHERE t.directive_id = d.id)";

Directive directive_of(const RowReader& row) {
  Directive d;
  d.kind = row.text(0);
  d.title = row.text(1);
  d.number_symbol = row.text(2);
  d.issued_on = row.date(3).value_or(Date());
  d.summary = row.text(4);
  d.created_by = row.text(5);
  d.created_at = row.text(6);
  d.updated_at = row.text(7);
  d.org_path = OrgPath::parse(row.text(8)).value_or(OrgPath());
  d.id = row.number(0);
  d.org_id = OrgId(row.number(1));
  d.document_id = row.number(2);
  d.version = row.number(3);
  d.task_count = row.number(4);
  return d;
}

constexpr const char* kAssignmentColumns =
    "a.note, a.plan_number, a.due_on, a.state, a.assigner_path, a.org_path, a.created_at, "
    "a.updated_at, d.title, d.number_symbol, t.title, o.name, o.kind, g.name, g.kind, "
    "m.full_name, a.id, a.directive_id, a.task_id, a.parent_id, a.assigner_org_id, a.org_id, "
    "a.member_id, a.overdue, a.plan_document_id, a.version";
constexpr const char* kAssignmentFrom =
    " FROM directive_assignments a JOIN directives d ON d.id = a.directive_id "
    "JOIN directive_tasks t ON t.id = a.task_id JOIN organizations o ON o.id = a.org_id "
    "JOIN organizations g ON g.id = a.assigner_org_id LEFT JOIN members m ON m.id = a.member_id ";

Assignment assignment_of(const RowReader& row) {
  Assignment a;
  a.note = row.text(0);
  a.plan_number = row.text(1);
  a.due_on = row.date(2).value_or(Date());
  a.state = domain::parse_state(row.text(3)).value_or(domain::AssignmentState::kAssigned);
  a.assigner_path = OrgPath::parse(row.text(4)).value_or(OrgPath());
  a.org_path = OrgPath::parse(row.text(5)).value_or(OrgPath());
  a.created_at = row.text(6);
  a.updated_at = row.text(7);
  a.directive_title = row.text(8);
  a.number_symbol = row.text(9);
  a.task_title = row.text(10);
  a.org_name = row.text(11);
  a.org_kind = row.text(12);
  a.assigner_name = row.text(13);
  a.assigner_kind = row.text(14);
  a.member_name = row.text(15);
  a.id = row.number(0);
  a.directive_id = row.number(1);
  a.task_id = row.number(2);
  a.parent_id = row.number(3);
  a.assigner_org_id = OrgId(row.number(4));
  a.org_id = OrgId(row.number(5));
  a.member_id = MemberId(row.number(6));
  a.overdue = row.number(7) != 0;
  a.plan_document_id = row.number(8);
  a.version = row.number(9);
  return a;
}

constexpr const char* kStudyColumns =
    "s.held_on, s.note, s.created_at, s.updated_at, s.org_path, o.name, o.kind, s.id, "
    "s.directive_id, s.org_id, s.attendees, s.members, s.version";

DirectiveStudy study_of(const RowReader& row) {
  DirectiveStudy s;
  s.held_on = row.date(0).value_or(Date());
  s.note = row.text(1);
  s.created_at = row.text(2);
  s.updated_at = row.text(3);
  s.org_path = OrgPath::parse(row.text(4)).value_or(OrgPath());
  s.org_name = row.text(5);
  s.org_kind = row.text(6);
  s.id = row.number(0);
  s.directive_id = row.number(1);
  s.org_id = OrgId(row.number(2));
  s.attendees = row.number(3);
  s.members = row.number(4);
  s.version = row.number(5);
  return s;
}

constexpr const char* kRollupColumns[] = {"total",       "assigned", "acknowledged",
                                          "in_progress", "reported", "accepted",
                                          "returned",    "overdue",  "studied"};

std::vector<int64_t*> fields_of(RollupCounts& c) {
  return {&c.total,    &c.assigned, &c.acknowledged, &c.in_progress, &c.reported,
          &c.accepted, &c.returned, &c.overdue,      &c.studied};
}

long long count_of(soci::session& session, const std::string& sql, Bindings& bindings) {
  long long n = 0;
  RowReader row(0, 1);
  select_rows(session, sql, bindings, row, [&] { n = row.number(0); });
  return n;
}

}  // namespace

// --- directives and tasks -------------------------------------------------------------------

void SqlDirectiveRepository::insert(Directive& d) {
  // Folded here when the caller did not (the demo generator writes through this too).
  const std::string search_text = d.search_text.empty()
                                      ? domain::directive_search_text(d.title, d.number_symbol)
                                      : d.search_text;
  RowValues values;
  values.optional_id("org_id", d.org_id.value)
      .text("org_path", d.org_path.str())
      .text("kind", d.kind)
      .text("title", d.title)
      .optional_id("document_id", d.document_id)
      .text("number_symbol", d.number_symbol)
      .date("issued_on", d.issued_on)
      .text("summary", d.summary)
      .text("search_text", search_text.empty() ? " " : search_text)
      .number("version", 1)
      .text("created_by", d.created_by)
      .text("created_at", d.created_at)
      .text("updated_at", d.updated_at);
  d.id = insert_returning_id(session_, "directives", values);
  d.version = 1;
}

std::vector<Directive> SqlDirectiveRepository::select_directives(const std::string& where_and_order,
                                                                 Bindings& bindings) {
  std::vector<Directive> found;
  RowReader row(9, 5);
  select_rows(session_,
              std::string("SELECT ") + kDirectiveColumns + " FROM directives d " + where_and_order,
              bindings, row, [&] { found.push_back(directive_of(row)); });
  return found;
}

std::optional<Directive> SqlDirectiveRepository::find(int64_t id) {
  Bindings bindings;
  std::vector<Directive> found = select_directives("WHERE d.id = " + bindings.number(id), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

app::DirectivePage SqlDirectiveRepository::page(const app::DirectiveQuery& query) {
  auto where = [&](Bindings& bindings) {
    std::string sql = "WHERE 1 = 1";
    auto visible = [&](const std::vector<OrgPath>& paths) {
      return "(" + within_condition("d.org_path", paths, bindings) +
             " OR d.id IN (SELECT x.directive_id FROM directive_assignments x WHERE " +
             within_condition("x.org_path", paths, bindings) + "))";
    };
    if (!query.within.empty()) sql += " AND " + visible(query.within);
    if (query.subtree) sql += " AND " + visible({*query.subtree});
    if (!query.kind.empty()) sql += " AND d.kind = " + bindings.text(query.kind);
    // Each folded word somewhere in the folded title and number.
    size_t at = 0;
    while (at < query.q.size()) {
      size_t end = query.q.find(' ', at);
      if (end == std::string::npos) end = query.q.size();
      if (end > at) {
        sql += " AND d.search_text LIKE " + bindings.text("%" + query.q.substr(at, end - at) + "%");
      }
      at = end + 1;
    }
    if (query.year) {
      sql += " AND d.issued_on >= " + bindings.text(std::to_string(*query.year) + "-01-01") +
             " AND d.issued_on <= " + bindings.text(std::to_string(*query.year) + "-12-31");
    }
    // The status from the roll-up at the issuer (every assignment of a directive is below it).
    const std::string at_issuer =
        "SELECT 1 FROM directive_rollup r WHERE r.directive_id = d.id AND r.org_id = d.org_id";
    if (query.status == "done") {
      sql += " AND EXISTS (" + at_issuer + " AND r.total > 0 AND r.accepted = r.total)";
    } else if (query.status == "open") {
      sql += " AND NOT EXISTS (" + at_issuer + " AND r.total > 0 AND r.accepted = r.total)";
    } else if (query.status == "overdue") {
      sql += " AND EXISTS (" + at_issuer + " AND r.overdue > 0)";
    }
    return sql;
  };
  app::DirectivePage page;
  Bindings count_bindings;
  page.total = count_of(session_, "SELECT COUNT(*) FROM directives d " + where(count_bindings),
                        count_bindings);
  Bindings bindings;
  const std::string filter = where(bindings);
  page.items =
      select_directives(filter + " ORDER BY d.issued_on DESC, d.id DESC LIMIT " +
                            std::to_string(query.limit) + " OFFSET " + std::to_string(query.offset),
                        bindings);
  return page;
}

bool SqlDirectiveRepository::assigned_within(int64_t directive_id,
                                             const std::vector<OrgPath>& within) {
  Bindings bindings;
  return count_of(session_,
                  "SELECT COUNT(*) FROM (SELECT 1 FROM directive_assignments x WHERE "
                  "x.directive_id = " +
                      bindings.number(directive_id) + " AND " +
                      within_condition("x.org_path", within, bindings) + " LIMIT 1) y",
                  bindings) > 0;
}

void SqlDirectiveRepository::insert_tasks(std::vector<DirectiveTask>& tasks) {
  for (DirectiveTask& t : tasks) {
    RowValues values;
    values.optional_id("directive_id", t.directive_id)
        .number("position", t.position)
        .text("title", t.title)
        .text("description", t.description)
        .date("due_on", t.due_on)
        .text("due_working_days", t.due_working_days ? std::to_string(*t.due_working_days) : "")
        .text("created_at", t.created_at)
        .text("report_cadence", t.report_schedule
                                    ? std::string(domain::cadence_code(t.report_schedule->cadence))
                                    : "")
        .text("report_final_due_on", t.report_schedule && t.report_schedule->final_due_on
                                         ? t.report_schedule->final_due_on->iso()
                                         : "");
    t.id = insert_returning_id(session_, "directive_tasks", values);
  }
}

std::vector<DirectiveTask> SqlDirectiveRepository::tasks_of(int64_t directive_id) {
  std::vector<DirectiveTask> tasks;
  RowReader row(6, 4);
  Bindings bindings;
  select_rows(session_,
              "SELECT title, description, due_on, created_at, report_cadence, "
              "report_final_due_on, id, directive_id, position, "
              "due_working_days FROM directive_tasks WHERE directive_id = " +
                  bindings.number(directive_id) + " ORDER BY position",
              bindings, row, [&] {
                DirectiveTask t;
                t.title = row.text(0);
                t.description = row.text(1);
                t.due_on = row.date(2).value_or(Date());
                t.created_at = row.text(3);
                t.id = row.number(0);
                t.directive_id = row.number(1);
                t.position = static_cast<int>(row.number(2));
                if (!row.is_null_number(3)) t.due_working_days = static_cast<int>(row.number(3));
                if (auto cadence = domain::parse_report_cadence(row.text(4))) {
                  t.report_schedule = domain::ReportSchedule{*cadence, row.date(5)};
                }
                tasks.push_back(std::move(t));
              });
  return tasks;
}

std::vector<app::TargetCandidate> SqlDirectiveRepository::orgs_of_kind(const OrgPath& subtree,
                                                                       const std::string& kind) {
  std::vector<app::TargetCandidate> found;
  RowReader row(1, 1);
  Bindings bindings;
  select_rows(session_,
              "SELECT path, id FROM organizations WHERE " +
                  subtree_condition("path", subtree, bindings) + " AND path <> " +
                  bindings.text(subtree.str()) + " AND kind = " + bindings.text(kind) +
                  " AND status = 'active' ORDER BY path",
              bindings, row, [&] {
                found.push_back(
                    {OrgId(row.number(0)), OrgPath::parse(row.text(0)).value_or(OrgPath()), true});
              });
  return found;
}

int64_t SqlDirectiveRepository::count_orgs_of_kind(const OrgPath& subtree,
                                                   const std::string& kind) {
  Bindings bindings;
  return count_of(session_,
                  "SELECT COUNT(*) FROM organizations WHERE " +
                      subtree_condition("path", subtree, bindings) + " AND path <> " +
                      bindings.text(subtree.str()) + " AND kind = " + bindings.text(kind) +
                      " AND status = 'active'",
                  bindings);
}

std::vector<app::TargetCandidate> SqlDirectiveRepository::orgs_of_kind_after(
    const OrgPath& subtree, const std::string& kind, const std::string& after, int limit) {
  std::vector<app::TargetCandidate> found;
  RowReader row(1, 1);
  Bindings bindings;
  std::string sql = "SELECT path, id FROM organizations WHERE " +
                    subtree_condition("path", subtree, bindings) + " AND path <> " +
                    bindings.text(subtree.str()) + " AND kind = " + bindings.text(kind) +
                    " AND status = 'active'";
  if (!after.empty()) sql += " AND path > " + bindings.text(after);
  sql += " ORDER BY path LIMIT " + std::to_string(std::max(1, limit));
  select_rows(session_, sql, bindings, row, [&] {
    found.push_back({OrgId(row.number(0)), OrgPath::parse(row.text(0)).value_or(OrgPath()), true});
  });
  return found;
}

// --- assignments ----------------------------------------------------------------------------

std::vector<std::tuple<int64_t, OrgId, MemberId>> SqlDirectiveRepository::existing_targets_in(
    const std::vector<int64_t>& task_ids, const std::vector<OrgId>& org_ids) {
  std::vector<std::tuple<int64_t, OrgId, MemberId>> found;
  if (task_ids.empty() || org_ids.empty()) return found;
  std::vector<long long> tasks(task_ids.begin(), task_ids.end());
  for (size_t from = 0; from < org_ids.size(); from += kBatchRows) {
    std::vector<long long> orgs;
    for (size_t i = from; i < org_ids.size() && i < from + kBatchRows; ++i)
      orgs.push_back(org_ids[i].value);
    RowReader row(0, 3);
    Bindings bindings;
    select_rows(session_,
                "SELECT task_id, org_id, member_key FROM directive_assignments WHERE task_id IN " +
                    bindings.number_list(tasks) + " AND org_id IN " + bindings.number_list(orgs),
                bindings, row, [&] {
                  found.emplace_back(row.number(0), OrgId(row.number(1)), MemberId(row.number(2)));
                });
  }
  return found;
}

std::vector<std::tuple<int64_t, OrgId, MemberId>> SqlDirectiveRepository::existing_targets(
    const std::vector<int64_t>& task_ids) {
  std::vector<std::tuple<int64_t, OrgId, MemberId>> found;
  if (task_ids.empty()) return found;
  RowReader row(0, 3);
  Bindings bindings;
  std::vector<long long> ids(task_ids.begin(), task_ids.end());
  select_rows(session_,
              "SELECT task_id, org_id, member_key FROM directive_assignments WHERE task_id IN " +
                  bindings.number_list(ids),
              bindings, row, [&] {
                found.emplace_back(row.number(0), OrgId(row.number(1)), MemberId(row.number(2)));
              });
  return found;
}

void SqlDirectiveRepository::insert_assignments(std::vector<Assignment>& assignments) {
  for (size_t from = 0; from < assignments.size(); from += kBatchRows) {
    const size_t to = std::min(assignments.size(), from + kBatchRows);
    Bindings bindings;
    std::string sql =
        "INSERT INTO directive_assignments (directive_id, task_id, parent_id, assigner_org_id, "
        "assigner_path, org_id, org_path, member_id, member_key, state, due_on, overdue, note, "
        "plan_document_id, plan_number, version, created_at, updated_at) VALUES ";
    auto id_or_null = [](long long id) { return id > 0 ? std::to_string(id) : "NULL"; };
    for (size_t i = from; i < to; ++i) {
      const Assignment& a = assignments[i];
      sql += (i == from ? "(" : ", (") + std::to_string(a.directive_id) + ", " +
             std::to_string(a.task_id) + ", " + id_or_null(a.parent_id) + ", " +
             std::to_string(a.assigner_org_id.value) + ", " + bindings.text(a.assigner_path.str()) +
             ", " + std::to_string(a.org_id.value) + ", " + bindings.text(a.org_path.str()) + ", " +
             id_or_null(a.member_id.value) + ", " +
             std::to_string(std::max<long long>(a.member_id.value, 0)) + ", " +
             bindings.text(std::string(domain::state_code(a.state))) + ", " +
             bindings.text(a.due_on.iso()) + ", " + (a.overdue ? "1" : "0") + ", " +
             (a.note.empty() ? std::string("NULL") : bindings.text(a.note)) + ", " +
             id_or_null(a.plan_document_id) + ", " +
             (a.plan_number.empty() ? std::string("NULL") : bindings.text(a.plan_number)) +
             ", 1, " + bindings.text(a.created_at) + ", " + bindings.text(a.updated_at) + ")";
    }
    sql += " RETURNING id, task_id, org_id, member_key";
    // RETURNING gives no order guarantee: match the ids back by the unique target.
    std::map<std::tuple<long long, long long, long long>, long long> ids;
    RowReader row(0, 4);
    select_rows(session_, sql, bindings, row, [&] {
      ids[{row.number(1), row.number(2), row.number(3)}] = row.number(0);
    });
    for (size_t i = from; i < to; ++i) {
      Assignment& a = assignments[i];
      a.id = ids[{a.task_id, a.org_id.value, std::max<long long>(a.member_id.value, 0)}];
      a.version = 1;
    }
  }
}

std::vector<Assignment> SqlDirectiveRepository::select_assignments(
    const std::string& where_and_order, Bindings& bindings) {
  std::vector<Assignment> found;
  RowReader row(16, 10);
  select_rows(session_,
              std::string("SELECT ") + kAssignmentColumns + kAssignmentFrom + where_and_order,
              bindings, row, [&] { found.push_back(assignment_of(row)); });
  return found;
}

std::optional<Assignment> SqlDirectiveRepository::find_assignment(int64_t id) {
  Bindings bindings;
  std::vector<Assignment> found =
      select_assignments("WHERE a.id = " + bindings.number(id), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

app::AssignmentPage SqlDirectiveRepository::assignments(const app::AssignmentQuery& query) {
  auto where = [&](Bindings& bindings) {
    std::string sql = "WHERE 1 = 1";
    if (query.directive_id > 0)
      sql += " AND a.directive_id = " + bindings.number(query.directive_id);
    if (query.task_id > 0) sql += " AND a.task_id = " + bindings.number(query.task_id);
    if (query.subtree) sql += " AND " + subtree_condition("a.org_path", *query.subtree, bindings);
    if (!query.within.empty())
      sql += " AND " + within_condition("a.org_path", query.within, bindings);
    if (query.org_id.valid()) sql += " AND a.org_id = " + bindings.number(query.org_id.value);
    if (query.assigner_org_id.valid())
      sql += " AND a.assigner_org_id = " + bindings.number(query.assigner_org_id.value);
    if (query.state)
      sql += " AND a.state = " + bindings.text(std::string(domain::state_code(*query.state)));
    if (query.overdue_on)
      sql += " AND a.state <> 'accepted' AND a.due_on < " + bindings.text(query.overdue_on->iso());
    if (query.due_until)
      sql += " AND a.state <> 'accepted' AND a.due_on <= " + bindings.text(query.due_until->iso());
    return sql;
  };
  app::AssignmentPage page;
  Bindings count_bindings;
  page.total =
      count_of(session_, "SELECT COUNT(*) FROM directive_assignments a " + where(count_bindings),
               count_bindings);
  Bindings bindings;
  const std::string filter = where(bindings);
  const std::string order = query.by_due ? " ORDER BY a.due_on, a.org_path, a.id"
                                         : " ORDER BY a.org_path, a.task_id, a.id";
  page.items = select_assignments(filter + order + " LIMIT " + std::to_string(query.limit) +
                                      " OFFSET " + std::to_string(query.offset),
                                  bindings);
  return page;
}

bool SqlDirectiveRepository::update_assignment(Assignment& a, const Assignment& before) {
  RowValues values;
  values.text("state", std::string(domain::state_code(a.state)))
      .number("overdue", a.overdue ? 1 : 0)
      .text("updated_at", a.updated_at)
      .number("version", before.version + 1);
  Bindings where;
  const std::string condition =
      "id = " + where.number(a.id) + " AND version = " + where.number(before.version);
  if (update_rows(session_, "directive_assignments", values, condition, where) != 1) return false;
  a.version = before.version + 1;
  return true;
}

RollupCounts SqlDirectiveRepository::child_counts(int64_t parent_id) {
  RollupCounts counts;
  RowReader row(1, 2);
  Bindings bindings;
  select_rows(session_,
              "SELECT state, COUNT(*), SUM(overdue) FROM directive_assignments WHERE parent_id = " +
                  bindings.number(parent_id) + " GROUP BY state",
              bindings, row, [&] {
                if (auto state = domain::parse_state(row.text(0))) {
                  counts.of(*state) += row.number(0);
                  counts.total += row.number(0);
                  if (*state != domain::AssignmentState::kAccepted) counts.overdue += row.number(1);
                }
              });
  return counts;
}

std::vector<Assignment> SqlDirectiveRepository::mark_overdue(Date as_of,
                                                             const std::optional<OrgPath>& subtree,
                                                             int limit) {
  Bindings bindings;
  std::string where =
      "WHERE a.state <> 'accepted' AND a.overdue = 0 AND a.due_on < " + bindings.text(as_of.iso());
  if (subtree) where += " AND " + subtree_condition("a.org_path", *subtree, bindings);
  std::vector<Assignment> found =
      select_assignments(where + " ORDER BY a.id LIMIT " + std::to_string(limit), bindings);
  std::vector<long long> ids;
  for (Assignment& a : found) {
    ids.push_back(a.id);
    a.overdue = true;
  }
  for (size_t from = 0; from < ids.size(); from += kBatchRows) {
    std::vector<long long> chunk(
        ids.begin() + static_cast<long>(from),
        ids.begin() + static_cast<long>(std::min(ids.size(), from + kBatchRows)));
    Bindings none;
    soci::statement statement(session_);
    none.attach(statement);
    prepare_unnamed(statement, "UPDATE directive_assignments SET overdue = 1 WHERE id IN " +
                                   none.number_list(chunk));
    statement.execute(true);
  }
  return found;
}

// --- reports --------------------------------------------------------------------------------

void SqlDirectiveRepository::insert_report(AssignmentReport& r) {
  RowValues values;
  values.optional_id("assignment_id", r.assignment_id)
      .text("body", r.body)
      .text("figures", r.figures.empty() ? "[]" : r.figures)
      .optional_id("document_id", r.document_id)
      .text("attachment_note", r.attachment_note)
      .text("submitted_by", r.submitted_by)
      .text("submitted_at", r.submitted_at)
      .text("review", r.review)
      .text("period", r.period);
  r.id = insert_returning_id(session_, "directive_reports", values);
}

std::vector<AssignmentReport> SqlDirectiveRepository::reports_of(int64_t assignment_id) {
  std::vector<AssignmentReport> found;
  RowReader row(10, 3);
  Bindings bindings;
  select_rows(session_,
              "SELECT body, figures, attachment_note, submitted_by, submitted_at, review, "
              "review_comment, reviewed_by, reviewed_at, period, id, assignment_id, document_id "
              "FROM directive_reports WHERE assignment_id = " +
                  bindings.number(assignment_id) + " ORDER BY id DESC",
              bindings, row, [&] {
                AssignmentReport r;
                r.body = row.text(0);
                r.figures = row.text(1);
                r.attachment_note = row.text(2);
                r.submitted_by = row.text(3);
                r.submitted_at = row.text(4);
                r.review = row.text(5);
                r.review_comment = row.text(6);
                r.reviewed_by = row.text(7);
                r.reviewed_at = row.text(8);
                r.period = row.text(9);
                r.id = row.number(0);
                r.assignment_id = row.number(1);
                r.document_id = row.number(2);
                found.push_back(std::move(r));
              });
  return found;
}

void SqlDirectiveRepository::update_review(const AssignmentReport& r) {
  RowValues values;
  values.text("review", r.review)
      .text("review_comment", r.review_comment)
      .text("reviewed_by", r.reviewed_by)
      .text("reviewed_at", r.reviewed_at);
  Bindings where;
  update_rows(session_, "directive_reports", values, "id = " + where.number(r.id), where);
}

// --- scheduled period reports -------------------------------------------------------------

namespace {

long long run_period_sql(soci::session& session, const std::string& sql, Bindings& bindings) {
  soci::statement statement(session);
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  statement.execute(true);
  return statement.get_affected_rows();
}

}  // namespace

void SqlDirectiveRepository::insert_task_periods(int64_t task_id,
                                                 const std::vector<domain::ReportPeriod>& periods) {
  for (const domain::ReportPeriod& p : periods) {
    if (p.key == domain::kFinalPeriod) continue;  // the assignment's own report
    RowValues values;
    values.number("task_id", task_id)
        .text("period", p.key)
        .date("starts_on", p.starts_on)
        .date("ends_on", p.ends_on)
        .date("due_on", p.due_on);
    soci::statement statement(session_);
    values.attach(statement);
    prepare_unnamed(statement, values.insert_sql("directive_task_periods"));
    statement.execute(true);
  }
}

std::vector<domain::ReportPeriod> SqlDirectiveRepository::task_periods(int64_t task_id) {
  std::vector<domain::ReportPeriod> found;
  RowReader row(4, 0);
  Bindings bindings;
  select_rows(session_,
              "SELECT period, starts_on, ends_on, due_on FROM directive_task_periods WHERE "
              "task_id = " +
                  bindings.number(task_id) + " ORDER BY ends_on",
              bindings, row, [&] {
                found.push_back({row.text(0), row.date(1).value_or(Date()),
                                 row.date(2).value_or(Date()), row.date(3).value_or(Date())});
              });
  return found;
}

int64_t SqlDirectiveRepository::mark_period_overdue(Date as_of,
                                                    const std::optional<OrgPath>& subtree) {
  Bindings bindings;
  const std::string day = as_of.iso();
  std::string sql =
      "INSERT INTO directive_period_overdue (assignment_id, period, directive_id, org_path, "
      "due_on, marked_on) SELECT a.id, p.period, a.directive_id, a.org_path, p.due_on, " +
      bindings.text(day) +
      " FROM directive_task_periods p JOIN directive_assignments a ON a.task_id = p.task_id "
      "WHERE p.due_on < " +
      bindings.text(day) + " AND p.due_on <= a.due_on AND a.state <> 'accepted'";
  if (subtree) sql += " AND " + subtree_condition("a.org_path", *subtree, bindings);
  sql +=
      " AND NOT EXISTS (SELECT 1 FROM directive_reports r WHERE r.assignment_id = a.id AND "
      "r.period = p.period AND r.review = 'accepted') AND NOT EXISTS (SELECT 1 FROM "
      "directive_period_overdue o WHERE o.assignment_id = a.id AND o.period = p.period)";
  return run_period_sql(session_, sql, bindings);
}

void SqlDirectiveRepository::clear_period_overdue(int64_t assignment_id,
                                                  const std::string& period) {
  Bindings bindings;
  run_period_sql(session_,
                 "DELETE FROM directive_period_overdue WHERE assignment_id = " +
                     bindings.number(assignment_id) + " AND period = " + bindings.text(period),
                 bindings);
}

int64_t SqlDirectiveRepository::period_overdue_count(int64_t directive_id, const OrgPath& subtree) {
  Bindings bindings;
  return count_of(session_,
                  "SELECT COUNT(*) FROM directive_period_overdue o WHERE o.directive_id = " +
                      bindings.number(directive_id) + " AND " +
                      subtree_condition("o.org_path", subtree, bindings),
                  bindings);
}

std::vector<app::DuePeriodReport> SqlDirectiveRepository::due_period_reports(Date until,
                                                                             int limit) {
  std::vector<app::DuePeriodReport> found;
  RowReader row(5, 3);
  Bindings bindings;
  select_rows(
      session_,
      "SELECT p.period, p.due_on, d.title, t.title, d.number_symbol, a.id, a.directive_id, "
      "a.org_id FROM directive_task_periods p JOIN directive_assignments a ON a.task_id = "
      "p.task_id JOIN directives d ON d.id = a.directive_id JOIN directive_tasks t ON t.id = "
      "a.task_id WHERE p.due_on <= " +
          bindings.text(until.iso()) +
          " AND p.due_on <= a.due_on AND a.state <> 'accepted' AND NOT EXISTS (SELECT 1 FROM "
          "directive_reports r WHERE r.assignment_id = a.id AND r.period = p.period AND "
          "r.review = 'accepted') ORDER BY p.due_on, a.id LIMIT " +
          std::to_string(limit),
      bindings, row, [&] {
        app::DuePeriodReport due;
        due.period = row.text(0);
        due.due_on = row.date(1).value_or(Date());
        due.directive_title = row.text(2);
        due.task_title = row.text(3);
        due.number_symbol = row.text(4);
        due.assignment_id = row.number(0);
        due.directive_id = row.number(1);
        due.org_id = OrgId(row.number(2));
        found.push_back(std::move(due));
      });
  return found;
}

// --- studies --------------------------------------------------------------------------------

std::vector<DirectiveStudy> SqlDirectiveRepository::select_studies(
    const std::string& where_and_order, Bindings& bindings) {
  std::vector<DirectiveStudy> found;
  RowReader row(7, 6);
  select_rows(session_,
              std::string("SELECT ") + kStudyColumns +
                  " FROM directive_studies s JOIN organizations o ON o.id = s.org_id " +
                  where_and_order,
              bindings, row, [&] { found.push_back(study_of(row)); });
  return found;
}

std::optional<DirectiveStudy> SqlDirectiveRepository::find_study(int64_t directive_id, OrgId org) {
  Bindings bindings;
  std::vector<DirectiveStudy> found =
      select_studies("WHERE s.directive_id = " + bindings.number(directive_id) +
                         " AND s.org_id = " + bindings.number(org.value),
                     bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void SqlDirectiveRepository::insert_study(DirectiveStudy& s) {
  RowValues values;
  values.optional_id("directive_id", s.directive_id)
      .optional_id("org_id", s.org_id.value)
      .text("org_path", s.org_path.str())
      .date("held_on", s.held_on)
      .number("attendees", s.attendees)
      .number("members", s.members)
      .text("note", s.note)
      .number("version", 1)
      .text("created_at", s.created_at)
      .text("updated_at", s.updated_at);
  s.id = insert_returning_id(session_, "directive_studies", values);
  s.version = 1;
}

bool SqlDirectiveRepository::update_study(DirectiveStudy& s, const DirectiveStudy& before) {
  RowValues values;
  values.date("held_on", s.held_on)
      .number("attendees", s.attendees)
      .number("members", s.members)
      .text("note", s.note)
      .text("updated_at", s.updated_at)
      .number("version", before.version + 1);
  Bindings where;
  const std::string condition =
      "id = " + where.number(s.id) + " AND version = " + where.number(before.version);
  if (update_rows(session_, "directive_studies", values, condition, where) != 1) return false;
  s.version = before.version + 1;
  return true;
}

std::vector<DirectiveStudy> SqlDirectiveRepository::studies_in(int64_t directive_id,
                                                               const OrgPath& subtree) {
  Bindings bindings;
  return select_studies("WHERE s.directive_id = " + bindings.number(directive_id) + " AND " +
                            subtree_condition("s.org_path", subtree, bindings) +
                            " ORDER BY s.org_path",
                        bindings);
}

// --- background fan-outs -------------------------------------------------------------------

namespace {

constexpr const char* kFanoutColumns =
    "tasks, target_mode, target_kind, target_orgs, note, plan_number, state, cursor_path, "
    "created_by, created_at, updated_at, finished_at, id, directive_id, parent_id, "
    "assigner_org_id, plan_document_id, total, done, created, skipped, batches";

app::DirectiveFanout fanout_of(const RowReader& row) {
  app::DirectiveFanout f;
  const nlohmann::json tasks = nlohmann::json::parse(row.text(0), nullptr, false);
  if (tasks.is_array()) {
    for (const auto& t : tasks) {
      if (!t.is_object() || !t.contains("task_id") || !t.contains("due_on")) continue;
      f.tasks.emplace_back(t["task_id"].get<int64_t>(),
                           Date::parse(t["due_on"].get<std::string>()).value_or(Date()));
    }
  }
  f.target_mode = row.text(1);
  f.target_kind = row.text(2);
  const nlohmann::json orgs =
      nlohmann::json::parse(row.text(3).empty() ? "[]" : row.text(3), nullptr, false);
  if (orgs.is_array()) {
    for (const auto& id : orgs)
      if (id.is_number_integer()) f.target_orgs.push_back(OrgId(id.get<long long>()));
  }
  f.note = row.text(4);
  f.plan_number = row.text(5);
  f.state = row.text(6);
  f.cursor_path = row.text(7);
  f.created_by = row.text(8);
  f.created_at = row.text(9);
  f.updated_at = row.text(10);
  f.finished_at = row.text(11);
  f.id = row.number(0);
  f.directive_id = row.number(1);
  f.parent_id = row.number(2);
  f.assigner_org_id = OrgId(row.number(3));
  f.plan_document_id = row.number(4);
  f.total = row.number(5);
  f.done = row.number(6);
  f.created = row.number(7);
  f.skipped = row.number(8);
  f.batches = row.number(9);
  return f;
}

}  // namespace

void SqlDirectiveRepository::insert_fanout(app::DirectiveFanout& f) {
  nlohmann::json tasks = nlohmann::json::array();
  for (const auto& [task, due] : f.tasks)
    tasks.push_back({{"task_id", task}, {"due_on", due.iso()}});
  nlohmann::json orgs = nlohmann::json::array();
  for (const OrgId& id : f.target_orgs) orgs.push_back(id.value);
  RowValues values;
  values.optional_id("directive_id", f.directive_id)
      .optional_id("parent_id", f.parent_id)
      .optional_id("assigner_org_id", f.assigner_org_id.value)
      .text("tasks", tasks.dump())
      .text("target_mode", f.target_mode)
      .text("target_kind", f.target_kind)
      .text("target_orgs", f.target_orgs.empty() ? "" : orgs.dump())
      .text("note", f.note)
      .optional_id("plan_document_id", f.plan_document_id)
      .text("plan_number", f.plan_number)
      .text("state", f.state)
      .number("total", f.total)
      .number("done", f.done)
      .number("created", f.created)
      .number("skipped", f.skipped)
      .number("batches", f.batches)
      .text("cursor_path", f.cursor_path)
      .text("created_by", f.created_by)
      .text("created_at", f.created_at)
      .text("updated_at", f.updated_at);
  f.id = insert_returning_id(session_, "directive_fanouts", values);
}

std::optional<app::DirectiveFanout> SqlDirectiveRepository::find_fanout(int64_t id) {
  std::optional<app::DirectiveFanout> found;
  RowReader row(12, 10);
  Bindings bindings;
  select_rows(session_,
              std::string("SELECT ") + kFanoutColumns +
                  " FROM directive_fanouts WHERE id = " + bindings.number(id),
              bindings, row, [&] { found = fanout_of(row); });
  return found;
}

std::vector<app::DirectiveFanout> SqlDirectiveRepository::fanouts_of(int64_t directive_id,
                                                                     int limit) {
  std::vector<app::DirectiveFanout> found;
  RowReader row(12, 10);
  Bindings bindings;
  select_rows(session_,
              std::string("SELECT ") + kFanoutColumns +
                  " FROM directive_fanouts WHERE directive_id = " + bindings.number(directive_id) +
                  " ORDER BY id DESC LIMIT " + std::to_string(std::max(1, limit)),
              bindings, row, [&] { found.push_back(fanout_of(row)); });
  return found;
}

bool SqlDirectiveRepository::update_fanout(const app::DirectiveFanout& f, int64_t before_batches) {
  RowValues values;
  values.text("state", f.state)
      .number("total", f.total)
      .number("done", f.done)
      .number("created", f.created)
      .number("skipped", f.skipped)
      .number("batches", f.batches)
      .text("cursor_path", f.cursor_path)
      .text("updated_at", f.updated_at)
      .text("finished_at", f.finished_at);
  Bindings where;
  const std::string condition =
      "id = " + where.number(f.id) + " AND batches = " + where.number(before_batches);
  const bool saved = update_rows(session_, "directive_fanouts", values, condition, where) == 1;
  if (saved && f.state == "done") refresh_planner_statistics(session_, "directive_assignments");
  return saved;
}

// --- roll-up --------------------------------------------------------------------------------

void SqlDirectiveRepository::adjust_rollup(int64_t directive_id,
                                           const std::map<OrgId, RollupCounts>& deltas) {
  std::vector<std::pair<OrgId, RollupCounts>> rows;
  for (const auto& [org, delta] : deltas) {
    if (!delta.empty()) rows.emplace_back(org, delta);
  }
  std::string columns, updates;
  for (const char* column : kRollupColumns) {
    columns += std::string(", ") + column;
    updates += std::string(updates.empty() ? "" : ", ") + column + " = directive_rollup." + column +
               " + excluded." + column;
  }
  for (size_t from = 0; from < rows.size(); from += kBatchRows) {
    const size_t to = std::min(rows.size(), from + kBatchRows);
    // Only integers: written inline (they cannot carry SQL).
    std::string sql = "INSERT INTO directive_rollup (directive_id, org_id" + columns + ") VALUES ";
    for (size_t i = from; i < to; ++i) {
      sql += (i == from ? "(" : ", (") + std::to_string(directive_id) + ", " +
             std::to_string(rows[i].first.value);
      for (int64_t* value : fields_of(rows[i].second)) sql += ", " + std::to_string(*value);
      sql += ")";
    }
    sql += " ON CONFLICT (directive_id, org_id) DO UPDATE SET " + updates;
    soci::statement statement(session_);
    prepare_unnamed(statement, sql);
    statement.execute(true);
  }
}

std::map<OrgId, RollupCounts> SqlDirectiveRepository::rollup(int64_t directive_id,
                                                             const std::vector<OrgId>& orgs) {
  std::map<OrgId, RollupCounts> found;
  if (orgs.empty()) return found;
  std::string columns;
  for (const char* column : kRollupColumns) columns += std::string(", ") + column;
  constexpr size_t kChunk = 500;
  for (size_t from = 0; from < orgs.size(); from += kChunk) {
    std::vector<long long> ids;
    for (size_t i = from; i < orgs.size() && i < from + kChunk; ++i) ids.push_back(orgs[i].value);
    RowReader row(0, 10);
    Bindings bindings;
    select_rows(session_,
                "SELECT org_id" + columns + " FROM directive_rollup WHERE directive_id = " +
                    bindings.number(directive_id) + " AND org_id IN " + bindings.number_list(ids),
                bindings, row, [&] {
                  RollupCounts counts;
                  std::vector<int64_t*> fields = fields_of(counts);
                  for (size_t i = 0; i < fields.size(); ++i) *fields[i] = row.number(i + 1);
                  found[OrgId(row.number(0))] = counts;
                });
  }
  return found;
}

}  // namespace chibo::storage
