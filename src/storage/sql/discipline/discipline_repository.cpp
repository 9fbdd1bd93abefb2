#include "storage/sql/discipline/discipline_repository.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "storage/sql/engine/conditions.h"
#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

using app::DeferralPeriod;
using app::DisciplineCase;

// Named, not anonymous: the unity build joins this file with the other repositories.
namespace discipline_rows {

namespace d = domain::discipline;

std::string deferrals_text(const std::vector<DeferralPeriod>& deferrals) {
  nlohmann::json list = nlohmann::json::array();
  for (const DeferralPeriod& p : deferrals) {
    list.push_back({{"from", p.from.iso()}, {"to", p.to.iso()}, {"reason", p.reason}});
  }
  return list.dump();
}

std::vector<DeferralPeriod> deferrals_of(const std::string& text) {
  std::vector<DeferralPeriod> out;
  const nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return out;
  for (const nlohmann::json& item : list) {
    if (!item.is_object()) continue;
    const auto from = Date::parse(item.value("from", ""));
    const auto to = Date::parse(item.value("to", ""));
    if (!from || !to) continue;
    out.push_back({*from, *to, item.value("reason", "")});
  }
  return out;
}

// The appeals as stored (JSON, the first first). Rows from before the levels were kept carry
// their one appeal in the appeal_* columns only: read as one appeal to an unknown body.
std::string appeals_text(const std::vector<d::Appeal>& appeals) {
  nlohmann::json list = nlohmann::json::array();
  for (const d::Appeal& a : appeals) {
    nlohmann::json item = {{"received_on", a.received_on.iso()}, {"outcome", a.outcome}};
    if (a.body) item["body"] = std::string(d::appeal_body_code(*a.body));
    if (a.decided_on) item["decided_on"] = a.decided_on->iso();
    if (a.outcome_received_on) item["outcome_received_on"] = a.outcome_received_on->iso();
    list.push_back(std::move(item));
  }
  return list.dump();
}

std::vector<d::Appeal> appeals_of(const std::string& text, std::optional<Date> legacy_received,
                                  std::optional<Date> legacy_decided,
                                  const std::string& legacy_outcome) {
  std::vector<d::Appeal> out;
  const nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
  if (list.is_array()) {
    for (const nlohmann::json& item : list) {
      if (!item.is_object()) continue;
      const auto received = Date::parse(item.value("received_on", ""));
      if (!received) continue;
      d::Appeal appeal;
      appeal.body = d::parse_appeal_body(item.value("body", ""));
      appeal.received_on = *received;
      appeal.decided_on = Date::parse(item.value("decided_on", ""));
      appeal.outcome = item.value("outcome", "");
      appeal.outcome_received_on = Date::parse(item.value("outcome_received_on", ""));
      out.push_back(std::move(appeal));
    }
  }
  if (out.empty() && legacy_received)
    out.push_back({std::nullopt, *legacy_received, legacy_decided, legacy_outcome, std::nullopt});
  return out;
}

std::string optional_count(const std::optional<d::VoteCount>& vote, int d::VoteCount::*field) {
  return vote ? std::to_string((*vote).*field) : std::string();
}

void case_values(RowValues& values, const DisciplineCase& c) {
  values.text("breach_summary", c.breach_summary)
      .date("breach_date", c.breach_date)
      .date("new_breach_date", c.new_breach_date)
      .text("category", std::string(d::category_code(c.category)))
      .text("deferrals", deferrals_text(c.deferrals))
      .text("sanction", std::string(d::sanction_code(c.sanction)))
      .text("competent_level", c.competent_level)
      .date("state_decided_on", c.state_decided_on)
      .date("state_notified_on", c.state_notified_on)
      .text("votes_for", optional_count(c.vote, &d::VoteCount::in_favour))
      .text("votes_against", optional_count(c.vote, &d::VoteCount::against))
      .text("votes_abstain", optional_count(c.vote, &d::VoteCount::abstain))
      .text("votes_entitled", optional_count(c.vote, &d::VoteCount::entitled))
      .date("voted_on", c.voted_on)
      .date("decided_on", c.decided_on)
      .optional_id("decision_document_id", c.decision_document_id)
      .text("decision_number", c.decision_number)
      .date("received_on", c.received_on)
      // The last appeal's days and the outcome the appeals leave, for the queries' filters.
      .date("appeal_received_on",
            c.appeals.empty() ? std::nullopt : std::optional(c.appeals.back().received_on))
      .date("appeal_decided_on", c.appeals.empty() ? std::nullopt : c.appeals.back().decided_on)
      .text("appeal_outcome", d::settled_outcome(c.appeals))
      .text("appeals", appeals_text(c.appeals))
      .text("state", c.state)
      .date("suspended_from", c.suspension ? std::optional(c.suspension->from) : std::nullopt)
      .date("suspended_until", c.suspension ? std::optional(c.suspension->until) : std::nullopt)
      .text("suspension_basis", c.suspension ? c.suspension->basis : std::string())
      .date("suspension_lifted_on", c.suspension ? c.suspension->lifted_on : std::nullopt)
      .date("closed_on", c.closure ? std::optional(c.closure->closed_on) : std::nullopt)
      .text("closure_ground",
            c.closure ? std::string(d::closure_ground_code(c.closure->ground)) : std::string())
      .text("closure_note", c.closure ? c.closure->note : std::string())
      .text("updated_at", c.updated_at);
}

}  // namespace discipline_rows

