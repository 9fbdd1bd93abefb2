#include "storage/sql/lifecycle/candidate_repository.h"

#include "storage/sql/engine/conditions.h"
#include "storage/sql/engine/row_values.h"
#include "storage/sql/engine/statement.h"
#include "text/fold.h"
#include "text/person_name.h"

namespace chibo::storage {

using app::Candidate;
using app::StepRecord;

namespace {

// The person's columns, named as the member fields they hold: all text but the birth date.
struct PersonColumn {
  const char* name;
  std::string domain::Member::*text;  // nullptr: birth_date
};
const PersonColumn kPersonColumns[] = {
    {"full_name", &domain::Member::full_name},
    {"birth_name", &domain::Member::birth_name},
    {"sex", &domain::Member::sex},
    {"birth_date", nullptr},
    {"place_of_birth", &domain::Member::place_of_birth},
    {"home_town", &domain::Member::home_town},
    {"permanent_residence", &domain::Member::permanent_residence},
    {"current_residence", &domain::Member::current_residence},
    {"ethnicity", &domain::Member::ethnicity},
    {"religion", &domain::Member::religion},
    {"citizen_id", &domain::Member::citizen_id},
    {"phone", &domain::Member::phone},
    {"email", &domain::Member::email},
    {"general_education", &domain::Member::general_education},
    {"professional_qualification", &domain::Member::professional_qualification},
    {"political_theory", &domain::Member::political_theory},
    {"occupation", &domain::Member::occupation},
    {"work_unit", &domain::Member::work_unit},
    {"position", &domain::Member::position},
};
constexpr size_t kPersonCount = sizeof(kPersonColumns) / sizeof(kPersonColumns[0]);

// SELECT order: org_path, the person's columns, then these texts; then the numbers.
const char* const kOtherTexts[] = {
    "record_cleared_on", "over_age_approval", "status",     "closed_on",
    "close_reason",      "created_at",        "updated_at", "phase"};
constexpr size_t kOtherCount = sizeof(kOtherTexts) / sizeof(kOtherTexts[0]);
const char* const kCandidateNumbers[] = {
    "id", "org_id", "youth_union_member", "readmission_of", "member_id", "version"};
constexpr size_t kNumberCount = sizeof(kCandidateNumbers) / sizeof(kCandidateNumbers[0]);

std::string column_list() {
  std::string list = "org_path";
  for (const PersonColumn& column : kPersonColumns) list += std::string(", ") + column.name;
  for (const char* column : kOtherTexts) list += std::string(", ") + column;
  for (const char* column : kCandidateNumbers) list += std::string(", ") + column;
  return list;
}

Candidate candidate_of(const RowReader& row) {
  Candidate candidate;
  candidate.person.org_path = OrgPath::parse(row.text(0)).value_or(OrgPath());
  for (size_t index = 0; index < kPersonCount; ++index) {
    if (kPersonColumns[index].text) {
      candidate.person.*(kPersonColumns[index].text) = row.text(1 + index);
    } else {
      candidate.person.birth_date = row.date(1 + index);
    }
  }
  const size_t other = 1 + kPersonCount;
  candidate.record_cleared_on = row.date(other + 0);
  candidate.over_age_approval = row.text(other + 1);
  candidate.status = row.text(other + 2);
  candidate.closed_on = row.date(other + 3);
  candidate.close_reason = row.text(other + 4);
  candidate.created_at = row.text(other + 5);
  candidate.updated_at = row.text(other + 6);
  candidate.phase = row.text(other + 7);
  candidate.id = CandidateId(row.number(0));
  candidate.person.org_id = OrgId(row.number(1));
  candidate.youth_union_member = row.number(2) != 0;
  candidate.readmission_of = MemberId(row.number(3));
  candidate.member_id = MemberId(row.number(4));
  candidate.version = row.number(5);
  return candidate;
}

RowValues values_of(const Candidate& candidate) {
  RowValues values;
  values.number("org_id", candidate.person.org_id.value)
      .text("org_path", candidate.person.org_path.str())
      .text("sort_key", text::name_sort_key(candidate.person.full_name))
      .text("name_fold", text::fold(candidate.person.full_name));
  for (const PersonColumn& column : kPersonColumns) {
    values.text(column.name, column.text                   ? candidate.person.*(column.text)
                             : candidate.person.birth_date ? candidate.person.birth_date->iso()
                                                           : std::string());
  }
  values.number("youth_union_member", candidate.youth_union_member ? 1 : 0)
      .optional_id("readmission_of", candidate.readmission_of.value)
      .date("record_cleared_on", candidate.record_cleared_on)
      .text("over_age_approval", candidate.over_age_approval)
      .text("status", candidate.status)
      .text("phase", candidate.phase)
      .optional_id("member_id", candidate.member_id.value)
      .date("closed_on", candidate.closed_on)
      .text("close_reason", candidate.close_reason)
      .text("updated_at", candidate.updated_at);
  return values;
}

// Step columns: texts then numbers.
constexpr const char* kStepColumns =
    "s.step, s.done_on, s.doc_number, s.doc_authority, s.received_on, s.place, s.note, "
    "s.recorded_by, s.recorded_at, s.id, s.candidate_id, s.votes_for, s.votes_against, "
    "s.votes_entitled, s.youth_union";

}  // namespace

std::vector<Candidate> SqlCandidateRepository::select(const std::string& where_and_order,
                                                      Bindings& bindings) {
  std::vector<Candidate> found;
  RowReader row(1 + kPersonCount + kOtherCount, kNumberCount);
  select_rows(session_, "SELECT " + column_list() + " FROM candidates " + where_and_order, bindings,
              row, [&] { found.push_back(candidate_of(row)); });
  return found;
}

std::optional<Candidate> SqlCandidateRepository::find(CandidateId id) {
  Bindings bindings;
  std::vector<Candidate> found = select("WHERE id = " + bindings.number(id.value), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<CandidateId> SqlCandidateRepository::find_open_by_citizen_id(
    const std::string& citizen_id) {
  Bindings bindings;
  std::vector<Candidate> found =
      select("WHERE citizen_id = " + bindings.text(citizen_id) + " AND status = 'open'", bindings);
  if (found.empty()) return std::nullopt;
  return found.front().id;
}

app::CandidatePage SqlCandidateRepository::page(const app::CandidateFilter& filter) {
  Bindings bindings;
  std::string where = "1 = 1";
  if (filter.subtree) where += " AND " + subtree_condition("org_path", *filter.subtree, bindings);
  if (!filter.within.empty())
    where += " AND " + within_condition("org_path", filter.within, bindings);
  if (!filter.statuses.empty()) where += " AND status IN " + bindings.text_list(filter.statuses);
  if (!filter.phases.empty()) where += " AND phase IN " + bindings.text_list(filter.phases);
  // Each folded word must begin a word of the folded name.
  size_t start = 0;
  const std::string& query = filter.name_query;
  while (start < query.size()) {
    size_t end = query.find(' ', start);
    if (end == std::string::npos) end = query.size();
    std::string word = query.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    std::string escaped;
    for (char c : word) {
      if (c == '%' || c == '_' || c == '\\') escaped.push_back('\\');
      escaped.push_back(c);
    }
    where += " AND (' ' || name_fold) LIKE " + bindings.text("% " + escaped + "%") + " ESCAPE '\\'";
  }
  app::CandidatePage page;
  {
    Bindings count_bindings = bindings;
    soci::statement statement(session_);
    long long total = 0;
    statement.exchange(soci::into(total));
    count_bindings.attach(statement);
    prepare_unnamed(statement, "SELECT COUNT(*) FROM candidates WHERE " + where);
    statement.execute(true);
    page.total = total;
  }
  page.items = select("WHERE " + where + " ORDER BY sort_key, id LIMIT " +
                          std::to_string(filter.limit) + " OFFSET " + std::to_string(filter.offset),
                      bindings);
  if (!page.items.empty()) {
    std::vector<long long> ids;
    for (const Candidate& candidate : page.items) ids.push_back(candidate.id.value);
    Bindings step_bindings;
    page.steps = steps_where("s.candidate_id IN " + step_bindings.number_list(ids), step_bindings);
  }
  return page;
}

void SqlCandidateRepository::insert(Candidate& candidate) {
  RowValues values = values_of(candidate);
  values.number("version", 1).text("created_at", candidate.created_at);
  candidate.id = CandidateId(insert_returning_id(session_, "candidates", values));
  candidate.version = 1;
}

bool SqlCandidateRepository::update(Candidate& candidate, const Candidate& before) {
  RowValues values = values_of(candidate);
  values.number("version", before.version + 1);
  Bindings where;
  const std::string condition =
      "id = " + where.number(candidate.id.value) + " AND version = " + where.number(before.version);
  if (update_rows(session_, "candidates", values, condition, where) != 1) return false;
  candidate.version = before.version + 1;
  return true;
}

std::map<CandidateId, std::vector<StepRecord>> SqlCandidateRepository::steps_where(
    const std::string& where, Bindings& bindings) {
  std::map<CandidateId, std::vector<StepRecord>> steps;
  std::map<long long, std::pair<CandidateId, size_t>> by_step_id;
  RowReader row(9, 6);
  select_rows(
      session_,
      std::string("SELECT ") + kStepColumns + " FROM admission_steps s WHERE " + where +
          " ORDER BY s.done_on, s.id",
      bindings, row, [&] {
        StepRecord record;
        record.step =
            domain::parse_admission_step(row.text(0)).value_or(domain::AdmissionStep::kCourse);
        record.on = row.date(1).value_or(Date());
        record.document = {row.text(2), row.text(3)};
        record.received_on = row.date(4);
        record.place = row.text(5);
        record.note = row.text(6);
        record.recorded_by = row.text(7);
        record.recorded_at = row.text(8);
        record.vote = {static_cast<int>(row.number(2)), static_cast<int>(row.number(3)),
                       static_cast<int>(row.number(4))};
        record.youth_union = row.number(5) != 0;
        const CandidateId candidate(row.number(1));
        steps[candidate].push_back(std::move(record));
        by_step_id[row.number(0)] = {candidate, steps[candidate].size() - 1};
      });
  if (by_step_id.empty()) return steps;
  std::vector<long long> step_ids;
  for (const auto& [step_id, where_it_is] : by_step_id) step_ids.push_back(step_id);
  Bindings introducer_bindings;
  RowReader introducer(1, 2);
  select_rows(
      session_,
      "SELECT known_since, step_id, member_id FROM admission_introducers WHERE step_id IN " +
          introducer_bindings.number_list(step_ids) + " ORDER BY step_id, position",
      introducer_bindings, introducer, [&] {
        const auto& [candidate, index] = by_step_id[introducer.number(0)];
        steps[candidate][index].introducers.push_back(
            {MemberId(introducer.number(1)), introducer.date(0)});
      });
  return steps;
}

std::vector<StepRecord> SqlCandidateRepository::steps(CandidateId id) {
  Bindings bindings;
  auto steps = steps_where("s.candidate_id = " + bindings.number(id.value), bindings);
  return steps[id];
}

void SqlCandidateRepository::add_step(CandidateId id, const StepRecord& step) {
  RowValues values;
  values.number("candidate_id", id.value)
      .text("step", std::string(domain::step_code(step.step)))
      .date("done_on", step.on)
      .text("doc_number", step.document.number)
      .text("doc_authority", step.document.authority)
      .number("youth_union", step.youth_union ? 1 : 0)
      .date("received_on", step.received_on)
      .text("place", step.place)
      .text("note", step.note)
      .text("recorded_by", step.recorded_by)
      .text("recorded_at", step.recorded_at);
  const bool resolution = step.step == domain::AdmissionStep::kCellResolution ||
                          step.step == domain::AdmissionStep::kBaseResolution;
  if (resolution) {
    values.number("votes_for", step.vote.in_favour)
        .number("votes_against", step.vote.against)
        .number("votes_entitled", step.vote.entitled);
  }
  const long long step_id = insert_returning_id(session_, "admission_steps", values);
  for (size_t index = 0; index < step.introducers.size(); ++index) {
    RowValues introducer;
    introducer.number("step_id", step_id)
        .number("position", static_cast<long long>(index))
        .number("member_id", step.introducers[index].member_id.value)
        .date("known_since", step.introducers[index].known_since);
    soci::statement statement(session_);
    introducer.attach(statement);
    prepare_unnamed(statement, introducer.insert_sql("admission_introducers"));
    statement.execute(true);
  }
}

void SqlCandidateRepository::remove_step(CandidateId id, domain::AdmissionStep step) {
  long long candidate = id.value;
  std::string code(domain::step_code(step));
  session_ << "DELETE FROM admission_introducers WHERE step_id IN (SELECT id FROM admission_steps "
              "WHERE candidate_id = :candidate AND step = :step)",
      soci::use(candidate, "candidate"), soci::use(code, "step");
  session_ << "DELETE FROM admission_steps WHERE candidate_id = :candidate AND step = :step",
      soci::use(candidate, "candidate"), soci::use(code, "step");
}

void SqlCandidateRepository::append_event(const app::CandidateEvent& event) {
  RowValues values;
  values.number("candidate_id", event.candidate_id.value)
      .text("at", event.at)
      .text("actor", event.actor)
      .text("action", event.action)
      .text("details", event.details.empty() ? "{}" : event.details);
  soci::statement statement(session_);
  values.attach(statement);
  prepare_unnamed(statement, values.insert_sql("candidate_events"));
  statement.execute(true);
}

std::vector<app::CandidateEvent> SqlCandidateRepository::history(CandidateId id) {
  std::vector<app::CandidateEvent> events;
  Bindings bindings;
  RowReader row(4, 1);
  select_rows(
      session_,
      "SELECT at, actor, action, details, id FROM candidate_events WHERE candidate_id = " +
          bindings.number(id.value) + " ORDER BY id",
      bindings, row, [&] {
        events.push_back({row.number(0), id, row.text(0), row.text(1), row.text(2), row.text(3)});
      });
  return events;
}

int SqlCandidateRepository::readmissions_of(MemberId member) {
  long long count = 0;
  long long id = member.value;
  session_ << "SELECT COUNT(*) FROM candidates WHERE readmission_of = :member AND status = "
              "'admitted'",
      soci::use(id, "member"), soci::into(count);
  return static_cast<int>(count);
}

int64_t SqlCandidateRepository::open_in(const OrgPath& subtree) {
  long long count = 0;
  std::string from = subtree.str();
  std::string to = subtree.subtree_end();
  session_ << "SELECT COUNT(*) FROM candidates WHERE org_path >= :from AND org_path < :to AND "
              "status = 'open'",
      soci::use(from, "from"), soci::use(to, "to"), soci::into(count);
  return count;
}

int64_t SqlCandidateRepository::move_open(OrgId from, const domain::Organization& to,
                                          const std::string& now) {
  long long source = from.value;
  long long target = to.id.value;
  std::string path = to.path.str();
  std::string updated = now;
  soci::statement update =
      unnamed_statement(session_,
                        "UPDATE candidates SET org_id = :target, org_path = :path, "
                        "updated_at = :now, version = version + 1 WHERE org_id = :source AND "
                        "status = 'open'",
                        soci::use(target, "target"), soci::use(path, "path"),
                        soci::use(updated, "now"), soci::use(source, "source"));
  update.execute(true);
  return update.get_affected_rows();
}

}  // namespace chibo::storage
