#include "app/discipline.h"

#include <algorithm>
#include <map>

#include "app/access_control.h"
#include "app/audit_entry.h"

namespace chibo::app {

// Named, not anonymous: the unity build joins this file with the other use cases.
namespace discipline_cases {

namespace d = domain::discipline;
using domain::Permission;

constexpr const char* kCase = "discipline_case";
constexpr const char* kAppealBodies =
    "superior_committee, superior_inspection, central_inspection, secretariat, politburo, "
    "central_committee";

AuditEntry case_entry(const std::string& verb, const DisciplineCase& c) {
  AuditEntry entry = AuditEntry::about("discipline_case." + verb, kCase, c.id, c.org_path.str());
  entry.restricted = true;
  entry.with("subject", std::string(d::subject_code(c.subject)));
  if (c.member_id.valid()) entry.with("member_id", c.member_id.value);
  entry.with("org_id", c.org_id.value);
  return entry;
}

FieldError rule_error(const std::string& field, const std::string& code, const d::AppliedRule& rule,
                      Params params = {}) {
  params.emplace_back("rule", rule.key);
  params.emplace_back("source", rule.source);
  return {field, code, std::move(params)};
}

d::LimitationFacts limitation_facts(const DisciplineCase& c) {
  d::LimitationFacts facts;
  facts.level = c.sanction;
  facts.category = c.category;
  facts.breach_date = c.breach_date;
  facts.new_breach_date = c.new_breach_date;
  for (const DeferralPeriod& p : c.deferrals) facts.deferrals.push_back({p.from, p.to});
  return facts;
}

// The day the appeal period counts from: the decision's receipt, else the decision itself.
std::optional<Date> appeal_from(const DisciplineCase& c) {
  return c.received_on ? c.received_on : c.decided_on;
}

template <class T>
std::optional<T> value_of(Result<T> result) {
  if (!result) return std::nullopt;
  return std::move(*result);
}

DisciplineView view_of(Context& ctx, DisciplineCase c) {
  DisciplineView view;
  const Date today = ctx.today();
  const domain::RuleSet& rules = ctx.services.rules;
  const domain::WorkingCalendar& calendar = ctx.services.calendar;
  // The clock as it stood when the case ended (decided or closed), else today.
  const Date clock_day = c.decided_on ? *c.decided_on : c.closure ? c.closure->closed_on : today;
  view.limitation = d::limitation(limitation_facts(c), clock_day, rules);
  view.vote = d::vote_outcome(c.vote.value_or(d::VoteCount{}), c.sanction,
                              c.voted_on.value_or(today), rules);
  if (const std::optional<Date> from = appeal_from(c); from && c.decided_on) {
    const d::NextAppeal next = d::next_appeal(c.appeals, c.sanction, *from, rules);
    if (next.closed.empty()) {
      view.appeal = value_of(d::appeal_deadline(next.period_from, today, rules, calendar));
    } else {
      // The last appeal's own period, seen on the day it was received.
      const std::vector<d::Appeal> before(c.appeals.begin(), c.appeals.end() - 1);
      const d::NextAppeal lodged = d::next_appeal(before, c.sanction, *from, rules);
      view.appeal = value_of(
          d::appeal_deadline(lodged.period_from, c.appeals.back().received_on, rules, calendar));
    }
    view.next_appeal = next;
  }
  if (!c.appeals.empty()) {
    const d::Appeal& last = c.appeals.back();
    view.appeal_resolve = value_of(d::appeal_resolve_deadline(
        last.received_on, last.decided_on.value_or(today), rules, calendar));
  }
  if (c.state_decided_on) {
    view.state_notice = value_of(d::state_notice_deadline(
        *c.state_decided_on, c.state_notified_on.value_or(today), rules, calendar));
  }
  if (c.suspension) {
    view.suspended_today = d::suspended_on(*c.suspension, today);
    view.suspension_rule = d::suspension_cap(c.subject, *c.suspension, rules);
  }
  if (c.member_id.valid()) {
    if (std::optional<Member> member = ctx.tx.members().find(c.member_id))
      view.subject_name = member->full_name;
  }
  if (std::optional<Organization> org = ctx.tx.orgs().find(c.org_id)) {
    view.org_name = org->name;
    if (!c.member_id.valid()) view.subject_name = org->name;
  }
  view.may_write = reach_of(ctx, Permission::kDisciplineWrite).covers(c.org_path);
  view.item = std::move(c);
  return view;
}

// A readable case (discipline.read over its organization), else not found.
Result<DisciplineCase> readable(Context& ctx, int64_t id) {
  std::optional<DisciplineCase> found = ctx.tx.discipline().find_case(id);
  if (!found || !reach_of(ctx, Permission::kDisciplineRead).covers(found->org_path))
    return Error::not_found(kCase);
  return std::move(*found);
}

// A case the actor may change at `version`: 404 outside discipline.read, 403 when read only,
// 409 on a stale version.
Result<DisciplineCase> writable(Context& ctx, int64_t id, int64_t version) {
  Result<DisciplineCase> found = readable(ctx, id);
  if (!found) return found;
  if (Status reach = require_reach(ctx, Permission::kDisciplineWrite, Permission::kDisciplineRead,
                                   found->org_path, kCase);
      !reach)
    return std::move(reach).error();
  if (found->version != version) return Error::stale_version();
  // A closed case is finished: nothing more is recorded on it.
  if (found->closure) {
    const std::string on = found->closure->closed_on.iso();
    return Error::conflict("discipline_case_closed", {{"on", on}});
  }
  return found;
}

// Checks the facts of a case as they would stand; every problem at once.
void check_facts(Context& ctx, const DisciplineCase& c, std::vector<FieldError>& errors) {
  const Date today = ctx.today();
  if (c.breach_summary.empty()) errors.push_back({"breach_summary", "required", {}});
  if (c.competent_level.empty()) errors.push_back({"competent_level", "required", {}});
  if (c.breach_date > today) errors.push_back({"breach_date", "date_in_future", {}});
  if (c.new_breach_date && (*c.new_breach_date <= c.breach_date || *c.new_breach_date > today))
    errors.push_back({"new_breach_date", "discipline_new_breach_order", {}});
  if (!d::sanction_allowed(c.subject, c.sanction)) {
    errors.push_back({"sanction",
                      "discipline_sanction_not_allowed",
                      {{"subject_kind", std::string(d::subject_code(c.subject))},
                       {"sanction", std::string(d::sanction_code(c.sanction))},
                       {"source", "Điều lệ Đảng 2011, Điều 35"}}});
  }
  for (size_t i = 0; i < c.deferrals.size(); ++i) {
    if (c.deferrals[i].to < c.deferrals[i].from)
      errors.push_back({"deferrals[" + std::to_string(i) + "].to", "date_before_start", {}});
  }
  if (c.state_notified_on && !c.state_decided_on)
    errors.push_back({"state_decided_on", "required", {}});
  if (c.state_decided_on && *c.state_decided_on > today)
    errors.push_back({"state_decided_on", "date_in_future", {}});
  if (c.state_decided_on && c.state_notified_on && *c.state_notified_on < *c.state_decided_on)
    errors.push_back({"state_notified_on", "date_before_start", {}});
  if (c.received_on && c.decided_on && *c.received_on < *c.decided_on)
    errors.push_back({"received_on", "discipline_received_before_decision", {}});
  if (c.received_on && !c.decided_on)
    errors.push_back({"received_on", "discipline_not_decided", {}});
}

void apply(DisciplineCase& c, const DisciplineFacts& f) {
  if (f.breach_summary) c.breach_summary = *f.breach_summary;
  if (f.breach_date) c.breach_date = *f.breach_date;
  if (f.new_breach_date) c.new_breach_date = *f.new_breach_date;
  if (f.category) c.category = *f.category;
  if (f.deferrals) c.deferrals = *f.deferrals;
  if (f.sanction) c.sanction = *f.sanction;
  if (f.competent_level) c.competent_level = *f.competent_level;
  if (f.state_decided_on) c.state_decided_on = *f.state_decided_on;
  if (f.state_notified_on) c.state_notified_on = *f.state_notified_on;
  if (f.received_on) c.received_on = *f.received_on;
}

Result<DisciplineView> saved(Context& ctx, DisciplineCase& c, const AuditEntry& entry) {
  c.updated_at = ctx.now();
  if (!ctx.tx.discipline().update_case(c)) return Error::stale_version();
  ctx.audit(entry);
  c.version += 1;
  return view_of(ctx, c);
}

}  // namespace discipline_cases

using namespace discipline_cases;

Result<DisciplineView> open_discipline_case(Context& ctx, const OpenDisciplineRequest& request) {
  DisciplineCase c;
  if (request.member_id.has_value() == request.org_id.has_value()) {
    return Error::invalid_field("member_id", "discipline_subject_one", {});
  }
  if (request.member_id) {
    std::optional<Member> member = ctx.tx.members().find(*request.member_id);
    if (!member) return Error::not_found("member");
    if (Status reach = require_reach(ctx, Permission::kDisciplineWrite, Permission::kDisciplineRead,
                                     member->org_path, "member");
        !reach)
      return std::move(reach).error();
    if (member->status != "official" && member->status != "probationary" &&
        member->status != "exempted")
      return Error::invalid_field("member_id", "discipline_member_not_on_roll",
                                  {{"status", member->status}});
    c.subject = member->status == "probationary" ? d::Subject::kProbationaryMember
                                                 : d::Subject::kOfficialMember;
    c.member_id = member->id;
    c.org_id = member->org_id;
    c.org_path = member->org_path;
  } else {
    std::optional<Organization> org = ctx.tx.orgs().find(*request.org_id);
    if (!org) return Error::not_found("organization");
    if (Status reach = require_reach(ctx, Permission::kDisciplineWrite, Permission::kDisciplineRead,
                                     org->path, "organization");
        !reach)
      return std::move(reach).error();
    c.subject = d::Subject::kOrganization;
    c.org_id = org->id;
    c.org_path = org->path;
  }
  std::vector<FieldError> errors;
  const DisciplineFacts& f = request.facts;
  if (!f.breach_date) errors.push_back({"breach_date", "required", {}});
  if (!f.sanction) errors.push_back({"sanction", "required", {}});
  if (f.received_on && *f.received_on)
    errors.push_back({"received_on", "discipline_not_decided", {}});
  apply(c, f);
  if (errors.empty()) check_facts(ctx, c, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  c.state = "open";
  c.created_at = ctx.now();
  c.created_by = ctx.actor.name;
  c.updated_at = c.created_at;
  ctx.tx.discipline().insert_case(c);
  ctx.audit(case_entry("open", c).with("sanction", std::string(d::sanction_code(c.sanction))));
  return view_of(ctx, c);
}

Result<std::vector<DisciplineView>> list_discipline_cases(Context& ctx,
                                                          const DisciplineQuery& query) {
  std::optional<Organization> org = ctx.tx.orgs().find(query.org_id);
  if (!org || !reach_of(ctx, Permission::kDisciplineRead).covers(org->path))
    return Error::not_found("organization");
  DisciplineFilter filter;
  filter.subtree = org->path;
  filter.state = query.state;
  filter.subject = query.subject;
  filter.year = query.year;
  filter.limit = query.limit;
  std::vector<DisciplineView> views;
  nlohmann::json ids = nlohmann::json::array();
  for (DisciplineCase& c : ctx.tx.discipline().cases(filter)) {
    ids.push_back(c.id);
    views.push_back(view_of(ctx, std::move(c)));
  }
  // Every read of restricted records is recorded: which cases the list showed.
  AuditEntry entry =
      AuditEntry::about("discipline_case.list", "organization", org->id.value, org->path.str());
  entry.restricted = true;
  entry.with("cases", std::move(ids));
  ctx.audit(entry);
  return views;
}

Result<DisciplineView> get_discipline_case(Context& ctx, int64_t id) {
  Result<DisciplineCase> found = readable(ctx, id);
  if (!found) return std::move(found).error();
  ctx.audit(case_entry("read", *found));
  return view_of(ctx, std::move(*found));
}

Result<DisciplineView> update_discipline_case(Context& ctx, int64_t id, int64_t version,
                                              const DisciplineFacts& facts) {
  Result<DisciplineCase> found = writable(ctx, id, version);
  if (!found) return std::move(found).error();
  DisciplineCase c = *found;
  const bool decided = c.decided_on.has_value();
  // After the decision only its receipt and the state body's notice may still be recorded.
  if (decided && (facts.breach_summary || facts.breach_date || facts.new_breach_date ||
                  facts.category || facts.deferrals || facts.sanction || facts.competent_level)) {
    return Error::conflict("discipline_case_decided");
  }
  apply(c, facts);
  std::vector<FieldError> errors;
  check_facts(ctx, c, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  // A vote was on the sanction proposed: another sanction needs a new vote.
  if (facts.sanction && *facts.sanction != found->sanction && c.vote) {
    c.vote.reset();
    c.voted_on.reset();
    c.state = "open";
  }
  return saved(ctx, c, case_entry("update", c));
}

Result<DisciplineView> record_discipline_vote(Context& ctx, const DisciplineVoteRequest& request) {
  Result<DisciplineCase> found = writable(ctx, request.id, request.version);
  if (!found) return std::move(found).error();
  DisciplineCase c = *found;
  if (c.decided_on) return Error::conflict("discipline_case_decided");
  std::vector<FieldError> errors;
  d::check_vote(request.vote, errors);
  if (request.voted_on > ctx.today()) errors.push_back({"voted_on", "date_in_future", {}});
  if (request.voted_on < c.breach_date)
    errors.push_back({"voted_on", "discipline_vote_before_breach", {}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  c.vote = request.vote;
  c.voted_on = request.voted_on;
  c.state = "voted";
  const auto outcome =
      d::vote_outcome(request.vote, c.sanction, request.voted_on, ctx.services.rules);
  AuditEntry entry = case_entry("vote", c);
  entry.with("in_favour", request.vote.in_favour)
      .with("against", request.vote.against)
      .with("abstain", request.vote.abstain)
      .with("entitled", request.vote.entitled)
      .with("passes", outcome && outcome->passes);
  return saved(ctx, c, entry);
}

Result<DisciplineView> decide_discipline_case(Context& ctx,
                                              const DisciplineDecisionRequest& request) {
  Result<DisciplineCase> found = writable(ctx, request.id, request.version);
  if (!found) return std::move(found).error();
  DisciplineCase c = *found;
  if (c.decided_on) {
    return Error::conflict("discipline_already_decided", {{"on", c.decided_on->iso()}})
        .with_fields({{"decided_on", "discipline_already_decided", {{"on", c.decided_on->iso()}}}});
  }
  std::vector<FieldError> errors;
  const Date today = ctx.today();
  if (request.decided_on > today) errors.push_back({"decided_on", "date_in_future", {}});
  if (request.document_id <= 0 && request.number.empty())
    errors.push_back({"decision_number", "required", {}});
  if (request.document_id > 0 && !ctx.tx.documents().find(DocumentId(request.document_id)))
    errors.push_back({"decision_document_id", "unknown_document", {}});
  if (!c.vote) {
    errors.push_back({"vote", "discipline_no_vote", {}});
  } else {
    if (c.voted_on && request.decided_on < *c.voted_on)
      errors.push_back({"decided_on", "discipline_decided_before_vote", {}});
    const auto outcome =
        d::vote_outcome(*c.vote, c.sanction, c.voted_on.value_or(today), ctx.services.rules);
    if (!outcome) {
      errors.push_back({"vote", "rule_missing", {}});
    } else if (!outcome->passes) {
      errors.push_back(rule_error("vote", "discipline_vote_below_threshold", outcome->rule,
                                  {{"in_favour", std::to_string(c.vote->in_favour)},
                                   {"needed", std::to_string(outcome->needed)},
                                   {"entitled", std::to_string(c.vote->entitled)}}));
    }
  }
  const auto clock = d::limitation(limitation_facts(c), request.decided_on, ctx.services.rules);
  if (clock && clock->expired && clock->rule) {
    errors.push_back(rule_error("decided_on", "discipline_limitation_expired", *clock->rule,
                                {{"ends_on", clock->ends_on->iso()}}));
  }
  if (request.received_on && *request.received_on < request.decided_on)
    errors.push_back({"received_on", "discipline_received_before_decision", {}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  c.decided_on = request.decided_on;
  c.decision_document_id = request.document_id;
  c.decision_number = request.number;
  if (request.received_on) c.received_on = request.received_on;
  c.state = "decided";
  AuditEntry entry = case_entry("decide", c);
  entry.with("sanction", std::string(d::sanction_code(c.sanction)))
      .with("decided_on", request.decided_on.iso());
  return saved(ctx, c, entry);
}

Result<DisciplineView> close_discipline_case(Context& ctx,
                                             const DisciplineClosureRequest& request) {
  Result<DisciplineCase> found = writable(ctx, request.id, request.version);
  if (!found) return std::move(found).error();
  DisciplineCase c = *found;
  if (c.decided_on) {
    return Error::conflict("discipline_already_decided", {{"on", c.decided_on->iso()}});
  }
  const d::Closure closure{
      request.closed_on, request.ground.value_or(d::ClosureGround::kNotDisciplined), request.note};
  std::vector<FieldError> errors =
      d::check_closure(closure, limitation_facts(c), c.voted_on, ctx.today(), ctx.services.rules);
  if (!request.ground) {
    // Without a ground the note's need is unknown: only the ground is reported.
    std::erase_if(errors, [](const FieldError& error) { return error.field == "note"; });
    errors.insert(errors.begin(), {"ground", "required", {}});
  }
  if (!errors.empty()) {
    for (FieldError& error : errors) error.params.emplace_back("subject", "discipline_closure");
    return Error::invalid(std::move(errors));
  }
  c.closure = closure;
  c.suspension = d::suspension_after_closure(c.suspension, closure.closed_on);
  c.state = "closed";
  AuditEntry entry = case_entry("close", c);
  entry.with("ground", std::string(d::closure_ground_code(closure.ground)))
      .with("closed_on", closure.closed_on.iso());
  return saved(ctx, c, entry);
}

Result<DisciplineView> record_discipline_appeal(Context& ctx,
                                                const DisciplineAppealRequest& request) {
  Result<DisciplineCase> found = writable(ctx, request.id, request.version);
  if (!found) return std::move(found).error();
  DisciplineCase c = *found;
  if (!c.decided_on) return Error::conflict("discipline_not_decided");
  const Date today = ctx.today();
  const domain::RuleSet& rules = ctx.services.rules;
  std::vector<FieldError> errors;
  std::optional<d::AppealBody> body;
  if (!request.body.empty()) {
    body = d::parse_appeal_body(request.body);
    if (!body) errors.push_back({"body", "not_allowed", {{"allowed", kAppealBodies}}});
  }
  const bool deciding = request.decided_on.has_value() || !request.outcome.empty();
  const bool pending = !c.appeals.empty() && !c.appeals.back().decided_on;
  AuditEntry entry = case_entry("appeal", c);
  if (pending) {
    d::Appeal& last = c.appeals.back();
    if ((request.received_on && *request.received_on != last.received_on) ||
        (body && last.body && *body != *last.body)) {
      return Error::conflict("discipline_appeal_received", {{"on", last.received_on.iso()}})
          .with_fields(
              {{"received_on", "discipline_appeal_received", {{"on", last.received_on.iso()}}}});
    }
    if (body && !last.body) last.body = body;
    if (!deciding) errors.push_back({"decided_on", "required", {}});
  } else if (!request.received_on) {
    // Alone: the day the appellant received the last appeal's outcome.
    if (!deciding && request.outcome_received_on && !c.appeals.empty()) {
      d::Appeal& last = c.appeals.back();
      if (last.outcome_received_on) {
        return Error::conflict("discipline_appeal_outcome_received",
                               {{"on", last.outcome_received_on->iso()}});
      }
      if (*request.outcome_received_on > today)
        errors.push_back({"outcome_received_on", "date_in_future", {}});
      if (*request.outcome_received_on < *last.decided_on)
        errors.push_back({"outcome_received_on", "date_before_start", {}});
      if (!errors.empty()) return Error::invalid(std::move(errors));
      last.outcome_received_on = request.outcome_received_on;
      entry.with("level", static_cast<int64_t>(c.appeals.size()))
          .with("outcome_received_on", request.outcome_received_on->iso());
      return saved(ctx, c, entry);
    }
    if (!c.appeals.empty() && deciding) return Error::conflict("discipline_appeal_decided");
    errors.push_back({"received_on", "required", {}});
    return Error::invalid(std::move(errors));
  } else {
    // A new appeal: the first, or the next level up after a settled one.
    const d::NextAppeal next = d::next_appeal(c.appeals, c.sanction, *appeal_from(c), rules);
    if (next.closed == "annulled") return Error::conflict("discipline_appeal_annulled");
    if (next.closed == "final" && next.final_rule) {
      const Params params{{"rule", next.final_rule->key}, {"source", next.final_rule->source}};
      return Error::conflict("discipline_appeal_final", params)
          .with_fields({{"received_on", "discipline_appeal_final", params}});
    }
    Result<d::Deadline> period =
        d::appeal_deadline(next.period_from, *request.received_on, rules, ctx.services.calendar);
    if (!period) {
      errors.push_back(domain::calendar_field_error("received_on", period.error()));
    } else {
      for (FieldError& error : d::check_lodging(next, body, *request.received_on, today, *period))
        errors.push_back(std::move(error));
    }
    c.appeals.push_back({body, *request.received_on, std::nullopt, "", std::nullopt});
    entry.with("level", static_cast<int64_t>(next.level))
        .with("received_on", request.received_on->iso());
    if (body) entry.with("body", std::string(d::appeal_body_code(*body)));
  }
  if (deciding) {
    d::Appeal& last = c.appeals.back();
    if (!request.decided_on) errors.push_back({"decided_on", "required", {}});
    if (std::find(std::begin(d::kAppealOutcomes), std::end(d::kAppealOutcomes), request.outcome) ==
        std::end(d::kAppealOutcomes))
      errors.push_back({"outcome", "not_allowed", {{"allowed", "upheld, reduced, annulled"}}});
    if (request.decided_on && *request.decided_on < last.received_on)
      errors.push_back({"decided_on", "date_before_start", {}});
    if (request.decided_on && *request.decided_on > today)
      errors.push_back({"decided_on", "date_in_future", {}});
    if (request.outcome_received_on) {
      if (*request.outcome_received_on > today)
        errors.push_back({"outcome_received_on", "date_in_future", {}});
      if (request.decided_on && *request.outcome_received_on < *request.decided_on)
        errors.push_back({"outcome_received_on", "date_before_start", {}});
    }
    last.decided_on = request.decided_on;
    last.outcome = request.outcome;
    last.outcome_received_on = request.outcome_received_on;
    entry.with("outcome", request.outcome);
  } else if (request.outcome_received_on) {
    errors.push_back({"outcome_received_on", "discipline_appeal_not_decided", {}});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  c.state = c.appeals.back().decided_on ? "appeal_decided" : "appealed";
  return saved(ctx, c, entry);
}

Result<DisciplineView> record_discipline_suspension(Context& ctx,
                                                    const DisciplineSuspensionRequest& request) {
  Result<DisciplineCase> found = writable(ctx, request.id, request.version);
  if (!found) return std::move(found).error();
  DisciplineCase c = *found;
  const Date today = ctx.today();
  std::vector<FieldError> errors;
  AuditEntry entry = case_entry("suspension", c);
  if (request.lifted_on) {
    // Lifting: alone in the request, once, within the suspension, not in the future.
    if (request.from || request.until || !request.basis.empty())
      return Error::invalid_field("lifted_on", "discipline_suspension_lift_alone");
    if (!c.suspension) return Error::conflict("discipline_not_suspended");
    if (c.suspension->lifted_on)
      return Error::conflict("discipline_suspension_lifted",
                             {{"on", c.suspension->lifted_on->iso()}});
    if (*request.lifted_on > today) {
      errors.push_back({"lifted_on", "date_in_future", {}});
    } else if (*request.lifted_on < c.suspension->from ||
               *request.lifted_on > c.suspension->until) {
      errors.push_back({"lifted_on",
                        "date_outside_term",
                        {{"from", c.suspension->from.iso()}, {"to", c.suspension->until.iso()}}});
    }
    if (!errors.empty()) return Error::invalid(std::move(errors));
    c.suspension->lifted_on = request.lifted_on;
    entry.with("lifted_on", request.lifted_on->iso());
    return saved(ctx, c, entry);
  }
  // Suspending or extending: while the case is being considered.
  if (c.decided_on) return Error::conflict("discipline_case_decided");
  if (c.suspension && c.suspension->lifted_on)
    return Error::conflict("discipline_suspension_lifted",
                           {{"on", c.suspension->lifted_on->iso()}});
  if (!request.from) errors.push_back({"from", "required", {}});
  if (!request.until) errors.push_back({"until", "required", {}});
  if (request.basis.empty()) errors.push_back({"basis", "required", {}});
  if (request.from && *request.from > today) errors.push_back({"from", "date_in_future", {}});
  if (request.from && *request.from < c.breach_date)
    errors.push_back({"from", "date_before_start", {}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  const d::Suspension next{*request.from, *request.until, request.basis, std::nullopt};
  d::SuspensionCheck check = d::check_suspension(c.subject, next, c.suspension, ctx.services.rules);
  if (!check.errors.empty()) return Error::invalid(std::move(check.errors));
  entry.with(c.suspension ? "extended_until" : "until", next.until.iso())
      .with("from", next.from.iso())
      .with("basis", next.basis);
  c.suspension = next;
  return saved(ctx, c, entry);
}

Result<MemberDiscipline> get_member_discipline(Context& ctx, MemberId id) {
  std::optional<Member> member = ctx.tx.members().find(id);
  if (!member) return Error::not_found("member");
  // 403 for those who may read the member (a cell secretary): they know the member exists.
  if (Status reach = require_reach(ctx, Permission::kDisciplineRead, Permission::kMemberRead,
                                   member->org_path, "member", member->id);
      !reach)
    return std::move(reach).error();
  MemberDiscipline out;
  out.member_id = member->id;
  out.full_name = member->full_name;
  DisciplineFilter filter;
  filter.subtree = OrgPath::root(member->org_path.ids().front());
  filter.member = member->id;
  filter.limit = 1000;
  nlohmann::json ids = nlohmann::json::array();
  for (DisciplineCase& c : ctx.tx.discipline().cases(filter)) {
    ids.push_back(c.id);
    out.cases.push_back(view_of(ctx, std::move(c)));
  }
  AuditEntry entry = AuditEntry::about_member("member.read_discipline", *member);
  entry.restricted = true;
  entry.with("cases", std::move(ids));
  ctx.audit(entry);
  return out;
}

std::vector<MemberId> disciplined_members_in(Transaction& tx, const std::vector<MemberId>& members,
                                             int year) {
  return tx.discipline().decided_in_year(members, year);
}

namespace discipline_cases {

std::map<MemberId, std::vector<d::DecidedSanction>> by_member(Transaction& tx,
                                                              std::vector<DisciplineCase> cases) {
  std::map<MemberId, std::vector<d::DecidedSanction>> out;
  for (DisciplineCase& c : cases) {
    std::string number = std::move(c.decision_number);
    if (number.empty() && c.decision_document_id > 0) {
      if (auto document = tx.documents().find(DocumentId(c.decision_document_id)))
        number = document->symbol;
    }
    out[c.member_id].push_back({c.id, c.sanction, *c.decided_on, std::move(number),
                                std::move(c.competent_level), d::settled_outcome(c.appeals)});
  }
  return out;
}

}  // namespace discipline_cases

std::map<MemberId, std::vector<d::DecidedSanction>> decided_sanctions_of(
    Transaction& tx, const std::vector<MemberId>& members) {
  return by_member(tx, tx.discipline().decided_of(members));
}

std::map<MemberId, std::vector<d::DecidedSanction>> decided_sanctions_in(
    Transaction& tx, const std::optional<OrgPath>& tree) {
  return by_member(tx, tx.discipline().decided_member_cases(tree));
}

}  // namespace chibo::app
