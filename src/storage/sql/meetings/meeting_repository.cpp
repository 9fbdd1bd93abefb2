#include "storage/sql/meetings/meeting_repository.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "storage/sql/engine/conditions.h"
#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

using app::AbsenceNoticeRow;
using app::AmendmentRow;
using app::AttendanceFact;
using app::AttendanceRow;
using app::MeetingLinkRow;
using app::MeetingRow;
using app::MeetingVoteRow;
using app::MissingCell;

// Named, not anonymous: the unity build joins this file with the other repositories.
namespace meeting_rows {

constexpr size_t kMeetingChunk = 500;

std::string agenda_text(const std::vector<app::MeetingAgendaItem>& agenda) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : agenda)
    items.push_back({{"code", item.code}, {"title", item.title}, {"note", item.note}});
  return items.dump();
}

std::vector<app::MeetingAgendaItem> agenda_of(const std::string& text) {
  std::vector<app::MeetingAgendaItem> agenda;
  const nlohmann::json items = nlohmann::json::parse(text, nullptr, false);
  if (!items.is_array()) return agenda;
  for (const auto& item : items) {
    agenda.push_back({item.value("code", ""), item.value("title", ""), item.value("note", "")});
  }
  return agenda;
}

std::string changes_text(const std::vector<app::AttendanceChange>& changes) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : changes)
    items.push_back({{"member_id", c.member_id.value}, {"from", c.from}, {"to", c.to}});
  return items.dump();
}

std::vector<app::AttendanceChange> changes_of(const std::string& text) {
  std::vector<app::AttendanceChange> changes;
  const nlohmann::json items = nlohmann::json::parse(text, nullptr, false);
  if (!items.is_array()) return changes;
  for (const auto& item : items) {
    changes.push_back({MemberId(item.value("member_id", int64_t{0})), item.value("from", ""),
                       item.value("to", "")});
  }
  return changes;
}

void execute_sql(soci::session& session, const std::string& sql, Bindings& bindings) {
  soci::statement statement(session);
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  statement.execute(true);
}

RowValues meeting_values(const MeetingRow& m) {
  RowValues values;
  values.number("org_id", m.org_id.value)
      .text("org_path", m.org_path.str())
      .text("kind", m.kind)
      .text("state", m.state)
      .date("held_on", m.held_on)
      .text("starts_at", m.starts_at)
      .text("place", m.place)
      .text("topic", m.topic)
      .text("agenda", agenda_text(m.agenda))
      .optional_id("chair_id", m.chair_id.value)
      .optional_id("secretary_id", m.secretary_id.value)
      .text("resolution", m.resolution)
      .text("minutes", m.minutes)
      .number("counted", m.counted)
      .number("present", m.present)
      .number("absent_excused", m.absent_excused)
      .number("absent_unexcused", m.absent_unexcused)
      .text("created_at", m.created_at)
      .text("created_by", m.created_by)
      .text("recorded_at", m.recorded_at)
      .text("recorded_by", m.recorded_by)
      .text("approved_at", m.approved_at)
      .text("approved_by", m.approved_by);
  return values;
}

constexpr const char* kMeetingColumns =
    "m.org_path, m.kind, m.state, m.held_on, m.starts_at, m.place, m.topic, m.agenda, "
    "m.resolution, m.minutes, m.created_at, m.created_by, m.recorded_at, m.recorded_by, "
    "m.approved_at, m.approved_by, m.id, m.org_id, m.chair_id, m.secretary_id, m.counted, "
    "m.present, m.absent_excused, m.absent_unexcused";

