#include "storage/sql/documents/term_repository.h"

#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

using app::Term;
using app::TermSeat;

namespace {

constexpr const char* kTermColumns =
    "name, congress_opened_on, congress_closed_on, next_congress_closed_on, note, created_at, "
    "updated_at, id, org_id, approved_committee_size, approved_standing_size, "
    "congress_delegates, version";
constexpr size_t kTermTexts = 7;
constexpr size_t kTermNumbers = 6;

std::optional<int> optional_int(const RowReader& row, size_t index) {
  if (row.is_null_number(index)) return std::nullopt;
  return static_cast<int>(row.number(index));
}

Term term_of(const RowReader& row) {
  Term t;
  t.name = row.text(0);
  t.congress_opened_on = row.date(1);
  t.congress_closed_on = row.date(2).value_or(Date());
  t.next_congress_closed_on = row.date(3);
  t.note = row.text(4);
  t.created_at = row.text(5);
  t.updated_at = row.text(6);
  t.id = row.number(0);
  t.org_id = row.number(1);
  t.approved_committee_size = optional_int(row, 2);
  t.approved_standing_size = optional_int(row, 3);
  t.congress_delegates = optional_int(row, 4);
  t.version = row.number(5);
  return t;
}

// A NULL-able count: bound as text ("" is NULL), which both engines convert to the column's
// integer type (like RowValues::optional_id, which cannot carry 0).
std::string count_text(const std::optional<int>& value) {
  return value ? std::to_string(*value) : std::string();
}

RowValues values_of(const Term& t) {
  RowValues values;
  values.optional_id("org_id", t.org_id)
      .text("name", t.name)
      .date("congress_opened_on", t.congress_opened_on)
      .date("congress_closed_on", t.congress_closed_on)
      .date("next_congress_closed_on", t.next_congress_closed_on)
      .text("approved_committee_size", count_text(t.approved_committee_size))
      .text("approved_standing_size", count_text(t.approved_standing_size))
      .text("congress_delegates", count_text(t.congress_delegates))
      .text("note", t.note)
      .text("updated_at", t.updated_at);
  return values;
}

constexpr const char* kSeatColumns =
    "position, started_on, ended_on, decision_number, decision_authority, decision_date, "
    "end_reason, created_at, updated_at, id, term_id, org_id, member_id, version";
constexpr size_t kSeatTexts = 9;
constexpr size_t kSeatNumbers = 5;

TermSeat seat_of(const RowReader& row) {
  TermSeat s;
  s.position = row.text(0);
  s.started_on = row.date(1).value_or(Date());
  s.ended_on = row.date(2);
  s.decision_number = row.text(3);
  s.decision_authority = row.text(4);
  s.decision_date = row.date(5);
  s.end_reason = row.text(6);
  s.created_at = row.text(7);
  s.updated_at = row.text(8);
  s.id = row.number(0);
  s.term_id = row.number(1);
  s.org_id = OrgId(row.number(2));
  s.member_id = MemberId(row.number(3));
  s.version = row.number(4);
  return s;
}

RowValues values_of(const TermSeat& s) {
  RowValues values;
  values.optional_id("term_id", s.term_id)
      .optional_id("org_id", s.org_id.value)
      .optional_id("member_id", s.member_id.value)
      .text("position", s.position)
      .date("started_on", s.started_on)
      .date("ended_on", s.ended_on)
      .text("decision_number", s.decision_number)
      .text("decision_authority", s.decision_authority)
      .date("decision_date", s.decision_date)
      .text("end_reason", s.end_reason)
      .text("updated_at", s.updated_at);
  return values;
}

}  // namespace

std::vector<Term> SqlTermRepository::select_terms(const std::string& where_and_order,
                                                  Bindings& bindings) {
  std::vector<Term> found;
  RowReader row(kTermTexts, kTermNumbers);
  select_rows(session_, std::string("SELECT ") + kTermColumns + " FROM terms " + where_and_order,
              bindings, row, [&] { found.push_back(term_of(row)); });
  return found;
}

