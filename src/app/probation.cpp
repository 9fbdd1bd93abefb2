#include "app/probation.h"

#include <nlohmann/json.hpp>

#include "app/access_control.h"
#include "app/lifecycle_support.h"

namespace chibo::app {

namespace {

using domain::RecognitionRecord;
using domain::RecognitionStep;

std::optional<RecognitionRecord> cell_step(const std::vector<RecognitionRecord>& steps) {
  for (const RecognitionRecord& step : steps) {
    if (step.step == RecognitionStep::kCellResolution) return step;
  }
  return std::nullopt;
}

}  // namespace

Result<ProbationLists> probation_lists(Context& ctx, OrgId org, int within_days) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kMemberRead);
  if (reach.none()) return Error::forbidden("forbidden");
  if (within_days < 0 || within_days > 366)
    return Error::invalid_field("within", "out_of_range", {{"min", "0"}, {"max", "366"}});
  const Services& services = ctx.services;
  ProbationLists lists;
  lists.today = ctx.today();
  lists.within_days = within_days;
  ProbationQuery query;
  if (org.valid()) {
    std::optional<Organization> root = ctx.tx.orgs().find(org);
    if (!root || !reach.covers(root->path)) return Error::not_found("organization");
    query.subtree = root->path;
  } else if (!reach.everything) {
    if (reach.subtrees.empty()) return lists;
    query.within = reach.subtrees;
  }
  query.ends_up_to = lists.today.add_days(within_days);
  std::vector<Member> members = ctx.tx.lifecycle().probationary(query);
  auto recognition = ctx.tx.lifecycle().recognition_of(members);
  std::vector<OrgId> org_ids;
  for (const Member& member : members) org_ids.push_back(member.org_id);
  std::map<OrgId, std::string> names;
  for (const Organization& each : ctx.tx.orgs().find_many(org_ids)) names[each.id] = each.name;
  for (Member& member : members) {
    const std::optional<RecognitionRecord> cell = cell_step(recognition[member.id]);
    std::optional<domain::ProbationView> view = domain::probation_view(
        member, cell.has_value(), services.rules, services.calendar, lists.today);
    if (!view) continue;
    std::string org_name = names[member.org_id];
    ProbationItem item{std::move(member), std::move(org_name), *view, cell, std::nullopt};
    if (cell) {
      if (const domain::RuleParameter* days =
              services.rules.in_force("recognition.decision_working_days", cell->on))
        if (Result<Date> due =
                services.calendar.add_working_days(cell->on, static_cast<int>(days->value)))
          item.decision_due = *due;
      lists.awaiting.push_back(std::move(item));
    } else if (view->overdue) {
      lists.overdue.push_back(std::move(item));
    } else {
      lists.due.push_back(std::move(item));
    }
  }
  return lists;
}

Result<std::vector<RecognitionRecord>> record_recognition(Context& ctx, MemberId id,
                                                          int64_t version, RecognitionRecord step) {
  const domain::Permission needed = step.step == RecognitionStep::kDecision
                                        ? domain::Permission::kMemberDecide
                                        : domain::Permission::kMemberWrite;
  std::optional<Member> stored = ctx.tx.members().find(id);
  if (!stored ||
      !reach_of(ctx, domain::Permission::kMemberRead).covers_member(id, stored->org_path))
    return Error::not_found("member");
  Status allowed =
      require_reach(ctx, needed, domain::Permission::kMemberRead, stored->org_path, "member", id);
  if (!allowed) return std::move(allowed).error();
  if (stored->version != version) return Error::stale_version();
  const Date ends = stored->probation_ends_on.value_or(Date());
  std::vector<RecognitionRecord> steps = stored->probation_ends_on
                                             ? ctx.tx.lifecycle().recognition(id, ends)
                                             : std::vector<RecognitionRecord>{};
  std::vector<FieldError> errors = domain::check_recognition(
      *stored, cell_step(steps), step, ctx.services.rules, ctx.services.calendar, ctx.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  step.recorded_by = ctx.actor.name;
  step.recorded_at = ctx.now();
  ctx.tx.lifecycle().add_recognition(id, ends, step);
  if (step.step == RecognitionStep::kDecision) {
    Member member = *stored;
    domain::apply_recognition(member, step);
    Status saved =
        save_lifecycle_change(ctx, *stored, member, "recognition", step.recognized ? ends : step.on,
                              step.document, {{"recognized", step.recognized}});
    if (!saved) return std::move(saved).error();
  } else {
    // The cell's resolution changes no field but belongs in the member's history.
    const std::string action =
        step.recognized ? "recognition_proposed" : "non_recognition_proposed";
    AuditEntry entry = AuditEntry::about_member("member." + action, *stored);
    entry.details = audit_document(step.document, step.on);
    ctx.audit(entry);
    ctx.tx.members().append_event(
        {0, id, step.recorded_at, ctx.actor.name, action, {}, step.on, step.document});
  }
  steps.push_back(step);
  return steps;
}

}  // namespace chibo::app