MeetingRow meeting_of(const RowReader& row) {
  MeetingRow m;
  m.org_path = OrgPath::parse(row.text(0)).value_or(OrgPath());
  m.kind = row.text(1);
  m.state = row.text(2);
  m.held_on = row.date(3).value_or(Date());
  m.starts_at = row.text(4);
  m.place = row.text(5);
  m.topic = row.text(6);
  m.agenda = agenda_of(row.text(7));
  m.resolution = row.text(8);
  m.minutes = row.text(9);
  m.created_at = row.text(10);
  m.created_by = row.text(11);
  m.recorded_at = row.text(12);
  m.recorded_by = row.text(13);
  m.approved_at = row.text(14);
  m.approved_by = row.text(15);
  m.id = row.number(0);
  m.org_id = OrgId(row.number(1));
  m.chair_id = MemberId(row.number(2));
  m.secretary_id = MemberId(row.number(3));
  m.counted = static_cast<int>(row.number(4));
  m.present = static_cast<int>(row.number(5));
  m.absent_excused = static_cast<int>(row.number(6));
  m.absent_unexcused = static_cast<int>(row.number(7));
  return m;
}

// One attendance row read as "held_on, kind, status, reason[, meeting state], meeting_id,
// member_id, counted" (texts, then numbers): the one mapping of both attendance reads.
AttendanceFact attendance_fact(const RowReader& row, bool with_state) {
  AttendanceFact f;
  f.held_on = row.date(0).value_or(Date());
  f.kind = row.text(1);
  f.status = row.text(2);
  f.reason = row.text(3);
  if (with_state) f.meeting_state = row.text(4);
  f.meeting_id = row.number(0);
  f.member_id = MemberId(row.number(1));
  f.counted = row.number(2) != 0;
  return f;
}

}  // namespace meeting_rows

using namespace meeting_rows;

void SqlMeetingRepository::insert(MeetingRow& meeting) {
  RowValues values = meeting_values(meeting);
  meeting.id = insert_returning_id(session_, "meetings", values);
}

void SqlMeetingRepository::update(const MeetingRow& meeting) {
  RowValues values = meeting_values(meeting);
  Bindings where;
  update_rows(session_, "meetings", values, "id = " + where.number(meeting.id), where);
}

std::vector<MeetingRow> SqlMeetingRepository::select_meetings(const std::string& where_and_order,
                                                              Bindings& bindings) {
  std::vector<MeetingRow> found;
  RowReader row(16, 8);
  select_rows(
      session_,
      std::string("SELECT ") + kMeetingColumns + " FROM meetings m WHERE " + where_and_order,
      bindings, row, [&] { found.push_back(meeting_of(row)); });
  return found;
}