std::vector<Term> SqlTermRepository::terms_of(OrgId org) {
  Bindings bindings;
  return select_terms(
      "WHERE org_id = " + bindings.number(org.value) + " ORDER BY congress_closed_on, id",
      bindings);
}

std::optional<Term> SqlTermRepository::find(int64_t id) {
  Bindings bindings;
  std::vector<Term> found = select_terms("WHERE id = " + bindings.number(id), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::map<OrgId, Term> SqlTermRepository::running_terms(const std::vector<OrgId>& orgs) {
  std::map<OrgId, Term> running;
  // In chunks, so that a long list keeps the statement short.
  constexpr size_t kChunk = 500;
  for (size_t from = 0; from < orgs.size(); from += kChunk) {
    std::vector<long long> ids;
    for (size_t i = from; i < orgs.size() && i < from + kChunk; ++i) ids.push_back(orgs[i].value);
    Bindings bindings;
    for (Term& term : select_terms("WHERE org_id IN " + bindings.number_list(ids) +
                                       " AND next_congress_closed_on IS NULL ORDER BY "
                                       "congress_closed_on, id",
                                   bindings)) {
      const OrgId org(term.org_id);
      running[org] = std::move(term);  // the latest wins, should an org have two
    }
  }
  return running;
}

void SqlTermRepository::insert(Term& term) {
  RowValues values = values_of(term);
  values.number("version", 1).text("created_at", term.created_at);
  term.id = insert_returning_id(session_, "terms", values);
  term.version = 1;
}

bool SqlTermRepository::update(Term& term, const Term& before) {
  RowValues values = values_of(term);
  values.number("version", before.version + 1);
  Bindings where;
  const std::string condition =
      "id = " + where.number(term.id) + " AND version = " + where.number(before.version);
  if (update_rows(session_, "terms", values, condition, where) != 1) return false;
  term.version = before.version + 1;
  return true;
}

std::vector<TermSeat> SqlTermRepository::select_seats(const std::string& where_and_order,
                                                      Bindings& bindings) {
  std::vector<TermSeat> found;
  RowReader row(kSeatTexts, kSeatNumbers);
  select_rows(session_,
              std::string("SELECT ") + kSeatColumns + " FROM committee_seats " + where_and_order,
              bindings, row, [&] { found.push_back(seat_of(row)); });
  return found;
}

std::vector<TermSeat> SqlTermRepository::seats_of(int64_t term_id) {
  Bindings bindings;
  return select_seats("WHERE term_id = " + bindings.number(term_id) + " ORDER BY started_on, id",
                      bindings);
}

std::vector<TermSeat> SqlTermRepository::seats_of_member(MemberId member) {
  Bindings bindings;
  return select_seats(
      "WHERE member_id = " + bindings.number(member.value) + " ORDER BY started_on DESC, id DESC",
      bindings);
}

std::optional<TermSeat> SqlTermRepository::find_seat(int64_t id) {
  Bindings bindings;
  std::vector<TermSeat> found = select_seats("WHERE id = " + bindings.number(id), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void SqlTermRepository::insert_seat(TermSeat& seat) {
  RowValues values = values_of(seat);
  values.number("version", 1).text("created_at", seat.created_at);
  seat.id = insert_returning_id(session_, "committee_seats", values);
  seat.version = 1;
}

bool SqlTermRepository::update_seat(TermSeat& seat, const TermSeat& before) {
  RowValues values = values_of(seat);
  values.number("version", before.version + 1);
  Bindings where;
  const std::string condition =
      "id = " + where.number(seat.id) + " AND version = " + where.number(before.version);
  if (update_rows(session_, "committee_seats", values, condition, where) != 1) return false;
  seat.version = before.version + 1;
  return true;
}

}  // namespace chibo::storage
