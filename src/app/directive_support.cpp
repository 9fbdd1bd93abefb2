#include "app/directive_support.h"

#include <algorithm>
#include <set>

#include "app/access_control.h"
#include "domain/directives/targets.h"
#include "domain/documents/symbol.h"
#include "domain/lifecycle/decision.h"

namespace chibo::app::directive_support {

using domain::Permission;

bool reads_directive(Context& ctx, const Directive& directive) {
  const domain::Reach reach = reach_of(ctx, Permission::kDirectiveRead);
  if (reach.covers(directive.org_path)) return true;
  if (reach.subtrees.empty()) return false;
  return ctx.tx.directives().assigned_within(directive.id, reach.subtrees);
}

Result<Directive> readable_directive(Context& ctx, int64_t id) {
  std::optional<Directive> directive = ctx.tx.directives().find(id);
  if (!directive || !reads_directive(ctx, *directive)) return Error::not_found("directive");
  return std::move(*directive);
}

Result<Assignment> readable_assignment(Context& ctx, int64_t id) {
  std::optional<Assignment> assignment = ctx.tx.directives().find_assignment(id);
  if (!assignment) return Error::not_found("assignment");
  const domain::Reach reach = reach_of(ctx, Permission::kDirectiveRead);
  if (!reach.covers(assignment->org_path) && !reach.covers(assignment->assigner_path))
    return Error::not_found("assignment");
  return std::move(*assignment);
}

void add_along(std::map<OrgId, domain::RollupCounts>& deltas, const OrgPath& path,
               const domain::RollupCounts& delta) {
  for (const OrgId& org : path.ids()) deltas[org] += delta;
}

void check_text(const std::string& field, const std::string& value, size_t max, bool required,
                std::vector<FieldError>& errors) {
  if (required && value.empty()) {
    errors.push_back({field, "required", {}});
  } else if (value.size() > max * 4) {  // bytes: at most four per character
    errors.push_back({field, "too_long", {{"max", std::to_string(max)}}});
  }
}

std::string linked_document(Context& ctx, int64_t document_id, const std::string& field,
                            std::vector<FieldError>& errors) {
  std::optional<RegisteredDocument> document = ctx.tx.documents().find(DocumentId(document_id));
  if (!document || !reach_of(ctx, Permission::kDocumentRead).covers(document->org_path)) {
    errors.push_back({field, "document_not_found", {}});
    return {};
  }
  if (document->number) {
    return domain::format_document_number(*document->number, 2) + "-" + document->symbol;
  }
  return document->symbol;
}

std::vector<TargetCandidate> resolve_targets(Context& ctx, const domain::AssignmentTarget& target,
                                             const Organization& from,
                                             std::vector<FieldError>& errors) {
  std::vector<TargetCandidate> found;
  std::vector<domain::TargetOrg> checked;
  switch (target.mode) {
    case domain::TargetMode::kChildren:
      for (const Organization& child : ctx.tx.orgs().children(from.id, false)) {
        checked.push_back({child.id, child.path, child.active()});
      }
      break;
    case domain::TargetMode::kKind:
      if (target.kind.empty()) {
        errors.push_back({"target.kind", "required", {}});
        return {};
      }
      if (!ctx.services.catalog.org_kind(target.kind)) {
        errors.push_back({"target.kind", "unknown_code", {{"value", target.kind.substr(0, 40)}}});
        return {};
      }
      for (const TargetCandidate& org : ctx.tx.directives().orgs_of_kind(from.path, target.kind)) {
        checked.push_back({org.id, org.path, org.active});
      }
      break;
    case domain::TargetMode::kOrgs: {
      if (target.orgs.empty()) {
        errors.push_back({"target.org_ids", "required", {}});
        return {};
      }
      std::map<OrgId, Organization> by_id;
      for (Organization& org : ctx.tx.orgs().find_many(target.orgs)) by_id[org.id] = org;
      const domain::Reach reach = reach_of(ctx, Permission::kDirectiveRead);
      for (const OrgId& id : target.orgs) {
        auto it = by_id.find(id);
        if (it == by_id.end() || !reach.covers(it->second.path)) {
          checked.push_back({id, {}, true, false});
        } else {
          checked.push_back({id, it->second.path, it->second.active()});
        }
      }
      break;
    }
    case domain::TargetMode::kMember: {
      if (!target.member.valid()) {
        errors.push_back({"target.member_id", "required", {}});
        return {};
      }
      std::optional<Member> member = ctx.tx.members().find(target.member);
      if (!member || !from.path.contains(member->org_path)) {
        errors.push_back({"target.member_id", "member_not_found", {}});
        return {};
      }
      if (!domain::on_roll(*member)) {
        errors.push_back({"target.member_id", "member_not_on_roll", {{"status", member->status}}});
        return {};
      }
      found.push_back({member->org_id, member->org_path, true});
      return found;
    }
  }
  std::vector<FieldError> problems = domain::check_target_orgs(target, from.path, checked);
  if (!problems.empty()) {
    for (FieldError& problem : problems) errors.push_back(std::move(problem));
    return {};
  }
  if (checked.size() > kMaxFanOut) {
    errors.push_back({"target", "too_many", {{"max", std::to_string(kMaxFanOut)}}});
    return {};
  }
  for (const domain::TargetOrg& org : checked) found.push_back({org.id, org.path, org.active});
  return found;
}

int64_t large_kind_target(Context& ctx, const domain::AssignmentTarget& target,
                          const Organization& from, size_t tasks) {
  if (target.mode != domain::TargetMode::kKind || target.kind.empty() ||
      !ctx.services.catalog.org_kind(target.kind)) {
    return 0;
  }
  const int64_t count = ctx.tx.directives().count_orgs_of_kind(from.path, target.kind);
  if (count * static_cast<int64_t>(std::max<size_t>(tasks, 1)) <= ctx.services.fanout_inline_max)
    return 0;
  return count;
}

AssignmentBatch fan_out(Context& ctx, const Directive& directive,
                        const std::vector<std::pair<int64_t, Date>>& task_dues,
                        const Organization& assigner, int64_t parent_id,
                        const std::vector<TargetCandidate>& targets, MemberId member,
                        const std::string& note, int64_t plan_document_id,
                        const std::string& plan_number) {
  std::vector<int64_t> task_ids;
  for (const auto& [task_id, due] : task_dues) task_ids.push_back(task_id);
  std::set<std::tuple<int64_t, long long, long long>> existing;
  for (const auto& [task, org, who] : ctx.tx.directives().existing_targets(task_ids)) {
    existing.insert({task, org.value, who.value});
  }
  AssignmentBatch batch;
  batch.today = ctx.today();
  std::vector<Assignment> rows;
  const std::string now = ctx.now();
  for (const auto& [task_id, due] : task_dues) {
    for (const TargetCandidate& target : targets) {
      if (existing.count({task_id, target.id.value, member.valid() ? member.value : 0})) {
        ++batch.skipped;
        continue;
      }
      Assignment a;
      a.directive_id = directive.id;
      a.task_id = task_id;
      a.parent_id = parent_id;
      a.assigner_org_id = assigner.id;
      a.assigner_path = assigner.path;
      a.org_id = target.id;
      a.org_path = target.path;
      a.member_id = member;
      a.due_on = due;
      a.note = note;
      a.plan_document_id = plan_document_id;
      a.plan_number = plan_number;
      a.created_at = a.updated_at = now;
      rows.push_back(std::move(a));
    }
  }
  ctx.tx.directives().insert_assignments(rows);
  std::map<OrgId, domain::RollupCounts> deltas;
  const domain::RollupCounts one = domain::created_delta(domain::AssignmentState::kAssigned);
  for (const Assignment& a : rows) add_along(deltas, a.org_path, one);
  ctx.tx.directives().adjust_rollup(directive.id, deltas);
  batch.created = static_cast<int64_t>(rows.size());
  if (rows.size() > kBatchItems) rows.resize(kBatchItems);
  // The items as lists show them (names of organizations and task).
  for (const Assignment& a : rows) {
    if (std::optional<Assignment> read = ctx.tx.directives().find_assignment(a.id)) {
      batch.items.push_back(std::move(*read));
    }
  }
  return batch;
}

std::vector<domain::ReportPeriod> task_periods(Context& ctx, const DirectiveTask& task,
                                               Date limit) {
  std::vector<domain::ReportPeriod> periods;
  if (!task.report_schedule) return periods;
  for (domain::ReportPeriod& p : ctx.tx.directives().task_periods(task.id)) {
    if (p.due_on <= limit) periods.push_back(std::move(p));
  }
  const Date final_due = std::min(task.report_schedule->final_due_on.value_or(task.due_on), limit);
  const Date starts_on = periods.empty() ? final_due : periods.front().starts_on;
  periods.push_back(
      {std::string(domain::kFinalPeriod), std::min(starts_on, final_due), final_due, final_due});
  return periods;
}

}  // namespace chibo::app::directive_support
