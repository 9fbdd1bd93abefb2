#include "storage/sql/lifecycle/lifecycle_repository.h"

#include <algorithm>
#include <map>

#include "storage/sql/engine/conditions.h"
#include "storage/sql/engine/row_values.h"
#include "storage/sql/engine/rows.h"
#include "storage/sql/engine/statement.h"

namespace chibo::storage {

using domain::RecognitionRecord;
using domain::RecognitionStep;

namespace {

void execute(soci::session& session, RowValues& values, const std::string& sql) {
  soci::statement statement(session);
  values.attach(statement);
  prepare_unnamed(statement, sql);
  statement.execute(true);
}

// Subtree and access conditions on `column`, appended to `where`.
void narrow(std::string& where, const char* column, const std::optional<OrgPath>& subtree,
            const std::vector<OrgPath>& within, Bindings& bindings) {
  if (subtree) where += " AND " + subtree_condition(column, *subtree, bindings);
  if (!within.empty()) where += " AND " + within_condition(column, within, bindings);
}

}  // namespace

std::vector<std::pair<MemberId, RecognitionRecord>> SqlLifecycleRepository::recognition_rows(
    const std::string& where, Bindings& bindings, std::vector<std::string>* ends) {
  std::vector<std::pair<MemberId, RecognitionRecord>> rows;
  RowReader row(8, 5);
  select_rows(session_,
              "SELECT step, done_on, doc_number, doc_authority, note, recorded_by, recorded_at, "
              "probation_ends_on, member_id, votes_for, votes_against, votes_entitled, recognized "
              "FROM recognition_steps WHERE " +
                  where + " ORDER BY id",
              bindings, row, [&] {
                RecognitionRecord record;
                record.step = row.text(0) == "decision" ? RecognitionStep::kDecision
                                                        : RecognitionStep::kCellResolution;
                record.on = row.date(1).value_or(Date());
                record.document = {row.text(2), row.text(3)};
                record.note = row.text(4);
                record.recorded_by = row.text(5);
                record.recorded_at = row.text(6);
                record.vote = {static_cast<int>(row.number(1)), static_cast<int>(row.number(2)),
                               static_cast<int>(row.number(3))};
                record.recognized = row.number(4) != 0;
                rows.emplace_back(MemberId(row.number(0)), std::move(record));
                if (ends) ends->push_back(row.text(7));
              });
  return rows;
}

std::vector<RecognitionRecord> SqlLifecycleRepository::recognition(MemberId member,
                                                                   Date probation_ends_on) {
  Bindings bindings;
  std::vector<RecognitionRecord> records;
  for (auto& [id, record] :
       recognition_rows("member_id = " + bindings.number(member.value) +
                            " AND probation_ends_on = " + bindings.text(probation_ends_on.iso()),
                        bindings, nullptr)) {
    records.push_back(std::move(record));
  }
  return records;
}

void SqlLifecycleRepository::add_recognition(MemberId member, Date probation_ends_on,
                                             const RecognitionRecord& step) {
  RowValues values;
  values.number("member_id", member.value)
      .date("probation_ends_on", probation_ends_on)
      .text("step", step.step == RecognitionStep::kDecision ? "decision" : "cell_resolution")
      .date("done_on", step.on)
      .text("doc_number", step.document.number)
      .text("doc_authority", step.document.authority)
      .number("recognized", step.recognized ? 1 : 0)
      .text("note", step.note)
      .text("recorded_by", step.recorded_by)
      .text("recorded_at", step.recorded_at);
  if (step.step == RecognitionStep::kCellResolution) {
    values.number("votes_for", step.vote.in_favour)
        .number("votes_against", step.vote.against)
        .number("votes_entitled", step.vote.entitled);
  }
  execute(session_, values, values.insert_sql("recognition_steps"));
}

std::vector<app::Member> SqlLifecycleRepository::probationary(const app::ProbationQuery& query) {
  Bindings bindings;
  std::string where = "m.status = 'probationary' AND m.probation_ends_on IS NOT NULL";
  narrow(where, "m.org_path", query.subtree, query.within, bindings);
  if (query.ends_up_to)
    where += " AND m.probation_ends_on <= " + bindings.text(query.ends_up_to->iso());
  std::vector<app::Member> members;
  for_each_row<MemberRow>(session_,
                          std::string("SELECT ") + kMemberColumns + " FROM members m WHERE " +
                              where + " ORDER BY m.probation_ends_on, m.id",
                          bindings,
                          [&](const MemberRow& row) { members.push_back(row.to_member()); });
  return members;
}

std::map<MemberId, std::vector<RecognitionRecord>> SqlLifecycleRepository::recognition_of(
    const std::vector<app::Member>& members) {
  std::map<MemberId, std::vector<RecognitionRecord>> by_member;
  if (members.empty()) return by_member;
  std::map<MemberId, std::string> current;  // the probation each member is in now
  std::vector<long long> ids;
  for (const app::Member& member : members) {
    ids.push_back(member.id.value);
    current[member.id] = member.probation_ends_on ? member.probation_ends_on->iso() : "";
  }
  Bindings bindings;
  std::vector<std::string> ends;
  auto rows = recognition_rows("member_id IN " + bindings.number_list(ids), bindings, &ends);
  for (size_t index = 0; index < rows.size(); ++index) {
    if (current[rows[index].first] == ends[index])
      by_member[rows[index].first].push_back(std::move(rows[index].second));
  }
  return by_member;
}

std::vector<app::StoredGap> SqlLifecycleRepository::gaps(MemberId member) {
  std::vector<app::StoredGap> gaps;
  Bindings bindings;
  RowReader row(3, 1);
  select_rows(
      session_,
      "SELECT from_date, to_date, reason, transfer_id FROM party_age_gaps WHERE member_id = " +
          bindings.number(member.value) + " ORDER BY from_date, id",
      bindings, row, [&] {
        gaps.push_back({{row.date(0).value_or(Date()), row.date(1).value_or(Date())},
                        row.text(2),
                        TransferId(row.number(0))});
      });
  return gaps;
}

void SqlLifecycleRepository::add_gap(MemberId member, const app::StoredGap& gap,
                                     const std::string& now) {
  RowValues values;
  values.number("member_id", member.value)
      .date("from_date", gap.gap.from)
      .date("to_date", gap.gap.to)
      .text("reason", gap.reason)
      .optional_id("transfer_id", gap.transfer.value)
      .text("created_at", now);
  execute(session_, values, values.insert_sql("party_age_gaps"));
}

std::vector<app::BadgeAward> SqlLifecycleRepository::awards(MemberId member) {
  std::vector<app::BadgeAward> awards;
  Bindings bindings;
  RowReader row(6, 1);
  select_rows(session_,
              "SELECT occasion, doc_number, doc_authority, decided_on, recorded_by, recorded_at, "
              "milestone FROM badge_awards WHERE member_id = " +
                  bindings.number(member.value) + " ORDER BY milestone",
              bindings, row, [&] {
                awards.push_back({member,
                                  static_cast<int>(row.number(0)),
                                  row.date(0).value_or(Date()),
                                  {row.text(1), row.text(2)},
                                  row.date(3).value_or(Date()),
                                  row.text(4),
                                  row.text(5)});
              });
  return awards;
}

bool SqlLifecycleRepository::has_award(MemberId member, int milestone) {
  long long count = 0;
  long long id = member.value;
  long long years = milestone;
  session_ << "SELECT COUNT(*) FROM badge_awards WHERE member_id = :member AND milestone = :years",
      soci::use(id, "member"), soci::use(years, "years"), soci::into(count);
  return count > 0;
}

void SqlLifecycleRepository::add_award(const app::BadgeAward& award) {
  RowValues values;
  values.number("member_id", award.member_id.value)
      .number("milestone", award.milestone)
      .date("occasion", award.occasion)
      .text("doc_number", award.document.number)
      .text("doc_authority", award.document.authority)
      .date("decided_on", award.decided_on)
      .text("recorded_by", award.recorded_by)
      .text("recorded_at", award.recorded_at);
  execute(session_, values, values.insert_sql("badge_awards"));
}

std::vector<domain::BadgeFacts> SqlLifecycleRepository::badge_facts(const app::BadgeQuery& query) {
  Bindings bindings;
  std::string where = "m.next_badge_on <= " + bindings.text(query.occasion.iso()) +
                      " AND m.status IN " + bindings.text_list(on_roll_statuses_);
  narrow(where, "m.org_path", query.subtree, query.within, bindings);
  std::vector<domain::BadgeFacts> facts;
  std::map<long long, size_t> with_gaps;  // member id -> index in facts
  RowReader row(1, 3);
  select_rows(session_,
              "SELECT m.admission_date, m.id, m.highest_badge, m.party_age_gap_days FROM members m "
              "WHERE " +
                  where,
              bindings, row, [&] {
                if (row.number(2) > 0) with_gaps[row.number(0)] = facts.size();
                facts.push_back({MemberId(row.number(0)),
                                 row.date(0).value_or(Date()),
                                 static_cast<int>(row.number(1)),
                                 {}});
              });
  // The few members with gaps: their gaps, so that milestones are computed as party_age.h
  // says (a milestone before a later gap keeps its date), in chunks of bounded statements.
  std::vector<long long> ids;
  for (const auto& [id, index] : with_gaps) ids.push_back(id);
  constexpr size_t kChunk = 500;
  for (size_t begin = 0; begin < ids.size(); begin += kChunk) {
    const std::vector<long long> chunk(
        ids.begin() + static_cast<std::ptrdiff_t>(begin),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), begin + kChunk)));
    Bindings gap_bindings;
    RowReader gap(2, 1);
    select_rows(session_,
                "SELECT from_date, to_date, member_id FROM party_age_gaps WHERE member_id IN " +
                    gap_bindings.number_list(chunk),
                gap_bindings, gap, [&] {
                  facts[with_gaps[gap.number(0)]].gaps.push_back(
                      {gap.date(0).value_or(Date()), gap.date(1).value_or(Date())});
                });
  }
  return facts;
}

std::vector<std::pair<app::Member, std::string>> SqlLifecycleRepository::members_with_org(
    const std::vector<MemberId>& ids) {
  std::vector<std::pair<app::Member, std::string>> members;
  if (ids.empty()) return members;
  std::vector<long long> raw;
  for (const MemberId& id : ids) raw.push_back(id.value);
  Bindings bindings;
  for_each_row<MemberWithOrgRow>(
      session_,
      std::string("SELECT ") + kMemberColumns +
          ", o.name FROM members m JOIN organizations o ON o.id = m.org_id WHERE m.id IN " +
          bindings.number_list(raw),
      bindings,
      [&](const MemberWithOrgRow& row) { members.emplace_back(row.to_member(), row.org_name); });
  return members;
}

}  // namespace chibo::storage