using namespace discipline_rows;

std::vector<DisciplineCase> SqlDisciplineRepository::select_cases(const std::string& where,
                                                                  Bindings& bindings) {
  std::vector<DisciplineCase> found;
  RowReader row(30, 9);
  select_rows(
      session_,
      "SELECT subject, org_path, breach_summary, breach_date, new_breach_date, category, "
      "deferrals, sanction, competent_level, state_decided_on, state_notified_on, voted_on, "
      "decided_on, decision_number, received_on, appeal_received_on, appeal_decided_on, "
      "appeal_outcome, state, created_at, created_by, updated_at, suspended_from, "
      "suspended_until, suspension_basis, suspension_lifted_on, appeals, closed_on, "
      "closure_ground, closure_note, id, member_id, org_id, votes_for, votes_against, "
      "votes_abstain, votes_entitled, "
      "decision_document_id, version FROM discipline_cases WHERE " +
          where,
      bindings, row, [&] {
        DisciplineCase c;
        c.subject = d::parse_subject(row.text(0)).value_or(d::Subject::kOfficialMember);
        c.org_path = OrgPath::parse(row.text(1)).value_or(OrgPath());
        c.breach_summary = row.text(2);
        c.breach_date = row.date(3).value_or(Date());
        c.new_breach_date = row.date(4);
        c.category = d::parse_category(row.text(5)).value_or(d::Category::kOrdinary);
        c.deferrals = deferrals_of(row.text(6));
        c.sanction = d::parse_sanction(row.text(7)).value_or(d::Sanction::kReprimand);
        c.competent_level = row.text(8);
        c.state_decided_on = row.date(9);
        c.state_notified_on = row.date(10);
        c.voted_on = row.date(11);
        c.decided_on = row.date(12);
        c.decision_number = row.text(13);
        c.received_on = row.date(14);
        c.appeals = appeals_of(row.text(26), row.date(15), row.date(16), row.text(17));
        c.state = row.text(18);
        c.created_at = row.text(19);
        c.created_by = row.text(20);
        c.updated_at = row.text(21);
        if (auto from = row.date(22), until = row.date(23); from && until)
          c.suspension = d::Suspension{*from, *until, row.text(24), row.date(25)};
        if (const auto closed_on = row.date(27)) {
          c.closure = d::Closure{
              *closed_on,
              d::parse_closure_ground(row.text(28)).value_or(d::ClosureGround::kNotDisciplined),
              row.text(29)};
        }
        c.id = row.number(0);
        c.member_id = MemberId(row.number(1));
        c.org_id = OrgId(row.number(2));
        if (!row.is_null_number(6)) {
          c.vote = d::VoteCount{static_cast<int>(row.number(3)), static_cast<int>(row.number(4)),
                                static_cast<int>(row.number(5)), static_cast<int>(row.number(6))};
        }
        c.decision_document_id = row.number(7);
        c.version = row.number(8);
        found.push_back(std::move(c));
      });
  return found;
}

