#include "storage/sql/remediation/remediation_repository.h"

#include <algorithm>

#include "storage/sql/engine/conditions.h"
#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

using app::RemediationItem;

// Named, not anonymous: the unity build joins this file with the other repositories.
namespace remediation_rows {

// The filter's WHERE (without ORDER BY or LIMIT); each runs on one of the table's indexes.
std::string where_of(const app::RemediationFilter& f, Bindings& b) {
  std::string where = "1 = 1";
  if (f.sources.size() == 1) {
    where += " AND source = " + b.text(f.sources.front());
  } else if (!f.sources.empty()) {
    where += " AND source IN " + b.text_list(f.sources);
  }
  if (!f.subtree.empty()) where += " AND " + subtree_condition("org_path", f.subtree, b);
  if (!f.state.empty()) where += " AND state = " + b.text(f.state);
  if (!f.kind.empty()) where += " AND kind = " + b.text(f.kind);
  if (f.overdue_on) where += " AND state = 'open' AND due_on < " + b.text(f.overdue_on->iso());
  if (f.member) where += " AND member_id = " + b.number(f.member->value);
  if (f.year) where += " AND year = " + b.number(*f.year);
  if (f.inspection) where += " AND inspection_id = " + b.number(*f.inspection);
  return where;
}

}  // namespace remediation_rows

std::vector<RemediationItem> SqlRemediationRepository::select(const std::string& where,
                                                              Bindings& bindings) {
  std::vector<RemediationItem> found;
  RowReader row(13, 8);
  select_rows(session_,
              "SELECT source, org_path, kind, description, action, owner, due_on, evidence, "
              "state, closed_on, created_at, created_by, updated_at, source_item_id, "
              "campaign_id, inspection_id, year, member_id, org_id, version, id FROM "
              "remediation_items WHERE " +
                  where,
              bindings, row, [&] {
                RemediationItem s;
                s.source = row.text(0);
                s.org_path = OrgPath::parse(row.text(1)).value_or(OrgPath());
                s.kind = row.text(2);
                s.description = row.text(3);
                s.action = row.text(4);
                s.owner = row.text(5);
                s.due_on = row.date(6).value_or(Date());
                s.evidence = row.text(7);
                s.state = row.text(8);
                s.closed_on = row.date(9);
                s.created_at = row.text(10);
                s.created_by = row.text(11);
                s.updated_at = row.text(12);
                // A row written before its source id was set reads as its row id.
                s.id = row.is_null_number(0) ? row.number(7) : row.number(0);
                s.campaign_id = row.number(1);
                s.inspection_id = row.number(2);
                s.year = static_cast<int>(row.number(3));
                s.member_id = MemberId(row.number(4));
                s.org_id = OrgId(row.number(5));
                s.version = row.number(6);
                found.push_back(std::move(s));
              });
  return found;
}

void SqlRemediationRepository::insert(RemediationItem& s) {
  RowValues values;
  values.text("source", s.source)
      .optional_id("campaign_id", s.campaign_id)
      .optional_id("inspection_id", s.inspection_id)
      .number("year", s.year)
      .optional_id("member_id", s.member_id.value)
      .number("org_id", s.org_id.value)
      .text("org_path", s.org_path.str())
      .text("kind", s.kind)
      .text("description", s.description)
      .text("action", s.action)
      .text("owner", s.owner)
      .date("due_on", s.due_on)
      .text("evidence", s.evidence)
      .text("state", s.state)
      .date("closed_on", s.closed_on)
      .number("version", 1)
      .text("created_at", s.created_at)
      .text("created_by", s.created_by)
      .text("updated_at", s.updated_at);
  const long long row = insert_returning_id(session_, "remediation_items", values);
  // New rows show their row id: it lies above every id copied from the former tables
  // (migration 0034), so it is unique within the source too.
  RowValues own;
  own.number("source_item_id", row);
  Bindings where;
  update_rows(session_, "remediation_items", own, "id = " + where.number(row), where);
  s.id = row;
  s.version = 1;
}

std::optional<RemediationItem> SqlRemediationRepository::find(const std::string& source,
                                                              int64_t id) {
  Bindings bindings;
  auto found =
      select("source = " + bindings.text(source) + " AND source_item_id = " + bindings.number(id),
             bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

bool SqlRemediationRepository::update(const RemediationItem& s) {
  RowValues values;
  values.text("action", s.action)
      .text("owner", s.owner)
      .date("due_on", s.due_on)
      .text("evidence", s.evidence)
      .text("state", s.state)
      .date("closed_on", s.closed_on)
      .text("updated_at", s.updated_at)
      .number("version", s.version + 1);
  Bindings where;
  return update_rows(session_, "remediation_items", values,
                     "source = " + where.text(s.source) + " AND source_item_id = " +
                         where.number(s.id) + " AND version = " + where.number(s.version),
                     where) == 1;
}

std::vector<RemediationItem> SqlRemediationRepository::list(const app::RemediationFilter& f) {
  Bindings bindings;
  std::string where = remediation_rows::where_of(f, bindings);
  where += " ORDER BY due_on, source, source_item_id LIMIT " + std::to_string(std::max(1, f.limit));
  if (f.offset > 0) where += " OFFSET " + std::to_string(f.offset);
  return select(where, bindings);
}

int64_t SqlRemediationRepository::count(const app::RemediationFilter& f) {
  Bindings bindings;
  const std::string sql =
      "SELECT COUNT(*) FROM remediation_items WHERE " + remediation_rows::where_of(f, bindings);
  int64_t total = 0;
  RowReader row(0, 1);
  select_rows(session_, sql, bindings, row, [&] { total = row.number(0); });
  return total;
}

}  // namespace chibo::storage
