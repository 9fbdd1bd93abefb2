#include "storage/sql/inspection/inspection_repository.h"

#include <algorithm>

#include "storage/sql/engine/conditions.h"
#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

using app::Inspection;
using app::InspectionProgramme;
using app::InspectionStageRecord;

// Named, not anonymous: the unity build joins this file with the other repositories.
namespace inspection_rows {

OrgPath path_from(const std::string& text) { return OrgPath::parse(text).value_or(OrgPath()); }

std::string team_text(const std::vector<std::string>& team) {
  std::string text;
  for (const std::string& name : team) {
    if (!text.empty()) text += '\n';
    text += name;
  }
  return text;
}

std::vector<std::string> team_of(const std::string& text) {
  std::vector<std::string> team;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    team.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return team;
}

}  // namespace inspection_rows

using namespace inspection_rows;

// ---- programmes --------------------------------------------------------------------------------

std::vector<InspectionProgramme> SqlInspectionRepository::select_programmes(
    const std::string& where, Bindings& bindings) {
  std::vector<InspectionProgramme> found;
  RowReader row(7, 4);
  select_rows(session_,
              "SELECT org_path, issuer, title, note, created_at, created_by, updated_at, id, "
              "org_id, year, version FROM inspection_programmes WHERE " +
                  where,
              bindings, row, [&] {
                InspectionProgramme p;
                p.org_path = path_from(row.text(0));
                p.issuer = row.text(1);
                p.title = row.text(2);
                p.note = row.text(3);
                p.created_at = row.text(4);
                p.created_by = row.text(5);
                p.updated_at = row.text(6);
                p.id = row.number(0);
                p.org_id = OrgId(row.number(1));
                p.year = static_cast<int>(row.number(2));
                p.version = row.number(3);
                found.push_back(std::move(p));
              });
  return found;
}