void SqlDisciplineRepository::insert_case(DisciplineCase& c) {
  RowValues values;
  values.text("subject", std::string(d::subject_code(c.subject)))
      .optional_id("member_id", c.member_id.value)
      .number("org_id", c.org_id.value)
      .text("org_path", c.org_path.str());
  case_values(values, c);
  values.number("version", 1).text("created_at", c.created_at).text("created_by", c.created_by);
  c.id = insert_returning_id(session_, "discipline_cases", values);
  c.version = 1;
}

std::optional<DisciplineCase> SqlDisciplineRepository::find_case(int64_t id) {
  Bindings bindings;
  auto found = select_cases("id = " + bindings.number(id), bindings);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

bool SqlDisciplineRepository::update_case(const DisciplineCase& c) {
  RowValues values;
  case_values(values, c);
  values.number("version", c.version + 1);
  Bindings where;
  return update_rows(session_, "discipline_cases", values,
                     "id = " + where.number(c.id) + " AND version = " + where.number(c.version),
                     where) == 1;
}

std::vector<DisciplineCase> SqlDisciplineRepository::cases(const app::DisciplineFilter& f) {
  Bindings bindings;
  std::string where = subtree_condition("org_path", f.subtree, bindings);
  if (!f.state.empty()) where += " AND state = " + bindings.text(f.state);
  if (f.subject)
    where += " AND subject = " + bindings.text(std::string(d::subject_code(*f.subject)));
  if (f.member) where += " AND member_id = " + bindings.number(f.member->value);
  if (f.year) {
    where += " AND decided_on >= " + bindings.text(std::to_string(*f.year) + "-01-01") +
             " AND decided_on <= " + bindings.text(std::to_string(*f.year) + "-12-31");
  }
  where += " ORDER BY breach_date DESC, id DESC LIMIT " + std::to_string(std::max(1, f.limit));
  return select_cases(where, bindings);
}

std::vector<MemberId> SqlDisciplineRepository::decided_in_year(const std::vector<MemberId>& members,
                                                               int year) {
  std::vector<MemberId> found;
  if (members.empty()) return found;
  std::vector<long long> ids;
  ids.reserve(members.size());
  for (MemberId id : members) ids.push_back(id.value);
  Bindings bindings;
  RowReader row(0, 1);
  select_rows(session_,
              "SELECT DISTINCT member_id FROM discipline_cases WHERE member_id IN " +
                  bindings.number_list(ids) +
                  " AND decided_on >= " + bindings.text(std::to_string(year) + "-01-01") +
                  " AND decided_on <= " + bindings.text(std::to_string(year) + "-12-31") +
                  " AND (appeal_outcome IS NULL OR appeal_outcome <> 'annulled')",
              bindings, row, [&] { found.push_back(MemberId(row.number(0))); });
  return found;
}

std::vector<DisciplineCase> SqlDisciplineRepository::decided_of(
    const std::vector<MemberId>& members) {
  if (members.empty()) return {};
  std::vector<long long> ids;
  ids.reserve(members.size());
  for (MemberId id : members) ids.push_back(id.value);
  Bindings bindings;
  return select_cases("member_id IN " + bindings.number_list(ids) +
                          " AND decided_on IS NOT NULL ORDER BY decided_on DESC, id DESC",
                      bindings);
}

std::vector<DisciplineCase> SqlDisciplineRepository::decided_member_cases(
    const std::optional<OrgPath>& tree) {
  Bindings bindings;
  std::string where = "member_id IS NOT NULL AND decided_on IS NOT NULL";
  if (tree) where += " AND " + subtree_condition("org_path", *tree, bindings);
  return select_cases(where + " ORDER BY decided_on DESC, id DESC", bindings);
}

std::vector<MemberId> SqlDisciplineRepository::suspended_on(const std::vector<MemberId>& members,
                                                            Date on) {
  std::vector<MemberId> found;
  if (members.empty()) return found;
  std::vector<long long> ids;
  ids.reserve(members.size());
  for (MemberId id : members) ids.push_back(id.value);
  Bindings bindings;
  // The few cases with a suspension; whether it covers `on` is the domain's call.
  for (const DisciplineCase& c : select_cases(
           "member_id IN " + bindings.number_list(ids) +
               " AND suspended_from IS NOT NULL AND suspended_from <= " + bindings.text(on.iso()),
           bindings)) {
    if (c.suspension && d::suspended_on(*c.suspension, on)) found.push_back(c.member_id);
  }
  return found;
}

}  // namespace chibo::storage