std::optional<MeetingRow> SqlMeetingRepository::find(int64_t id) {
  Bindings bindings;
  std::vector<MeetingRow> found = select_meetings("m.id = " + bindings.number(id), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<MeetingLinkRow> SqlMeetingRepository::links_of(int64_t meeting) {
  std::vector<MeetingLinkRow> found;
  Bindings bindings;
  RowReader row(1, 1);
  select_rows(session_,
              "SELECT target_kind, target_id FROM meeting_links WHERE meeting_id = " +
                  bindings.number(meeting) + " ORDER BY target_kind, target_id",
              bindings, row, [&] {
                found.push_back({row.text(0), row.number(0)});
              });
  return found;
}

void SqlMeetingRepository::replace_links(int64_t meeting,
                                         const std::vector<MeetingLinkRow>& links) {
  Bindings del;
  execute_sql(session_, "DELETE FROM meeting_links WHERE meeting_id = " + del.number(meeting), del);
  for (const MeetingLinkRow& link : links) {
    RowValues values;
    values.number("meeting_id", meeting)
        .text("target_kind", link.kind)
        .number("target_id", link.target_id);
    soci::statement statement(session_);
    values.attach(statement);
    prepare_unnamed(statement, values.insert_sql("meeting_links"));
    statement.execute(true);
  }
}

std::vector<AttendanceRow> SqlMeetingRepository::attendance_of(int64_t meeting) {
  std::vector<AttendanceRow> found;
  Bindings bindings;
  RowReader row(2, 2);
  select_rows(session_,
              "SELECT status, reason, member_id, counted FROM meeting_attendance WHERE "
              "meeting_id = " +
                  bindings.number(meeting) + " ORDER BY member_id",
              bindings, row, [&] {
                AttendanceRow a;
                a.status = row.text(0);
                a.reason = row.text(1);
                a.member_id = MemberId(row.number(0));
                a.counted = row.number(1) != 0;
                found.push_back(std::move(a));
              });
  return found;
}

void SqlMeetingRepository::replace_attendance(const MeetingRow& meeting,
                                              const std::vector<AttendanceRow>& rows) {
  Bindings del;
  execute_sql(session_,
              "DELETE FROM meeting_attendance WHERE meeting_id = " + del.number(meeting.id), del);
  for (const AttendanceRow& a : rows) {
    RowValues values;
    values.number("meeting_id", meeting.id)
        .number("member_id", a.member_id.value)
        .text("org_path", meeting.org_path.str())
        .date("held_on", meeting.held_on)
        .text("kind", meeting.kind)
        .text("status", a.status)
        .number("counted", a.counted ? 1 : 0)
        .text("reason", a.reason);
    soci::statement statement(session_);
    values.attach(statement);
    prepare_unnamed(statement, values.insert_sql("meeting_attendance"));
    statement.execute(true);
  }
}

std::vector<MeetingVoteRow> SqlMeetingRepository::votes_of(int64_t meeting) {
  std::vector<MeetingVoteRow> found;
  Bindings bindings;
  RowReader row(1, 4);
  select_rows(session_,
              "SELECT subject, in_favour, against, abstain, entitled FROM meeting_votes WHERE "
              "meeting_id = " +
                  bindings.number(meeting) + " ORDER BY seq",
              bindings, row, [&] {
                found.push_back({row.text(0), static_cast<int>(row.number(0)),
                                 static_cast<int>(row.number(1)), static_cast<int>(row.number(2)),
                                 static_cast<int>(row.number(3))});
              });
  return found;
}

void SqlMeetingRepository::replace_votes(int64_t meeting,
                                         const std::vector<MeetingVoteRow>& votes) {
  Bindings del;
  execute_sql(session_, "DELETE FROM meeting_votes WHERE meeting_id = " + del.number(meeting), del);
  int seq = 0;
  for (const MeetingVoteRow& v : votes) {
    RowValues values;
    values.number("meeting_id", meeting)
        .number("seq", ++seq)
        .text("subject", v.subject)
        .number("in_favour", v.in_favour)
        .number("against", v.against)
        .number("abstain", v.abstain)
        .number("entitled", v.entitled);
    soci::statement statement(session_);
    values.attach(statement);
    prepare_unnamed(statement, values.insert_sql("meeting_votes"));
    statement.execute(true);
  }
}

std::vector<AbsenceNoticeRow> SqlMeetingRepository::select_notices(const std::string& where,
                                                                   Bindings& bindings) {
  std::vector<AbsenceNoticeRow> found;
  RowReader row(7, 3);
  select_rows(session_,
              "SELECT p.full_name, n.reason, n.state, n.sent_at, n.decided_at, n.decided_by, "
              "n.decision_note, n.id, n.meeting_id, n.member_id FROM meeting_notices n JOIN "
              "members p ON p.id = n.member_id WHERE " +
                  where + " ORDER BY n.id",
              bindings, row, [&] {
                AbsenceNoticeRow n;
                n.member_name = row.text(0);
                n.reason = row.text(1);
                n.state = row.text(2);
                n.sent_at = row.text(3);
                n.decided_at = row.text(4);
                n.decided_by = row.text(5);
                n.decision_note = row.text(6);
                n.id = row.number(0);
                n.meeting_id = row.number(1);
                n.member_id = MemberId(row.number(2));
                found.push_back(std::move(n));
              });
  return found;
}

std::vector<AbsenceNoticeRow> SqlMeetingRepository::notices_of(int64_t meeting) {
  Bindings bindings;
  return select_notices("n.meeting_id = " + bindings.number(meeting), bindings);
}

std::vector<AbsenceNoticeRow> SqlMeetingRepository::notices_of_member(MemberId member, Date from) {
  Bindings bindings;
  return select_notices("n.member_id = " + bindings.number(member.value) +
                            " AND n.meeting_id IN (SELECT id FROM meetings WHERE held_on >= " +
                            bindings.text(from.iso()) + ")",
                        bindings);
}

std::optional<AbsenceNoticeRow> SqlMeetingRepository::find_notice(int64_t id) {
  Bindings bindings;
  auto found = select_notices("n.id = " + bindings.number(id), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

void SqlMeetingRepository::insert_notice(AbsenceNoticeRow& n) {
  RowValues values;
  values.number("meeting_id", n.meeting_id)
      .number("member_id", n.member_id.value)
      .text("reason", n.reason)
      .text("state", n.state)
      .text("sent_at", n.sent_at);
  n.id = insert_returning_id(session_, "meeting_notices", values);
}

void SqlMeetingRepository::update_notice(const AbsenceNoticeRow& n) {
  RowValues values;
  values.text("state", n.state)
      .text("decided_at", n.decided_at)
      .text("decided_by", n.decided_by)
      .text("decision_note", n.decision_note);
  Bindings where;
  update_rows(session_, "meeting_notices", values, "id = " + where.number(n.id), where);
}

std::vector<AmendmentRow> SqlMeetingRepository::amendments_of(int64_t meeting) {
  std::vector<AmendmentRow> found;
  Bindings bindings;
  RowReader row(6, 1);
  select_rows(session_,
              "SELECT section, text, reason, changes, created_at, created_by, id FROM "
              "meeting_amendments WHERE meeting_id = " +
                  bindings.number(meeting) + " ORDER BY id",
              bindings, row, [&] {
                AmendmentRow a;
                a.meeting_id = meeting;
                a.section = row.text(0);
                a.text = row.text(1);
                a.reason = row.text(2);
                a.changes = changes_of(row.text(3));
                a.created_at = row.text(4);
                a.created_by = row.text(5);
                a.id = row.number(0);
                found.push_back(std::move(a));
              });
  return found;
}

void SqlMeetingRepository::insert_amendment(AmendmentRow& a) {
  RowValues values;
  values.number("meeting_id", a.meeting_id)
      .text("section", a.section)
      .text("text", a.text)
      .text("reason", a.reason)
      .text("changes", changes_text(a.changes))
      .text("created_at", a.created_at)
      .text("created_by", a.created_by);
  a.id = insert_returning_id(session_, "meeting_amendments", values);
}

app::MeetingPageRows SqlMeetingRepository::page(const app::MeetingFilter& filter) {
  app::MeetingPageRows out;
  auto where_of = [&](Bindings& b) {
    std::string where = subtree_condition("m.org_path", filter.subtree, b);
    if (filter.year) {
      where += " AND m.held_on >= " + b.text(std::to_string(*filter.year) + "-01-01") +
               " AND m.held_on <= " + b.text(std::to_string(*filter.year) + "-12-31");
    }
    if (!filter.kind.empty()) where += " AND m.kind = " + b.text(filter.kind);
    if (!filter.state.empty()) where += " AND m.state = " + b.text(filter.state);
    return where;
  };
  Bindings bindings;
  const std::string where = where_of(bindings);
  {
    Bindings count_bindings;
    const std::string count_where = where_of(count_bindings);
    RowReader row(0, 1);
    select_rows(session_, "SELECT COUNT(*) FROM meetings m WHERE " + count_where, count_bindings,
                row, [&] { out.total = row.number(0); });
  }
  out.items =
      select_meetings(where + " ORDER BY m.held_on DESC, m.id DESC LIMIT " +
                          std::to_string(filter.limit) + " OFFSET " + std::to_string(filter.offset),
                      bindings);
  std::vector<long long> ids;
  for (const MeetingRow& m : out.items) ids.push_back(m.org_id.value);
  if (!ids.empty()) {
    Bindings names;
    RowReader row(1, 1);
    select_rows(session_,
                "SELECT name, id FROM organizations WHERE id IN " + names.number_list(ids), names,
                row, [&] { out.org_names[OrgId(row.number(0))] = row.text(0); });
  }
  return out;
}

std::vector<MeetingRow> SqlMeetingRepository::of_org(OrgId org, Date from, Date to) {
  Bindings bindings;
  return select_meetings("m.org_id = " + bindings.number(org.value) +
                             " AND m.held_on >= " + bindings.text(from.iso()) +
                             " AND m.held_on <= " + bindings.text(to.iso()) +
                             " ORDER BY m.held_on, m.id",
                         bindings);
}

std::vector<AttendanceFact> SqlMeetingRepository::select_facts(const std::string& where,
                                                               Bindings& bindings) {
  std::vector<AttendanceFact> found;
  RowReader row(5, 3);
  select_rows(session_,
              "SELECT a.held_on, a.kind, a.status, a.reason, m.state, a.meeting_id, a.member_id, "
              "a.counted FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE " +
                  where + " ORDER BY a.held_on, a.meeting_id",
              bindings, row, [&] { found.push_back(meeting_rows::attendance_fact(row, true)); });
  return found;
}

std::vector<AttendanceFact> SqlMeetingRepository::attendance_in(OrgId org, Date from, Date to) {
  Bindings bindings;
  return select_facts("m.org_id = " + bindings.number(org.value) +
                          " AND a.held_on >= " + bindings.text(from.iso()) +
                          " AND a.held_on <= " + bindings.text(to.iso()),
                      bindings);
}

std::vector<AttendanceFact> SqlMeetingRepository::attendance_of_members(
    const std::vector<MemberId>& members, Date from, Date to, int64_t except) {
  // The rows alone, then their meetings' states by id: joined in one statement, PostgreSQL
  // planned a parallel hash join over every meeting for a cell's 4,000 rows (100 ms and more
  // on a loaded machine against 10 ms for the two).
  std::vector<AttendanceFact> found;
  for (size_t start = 0; start < members.size(); start += kMeetingChunk) {
    std::vector<long long> ids;
    for (size_t i = start; i < members.size() && i < start + kMeetingChunk; ++i)
      ids.push_back(members[i].value);
    Bindings bindings;
    RowReader row(4, 3);
    select_rows(session_,
                "SELECT held_on, kind, status, reason, meeting_id, member_id, counted FROM "
                "meeting_attendance WHERE member_id IN " +
                    bindings.number_list(ids) + " AND held_on >= " + bindings.text(from.iso()) +
                    " AND held_on <= " + bindings.text(to.iso()) + " AND meeting_id <> " +
                    bindings.number(except) + " ORDER BY held_on, meeting_id",
                bindings, row, [&] { found.push_back(meeting_rows::attendance_fact(row, false)); });
  }
  std::set<long long> meeting_ids;
  for (const AttendanceFact& f : found) meeting_ids.insert(f.meeting_id);
  const std::vector<long long> all(meeting_ids.begin(), meeting_ids.end());
  std::map<long long, std::string> states;
  for (size_t start = 0; start < all.size(); start += kMeetingChunk) {
    const std::vector<long long> ids(
        all.begin() + static_cast<std::ptrdiff_t>(start),
        all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), start + kMeetingChunk)));
    Bindings bindings;
    RowReader row(1, 1);
    select_rows(session_, "SELECT state, id FROM meetings WHERE id IN " + bindings.number_list(ids),
                bindings, row, [&] { states[row.number(0)] = row.text(0); });
  }
  for (AttendanceFact& f : found) f.meeting_state = states[f.meeting_id];
  return found;
}

std::vector<MissingCell> SqlMeetingRepository::missing(const OrgPath& subtree,
                                                       const std::vector<std::string>& kinds,
                                                       const std::string& kind, Date from, Date to,
                                                       int64_t offset, int limit, int64_t& total) {
  // Every placeholder is used once (PostgreSQL numbers them in order of appearance).
  auto where_of = [&](Bindings& b) {
    return "o.status = 'active' AND o.kind IN " + b.text_list(kinds) + " AND " +
           subtree_condition("o.path", subtree, b) +
           " AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.org_id = o.id AND m.kind = " +
           b.text(kind) + " AND m.state <> 'scheduled' AND m.held_on >= " + b.text(from.iso()) +
           " AND m.held_on <= " + b.text(to.iso()) + ")";
  };
  {
    Bindings count_bindings;
    RowReader row(0, 1);
    const std::string where = where_of(count_bindings);
    select_rows(session_, "SELECT COUNT(*) FROM organizations o WHERE " + where, count_bindings,
                row, [&] { total = row.number(0); });
  }
  std::vector<MissingCell> found;
  Bindings b;
  std::string sql =
      "SELECT o.name, p.name, (SELECT MAX(h.held_on) FROM meetings h WHERE h.org_id = o.id AND "
      "h.kind = " +
      b.text(kind) +
      " AND h.state <> 'scheduled'), o.id, o.parent_id, (SELECT MIN(s.id) FROM meetings s "
      "WHERE s.org_id = o.id AND s.kind = " +
      b.text(kind) + " AND s.state = 'scheduled' AND s.held_on >= " + b.text(from.iso()) +
      " AND s.held_on <= " + b.text(to.iso()) +
      ") FROM organizations o LEFT JOIN organizations p ON p.id = o.parent_id WHERE ";
  sql += where_of(b);
  sql += " ORDER BY o.path LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset);
  RowReader row(3, 3);
  select_rows(session_, sql, b, row, [&] {
    MissingCell cell;
    cell.name = row.text(0);
    cell.parent_name = row.text(1);
    cell.last_held_on = row.date(2);
    cell.id = OrgId(row.number(0));
    cell.parent_id = OrgId(row.number(1));
    cell.scheduled_id = row.number(2);
    found.push_back(std::move(cell));
  });
  return found;
}

std::vector<AttendanceFact> SqlMeetingRepository::unexcused_in(const OrgPath& subtree, Date from,
                                                               Date to) {
  std::vector<AttendanceFact> found;
  Bindings bindings;
  RowReader row(2, 2);
  select_rows(session_,
              "SELECT held_on, kind, meeting_id, member_id FROM meeting_attendance WHERE status = "
              "'absent_unexcused' AND counted = 1 AND " +
                  subtree_condition("org_path", subtree, bindings) +
                  " AND held_on >= " + bindings.text(from.iso()) +
                  " AND held_on <= " + bindings.text(to.iso()) + " ORDER BY member_id, held_on",
              bindings, row, [&] {
                AttendanceFact f;
                f.held_on = row.date(0).value_or(Date());
                f.kind = row.text(1);
                f.status = "absent_unexcused";
                f.meeting_id = row.number(0);
                f.member_id = MemberId(row.number(1));
                found.push_back(std::move(f));
              });
  return found;
}

std::vector<app::RemovalMember> SqlMeetingRepository::removal_members(
    const std::vector<MemberId>& ids) {
  std::vector<app::RemovalMember> found;
  constexpr size_t kIds = 5000;
  for (size_t from = 0; from < ids.size(); from += kIds) {
    std::vector<long long> chunk;
    for (size_t i = from; i < ids.size() && i < from + kIds; ++i) chunk.push_back(ids[i].value);
    Bindings bindings;
    RowReader row(4, 2);
    select_rows(session_,
                "SELECT m.full_name, m.org_path, o.name, m.status, m.id, m.org_id FROM members m "
                "LEFT JOIN organizations o ON o.id = m.org_id WHERE m.id IN " +
                    bindings.number_list(chunk) + " ORDER BY m.id",
                bindings, row, [&] {
                  app::RemovalMember member;
                  member.full_name = row.text(0);
                  member.org_path = OrgPath::parse(row.text(1)).value_or(OrgPath());
                  member.org_name = row.text(2);
                  member.status = row.text(3);
                  member.id = MemberId(row.number(0));
                  member.org_id = OrgId(row.number(1));
                  found.push_back(std::move(member));
                });
  }
  return found;
}

}  // namespace chibo::storage