std::optional<InspectionProgramme> SqlInspectionRepository::find_programme(int64_t id) {
  Bindings bindings;
  auto found = select_programmes("id = " + bindings.number(id), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

bool SqlInspectionRepository::programme_exists(OrgId org, int year, const std::string& issuer) {
  Bindings bindings;
  return !select_programmes("org_id = " + bindings.number(org.value) + " AND year = " +
                                bindings.number(year) + " AND issuer = " + bindings.text(issuer),
                            bindings)
              .empty();
}

std::vector<InspectionProgramme> SqlInspectionRepository::programmes(const OrgPath& subtree,
                                                                     int year) {
  Bindings bindings;
  std::string where = subtree_condition("org_path", subtree, bindings);
  if (year > 0) where += " AND year = " + bindings.number(year);
  where += " ORDER BY year DESC, org_path, issuer, id LIMIT 500";
  return select_programmes(where, bindings);
}

void SqlInspectionRepository::insert_programme(InspectionProgramme& p) {
  RowValues values;
  values.number("org_id", p.org_id.value)
      .text("org_path", p.org_path.str())
      .number("year", p.year)
      .text("issuer", p.issuer)
      .text("title", p.title)
      .text("note", p.note)
      .number("version", 1)
      .text("created_at", p.created_at)
      .text("created_by", p.created_by)
      .text("updated_at", p.updated_at);
  p.id = insert_returning_id(session_, "inspection_programmes", values);
  p.version = 1;
}

bool SqlInspectionRepository::update_programme(const InspectionProgramme& p) {
  RowValues values;
  values.text("title", p.title)
      .text("note", p.note)
      .text("updated_at", p.updated_at)
      .number("version", p.version + 1);
  Bindings where;
  return update_rows(session_, "inspection_programmes", values,
                     "id = " + where.number(p.id) + " AND version = " + where.number(p.version),
                     where) == 1;
}

// ---- inspections -------------------------------------------------------------------------------

std::vector<Inspection> SqlInspectionRepository::select_inspections(const std::string& where,
                                                                    Bindings& bindings) {
  std::vector<Inspection> found;
  RowReader row(12, 5);
  select_rows(session_,
              "SELECT kind, subject_path, content, starts_on, ends_on, team, stage, stage_on, "
              "conclusion, created_at, created_by, updated_at, id, programme_id, subject_org_id, "
              "subject_member_id, version FROM inspections WHERE " +
                  where,
              bindings, row, [&] {
                Inspection i;
                i.kind = row.text(0);
                i.subject_path = path_from(row.text(1));
                i.content = row.text(2);
                i.starts_on = row.date(3).value_or(Date());
                i.ends_on = row.date(4).value_or(Date());
                i.team = team_of(row.text(5));
                i.stage = row.text(6);
                i.stage_on = row.date(7);
                i.conclusion = row.text(8);
                i.created_at = row.text(9);
                i.created_by = row.text(10);
                i.updated_at = row.text(11);
                i.id = row.number(0);
                i.programme_id = row.number(1);
                i.subject_org_id = OrgId(row.number(2));
                i.subject_member_id = MemberId(row.number(3));
                i.version = row.number(4);
                found.push_back(std::move(i));
              });
  return found;
}

std::optional<Inspection> SqlInspectionRepository::find_inspection(int64_t id) {
  Bindings bindings;
  auto found = select_inspections("id = " + bindings.number(id), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Inspection> SqlInspectionRepository::inspections_of(int64_t programme) {
  Bindings bindings;
  return select_inspections(
      "programme_id = " + bindings.number(programme) + " ORDER BY starts_on, id", bindings);
}

void SqlInspectionRepository::insert_inspection(Inspection& i) {
  RowValues values;
  values.number("programme_id", i.programme_id)
      .text("kind", i.kind)
      .optional_id("subject_org_id", i.subject_org_id.value)
      .optional_id("subject_member_id", i.subject_member_id.value)
      .text("subject_path", i.subject_path.str())
      .text("content", i.content)
      .date("starts_on", i.starts_on)
      .date("ends_on", i.ends_on)
      .text("team", team_text(i.team))
      .text("stage", i.stage)
      .date("stage_on", i.stage_on)
      .text("conclusion", i.conclusion)
      .number("version", 1)
      .text("created_at", i.created_at)
      .text("created_by", i.created_by)
      .text("updated_at", i.updated_at);
  i.id = insert_returning_id(session_, "inspections", values);
  i.version = 1;
}

bool SqlInspectionRepository::update_inspection(const Inspection& i) {
  RowValues values;
  values.text("kind", i.kind)
      .text("content", i.content)
      .date("starts_on", i.starts_on)
      .date("ends_on", i.ends_on)
      .text("team", team_text(i.team))
      .text("stage", i.stage)
      .date("stage_on", i.stage_on)
      .text("conclusion", i.conclusion)
      .text("updated_at", i.updated_at)
      .number("version", i.version + 1);
  Bindings where;
  return update_rows(session_, "inspections", values,
                     "id = " + where.number(i.id) + " AND version = " + where.number(i.version),
                     where) == 1;
}

// ---- stages ------------------------------------------------------------------------------------

void SqlInspectionRepository::insert_stage(const InspectionStageRecord& r) {
  RowValues row;
  row.number("inspection_id", r.inspection_id)
      .text("stage", r.stage)
      .date("on_date", r.on)
      .optional_id("document_id", r.document_id.value_or(0))
      .text("document_text", r.document_text)
      .text("recorded_at", r.recorded_at)
      .text("recorded_by", r.recorded_by);
  soci::statement statement(session_);
  row.attach(statement);
  prepare_unnamed(statement, row.insert_sql("inspection_stages"));
  statement.execute(true);
}

std::vector<InspectionStageRecord> SqlInspectionRepository::stages_of(int64_t inspection) {
  std::vector<InspectionStageRecord> found;
  Bindings bindings;
  RowReader row(5, 2);
  select_rows(session_,
              "SELECT stage, on_date, document_text, recorded_at, recorded_by, inspection_id, "
              "document_id FROM inspection_stages WHERE inspection_id = " +
                  bindings.number(inspection) + " ORDER BY on_date, recorded_at",
              bindings, row, [&] {
                InspectionStageRecord r;
                r.stage = row.text(0);
                r.on = row.date(1).value_or(Date());
                r.document_text = row.text(2);
                r.recorded_at = row.text(3);
                r.recorded_by = row.text(4);
                r.inspection_id = row.number(0);
                if (!row.is_null_number(1)) r.document_id = row.number(1);
                found.push_back(std::move(r));
              });
  return found;
}

}  // namespace chibo::storage
