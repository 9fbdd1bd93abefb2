#include "app/plans.h"

#include <algorithm>
#include <map>

#include "app/access_control.h"

namespace chibo::app {

// Named, not anonymous: the unity build joins this file with the other use cases.
namespace plans_detail {

using domain::Permission;
using domain::plans::Stage;

int role_rank(const Services& services, const std::string& position) {
  const domain::CommitteePosition* p = services.catalog.documents.position(position);
  if (!p) return 3;
  if (p->role == domain::position_role::kSecretary) return 0;
  if (p->role == domain::position_role::kDeputy) return 1;
  return 2;
}

// The heads of a cell on `on`: the members holding a seat of its running term's committee,
// secretary first, then deputies, then committee members (each member once, their highest seat).
std::vector<PlanHead> heads_of(Context& ctx, OrgId org, Date on) {
  const std::map<OrgId, Term> running = ctx.tx.terms().running_terms({org});
  auto term = running.find(org);
  if (term == running.end()) return {};
  std::vector<TermSeat> seats;
  for (TermSeat& seat : ctx.tx.terms().seats_of(term->second.id)) {
    if (seat.org_id == org && seat.active_on(on)) seats.push_back(std::move(seat));
  }
  std::stable_sort(seats.begin(), seats.end(), [&](const TermSeat& a, const TermSeat& b) {
    return role_rank(ctx.services, a.position) < role_rank(ctx.services, b.position);
  });
  std::vector<PlanHead> heads;
  for (const TermSeat& seat : seats) {
    const bool listed = std::any_of(heads.begin(), heads.end(), [&](const PlanHead& h) {
      return h.member_id == seat.member_id;
    });
    if (listed) continue;
    std::optional<Member> member = ctx.tx.members().find(seat.member_id);
    heads.push_back({seat.member_id, member ? member->full_name : std::string(), seat.position});
  }
  return heads;
}

bool is_head(const std::vector<PlanHead>& heads, MemberId member) {
  return std::any_of(heads.begin(), heads.end(),
                     [&](const PlanHead& h) { return h.member_id == member; });
}

// Heads who have not recorded a plan of `year`.
std::vector<PlanHead> heads_missing_of(Context& ctx, const std::vector<PlanHead>& heads, int year) {
  std::vector<MemberId> ids;
  for (const PlanHead& h : heads) ids.push_back(h.member_id);
  std::vector<MemberId> recorded;
  for (const Plan& p : ctx.tx.plans().of_members(ids, year)) recorded.push_back(p.member_id);
  const std::vector<MemberId> missing = domain::plans::heads_missing(ids, recorded);
  std::vector<PlanHead> out;
  for (const PlanHead& h : heads) {
    if (std::find(missing.begin(), missing.end(), h.member_id) != missing.end()) out.push_back(h);
  }
  return out;
}

std::string plan_org_name(Context& ctx, OrgId id) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  return org ? org->name : std::string();
}

bool plan_on_roll(const Services& services, const Member& member) {
  const domain::MemberStatusInfo* status = services.catalog.member_status(member.status);
  return status && status->on_roll;
}

// The signed-in user's member record.
Result<Member> own_member(Context& ctx) {
  const std::optional<MemberId> own = ctx.actor.principal.member_id;
  if (!own) return Error::conflict("account_not_linked_to_member");
  std::optional<Member> member = ctx.tx.members().find(*own);
  if (!member) return Error::conflict("account_not_linked_to_member");
  return std::move(*member);
}

bool is_own(const Context& ctx, MemberId member) {
  return ctx.actor.principal.member_id && *ctx.actor.principal.member_id == member;
}

PlanView view_of(Context& ctx, Plan plan, const Member& member) {
  PlanView view;
  view.member_name = member.full_name;
  view.org_name = plan_org_name(ctx, plan.org_id);
  view.due = domain::plans::due_date(ctx.services.rules, plan.year, plan.head);
  view.late = view.due && view.due->on < plan.recorded_on;
  view.may_edit = is_own(ctx, plan.member_id) && plan.reviews.empty();
  view.may_review = reach_of(ctx, Permission::kPlanReview).covers(member.org_path);
  view.plan = std::move(plan);
  return view;
}

// The plan and its member, when the actor may read it (their own, or member.read over the
// member's present organization).
Result<std::pair<Plan, Member>> readable_plan(Context& ctx, int64_t id) {
  std::optional<Plan> plan = ctx.tx.plans().find(id);
  if (!plan) return Error::not_found("plan");
  std::optional<Member> member = ctx.tx.members().find(plan->member_id);
  if (!member ||
      !reach_of(ctx, Permission::kMemberRead).covers_member(member->id, member->org_path))
    return Error::not_found("plan");
  return std::pair{std::move(*plan), std::move(*member)};
}

Status check_draft(const Context& ctx, const domain::plans::PlanDraft& draft) {
  std::vector<FieldError> errors = domain::plans::check_plan(draft, ctx.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  return Ok();
}

nlohmann::json plan_audit_items(const Plan& plan) {
  nlohmann::json items = nlohmann::json::array();
  for (const PlanItem& item : plan.items) items.push_back(item.content.substr(0, 200));
  return items;
}

}  // namespace plans_detail

using namespace plans_detail;

Result<MyPlan> get_my_plan(Context& ctx, int year) {
  Result<Member> member = own_member(ctx);
  if (!member) return std::move(member).error();
  MyPlan mine;
  mine.member_id = member->id;
  mine.member_name = member->full_name;
  mine.org_id = member->org_id;
  mine.org_name = plan_org_name(ctx, member->org_id);
  mine.year = year;
  const std::vector<PlanHead> heads = heads_of(ctx, member->org_id, ctx.today());
  mine.head = is_head(heads, member->id);
  if (std::optional<Plan> plan = ctx.tx.plans().find_of(member->id, year)) {
    mine.head = plan->head;
    mine.plan = view_of(ctx, std::move(*plan), *member);
  }
  mine.due = domain::plans::due_date(ctx.services.rules, year, mine.head);
  if (!mine.head) mine.heads_missing = heads_missing_of(ctx, heads, year);
  return mine;
}

Result<PlanView> record_my_plan(Context& ctx, const PlanRequest& request) {
  Result<Member> member = own_member(ctx);
  if (!member) return std::move(member).error();
  if (!plan_on_roll(ctx.services, *member))
    return Error::conflict("member_not_on_roll", {{"status", member->status}});
  domain::plans::PlanDraft draft{request.year, request.kind, request.items};
  if (Status ok = check_draft(ctx, draft); !ok) return std::move(ok).error();
  if (std::optional<Plan> existing = ctx.tx.plans().find_of(member->id, request.year))
    return Error::conflict("plan_exists", {{"id", std::to_string(existing->id)}});
  const std::vector<PlanHead> heads = heads_of(ctx, member->org_id, ctx.today());
  Plan plan;
  plan.member_id = member->id;
  plan.org_id = member->org_id;
  plan.org_path = member->org_path;
  plan.year = request.year;
  plan.kind = request.kind;
  plan.items = request.items;
  plan.head = is_head(heads, member->id);
  std::vector<PlanHead> missing;
  if (!plan.head) missing = heads_missing_of(ctx, heads, request.year);
  if (!missing.empty() && domain::plans::heads_first_refuses(ctx.services.rules, request.year)) {
    Error error = Error::conflict("heads_not_recorded", {{"rule", "plans.heads_first_refuses"}});
    for (const PlanHead& h : missing) error.items.push_back({h.member_id.value, h.full_name});
    return error;
  }
  plan.recorded_on = ctx.today();
  plan.created_at = plan.updated_at = ctx.now();
  plan.created_by = ctx.actor.name;
  ctx.tx.plans().insert(plan);
  AuditEntry entry = AuditEntry::about_member("plan.record", *member);
  entry.with("plan_id", plan.id)
      .with("year", plan.year)
      .with("kind", plan.kind)
      .with("head", plan.head)
      .with("items", plan_audit_items(plan));
  ctx.audit(entry);
  PlanView view = view_of(ctx, std::move(plan), *member);
  view.heads_missing = std::move(missing);
  return view;
}

Result<PlanView> update_plan(Context& ctx, int64_t id, const PlanRequest& request) {
  Result<std::pair<Plan, Member>> found = readable_plan(ctx, id);
  if (!found) return std::move(found).error();
  auto& [plan, member] = *found;
  if (!is_own(ctx, plan.member_id)) return Error::forbidden("not_own_plan");
  if (!plan.reviews.empty())
    return Error::conflict("plan_reviewed", {{"stage", plan.reviews.back().stage}});
  if (request.version != plan.version) return Error::stale_version();
  domain::plans::PlanDraft draft{plan.year, request.kind, request.items};
  if (Status ok = check_draft(ctx, draft); !ok) return std::move(ok).error();
  plan.kind = request.kind;
  plan.items = request.items;
  plan.updated_at = ctx.now();
  if (!ctx.tx.plans().update(plan)) return Error::stale_version();
  AuditEntry entry = AuditEntry::about_member("plan.update", member);
  entry.with("plan_id", plan.id)
      .with("year", plan.year)
      .with("kind", plan.kind)
      .with("items", plan_audit_items(plan));
  ctx.audit(entry);
  return view_of(ctx, std::move(plan), member);
}

Result<PlanView> get_plan(Context& ctx, int64_t id) {
  Result<std::pair<Plan, Member>> found = readable_plan(ctx, id);
  if (!found) return std::move(found).error();
  return view_of(ctx, std::move(found->first), found->second);
}

Result<PlanView> review_plan(Context& ctx, int64_t id, const ReviewRequest& request) {
  std::optional<Plan> plan = ctx.tx.plans().find(id);
  if (!plan) return Error::not_found("plan");
  std::optional<Member> member = ctx.tx.members().find(plan->member_id);
  if (!member) return Error::not_found("plan");
  if (Status allowed = require_reach(ctx, Permission::kPlanReview, Permission::kMemberRead,
                                     member->org_path, "plan", member->id);
      !allowed)
    return std::move(allowed).error();
  const std::optional<Stage> stage = domain::plans::parse_stage(request.stage);
  if (!stage) {
    return Error::invalid_field("stage", request.stage.empty() ? "required" : "unknown_code");
  }
  domain::plans::ReviewCheck check = domain::plans::check_review(
      *plan, *stage, request.items, request.comment, ctx.today(), ctx.services.rules);
  if (!check.conflict.empty())
    return Error::conflict(check.conflict, std::move(check.conflict_params));
  if (!check.errors.empty()) return Error::invalid(std::move(check.errors));
  PlanReview review;
  review.stage = std::string(domain::plans::stage_code(*stage));
  review.reviewed_on = ctx.today();
  review.comment = request.comment;
  review.items = request.items;
  review.reviewer = ctx.actor.name;
  review.created_at = ctx.now();
  ctx.tx.plans().insert_review(plan->id, review);
  std::map<std::string, int> counts;
  for (const ItemAssessment& a : review.items) ++counts[a.assessment];
  AuditEntry entry = AuditEntry::about_member("plan.review", *member);
  entry.with("plan_id", plan->id)
      .with("year", plan->year)
      .with("stage", review.stage)
      .with("assessments", counts);
  ctx.audit(entry);
  plan->reviews.push_back(std::move(review));
  return view_of(ctx, std::move(*plan), *member);
}

Result<MemberPlans> get_member_plans(Context& ctx, MemberId id, std::optional<int> year) {
  std::optional<Member> member = ctx.tx.members().find(id);
  if (!member ||
      !reach_of(ctx, Permission::kMemberRead).covers_member(member->id, member->org_path))
    return Error::not_found("member");
  MemberPlans plans;
  plans.member_id = member->id;
  plans.member_name = member->full_name;
  for (Plan& plan : ctx.tx.plans().of_member(id, year))
    plans.items.push_back(view_of(ctx, std::move(plan), *member));
  return plans;
}

Result<CellPlans> get_cell_plans(Context& ctx, OrgId id, int year) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org || !reach_of(ctx, Permission::kMemberRead).covers(org->path))
    return Error::not_found("organization");
  const domain::OrgKind* kind = ctx.services.catalog.org_kind(org->kind);
  if (!kind || !kind->holds_members)
    return Error::conflict("org_holds_no_members", {{"kind", org->kind}});
  CellPlans cell;
  cell.org = *org;
  cell.year = year;
  const domain::RuleSet& rules = ctx.services.rules;
  cell.heads_due = domain::plans::due_date(rules, year, true);
  cell.members_due = domain::plans::due_date(rules, year, false);
  cell.mid_year = domain::plans::review_window(rules, year, Stage::kMidYear);
  cell.year_end = domain::plans::review_window(rules, year, Stage::kYearEnd);
  cell.may_review = reach_of(ctx, Permission::kPlanReview).covers(org->path);

  MemberFilter filter;
  filter.subtree = org->path;
  for (const auto& status : ctx.services.catalog.member_statuses) {
    if (status.on_roll) filter.statuses.push_back(status.code);
  }
  std::vector<Member> members;
  ctx.tx.members().scan(filter, [&](const Member& m, const std::string&) { members.push_back(m); });
  std::vector<MemberId> ids;
  for (const Member& m : members) ids.push_back(m.id);
  std::map<MemberId, Plan> plans;
  for (Plan& p : ctx.tx.plans().of_members(ids, year)) plans.emplace(p.member_id, std::move(p));
  const std::vector<PlanHead> heads = heads_of(ctx, id, ctx.today());

  auto line_of = [&](const Member& m, const std::string& position) {
    PlanRosterLine line;
    line.member_id = m.id;
    line.full_name = m.full_name;
    line.position = position;
    const bool head = !position.empty();
    const std::optional<RuleDate>& due = head ? cell.heads_due : cell.members_due;
    if (auto p = plans.find(m.id); p != plans.end()) {
      line.plan = p->second;
      line.late = due && due->on < p->second.recorded_on;
      ++cell.recorded;
      if (p->second.review(Stage::kMidYear)) ++cell.reviewed_mid_year;
      if (p->second.review(Stage::kYearEnd)) ++cell.reviewed_year_end;
    } else {
      line.late = due && due->on < ctx.today();
      ++cell.not_recorded;
      if (head) ++cell.heads_not_recorded;
    }
    return line;
  };
  for (const PlanHead& h : heads) {
    auto m = std::find_if(members.begin(), members.end(),
                          [&](const Member& x) { return x.id == h.member_id; });
    if (m != members.end()) cell.lines.push_back(line_of(*m, h.position));
  }
  for (const Member& m : members) {
    if (!is_head(heads, m.id)) cell.lines.push_back(line_of(m, ""));
  }
  return cell;
}

}  // namespace chibo::app
