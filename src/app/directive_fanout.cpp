#include "app/directive_fanout.h"

#include <algorithm>
#include <set>

#include "app/directive_support.h"
#include "app/fanout_steps.h"

namespace chibo::app {

using namespace directive_support;

namespace {

std::string fanout_mode_code(domain::TargetMode mode) {
  switch (mode) {
    case domain::TargetMode::kChildren:
      return "children";
    case domain::TargetMode::kKind:
      return "kind";
    case domain::TargetMode::kOrgs:
      return "orgs";
    case domain::TargetMode::kMember:
      break;
  }
  return "member";
}

// The next `limit` targets of `fanout` after its cursor, in path order: active organizations
// strictly below the assigner (those closed since the request are left out).
std::vector<TargetCandidate> next_fanout_targets(Context& ctx, const DirectiveFanout& fanout,
                                                 const Organization& assigner, int limit) {
  if (fanout.target_mode == "kind") {
    return ctx.tx.directives().orgs_of_kind_after(assigner.path, fanout.target_kind,
                                                  fanout.cursor_path, limit);
  }
  std::vector<Organization> orgs = fanout.target_mode == "children"
                                       ? ctx.tx.orgs().children(assigner.id, false)
                                       : ctx.tx.orgs().find_many(fanout.target_orgs);
  std::vector<TargetCandidate> found;
  for (const Organization& org : orgs) {
    if (!org.active() || org.path == assigner.path || !assigner.path.contains(org.path)) continue;
    if (!fanout.cursor_path.empty() && org.path.str() <= fanout.cursor_path) continue;
    found.push_back({org.id, org.path, true});
  }
  std::sort(found.begin(), found.end(), [](const TargetCandidate& a, const TargetCandidate& b) {
    return a.path.str() < b.path.str();
  });
  if (found.size() > static_cast<size_t>(limit)) found.resize(static_cast<size_t>(limit));
  return found;
}

class FanoutKind : public JobKind {
 public:
  explicit FanoutKind(FanoutKindOptions options) : options_(options) {}
  std::string kind() const override { return kJobFanout; }
  JobSchedule schedule() const override { return JobSchedule::kOnDemand; }

  // One step: one batch of targets (batch_rows assignments at most), whatever `limit`.
  Result<int> run_steps(Context& ctx, const JobRow& job, int) override {
    const std::optional<int64_t> fanout_id = fanout_payload_id(job.payload, "fanout");
    if (!fanout_id) return Error::malformed("job_payload_invalid", {{"key", job.key}});
    std::optional<DirectiveFanout> fanout = ctx.tx.directives().find_fanout(*fanout_id);
    if (!fanout || fanout->state == "done") return 0;  // nothing left: the run is done
    std::optional<Directive> directive = ctx.tx.directives().find(fanout->directive_id);
    std::optional<Organization> assigner = ctx.tx.orgs().find(fanout->assigner_org_id);
    if (!directive || !assigner) return Error::not_found("directive");
    const int per_task = static_cast<int>(std::max<size_t>(1, fanout->tasks.size()));
    const int page = std::max(1, options_.batch_rows / per_task);
    const std::vector<TargetCandidate> targets = next_fanout_targets(ctx, *fanout, *assigner, page);
    const int64_t before_batches = fanout->batches;
    fanout->updated_at = ctx.now();
    if (targets.empty()) {
      fanout->state = "done";
      fanout->total = fanout->done;
      fanout->finished_at = ctx.now();
      if (!ctx.tx.directives().update_fanout(*fanout, before_batches))
        return Error::conflict("job_lease_lost");
      ctx.audit(AuditEntry::about("directive.fanout_done", "directive", directive->id,
                                  assigner->path.str())
                    .with("fanout_id", fanout->id)
                    .with("created", fanout->created)
                    .with("skipped", fanout->skipped)
                    .with("batches", fanout->batches));
      return 0;
    }
    // The step's done mark: a batch committed once is never done again.
    if (Status marked = mark_fanout_batch(ctx, job, kJobFanout, fanout->id, fanout->batches);
        !marked)
      return std::move(marked).error();
    std::vector<int64_t> task_ids;
    for (const auto& [task, due] : fanout->tasks) task_ids.push_back(task);
    std::vector<OrgId> org_ids;
    for (const TargetCandidate& t : targets) org_ids.push_back(t.id);
    std::set<std::pair<int64_t, long long>> existing;
    for (const auto& [task, org, member] :
         ctx.tx.directives().existing_targets_in(task_ids, org_ids))
      if (!member.valid() || member.value == 0) existing.insert({task, org.value});
    std::vector<Assignment> rows;
    const std::string now = ctx.now();
    for (const auto& [task_id, due] : fanout->tasks) {
      for (const TargetCandidate& target : targets) {
        if (existing.count({task_id, target.id.value})) {
          ++fanout->skipped;
          continue;
        }
        Assignment a;
        a.directive_id = directive->id;
        a.task_id = task_id;
        a.parent_id = fanout->parent_id;
        a.assigner_org_id = assigner->id;
        a.assigner_path = assigner->path;
        a.org_id = target.id;
        a.org_path = target.path;
        a.due_on = due;
        a.note = fanout->note;
        a.plan_document_id = fanout->plan_document_id;
        a.plan_number = fanout->plan_number;
        a.created_at = a.updated_at = now;
        rows.push_back(std::move(a));
      }
    }
    ctx.tx.directives().insert_assignments(rows);
    std::map<OrgId, domain::RollupCounts> deltas;
    const domain::RollupCounts one = domain::created_delta(domain::AssignmentState::kAssigned);
    for (const Assignment& a : rows) add_along(deltas, a.org_path, one);
    ctx.tx.directives().adjust_rollup(directive->id, deltas);
    fanout->created += static_cast<int64_t>(rows.size());
    fanout->done += static_cast<int64_t>(targets.size() * fanout->tasks.size());
    fanout->total = std::max(fanout->total, fanout->done);
    fanout->batches += 1;
    fanout->cursor_path = targets.back().path.str();
    if (!ctx.tx.directives().update_fanout(*fanout, before_batches))
      return Error::conflict("job_lease_lost");
    pace_fanout_step(options_);
    return 1;
  }

 private:
  FanoutKindOptions options_;
};

}  // namespace

DirectiveFanout start_fanout(Context& ctx, const Directive& directive,
                             const std::vector<std::pair<int64_t, Date>>& task_dues,
                             const Organization& assigner, int64_t parent_id,
                             const domain::AssignmentTarget& target, int64_t total,
                             const std::string& note, int64_t plan_document_id,
                             const std::string& plan_number) {
  DirectiveFanout fanout;
  fanout.directive_id = directive.id;
  fanout.parent_id = parent_id;
  fanout.assigner_org_id = assigner.id;
  fanout.tasks = task_dues;
  fanout.target_mode = fanout_mode_code(target.mode);
  fanout.target_kind = target.mode == domain::TargetMode::kKind ? target.kind : "";
  if (target.mode == domain::TargetMode::kOrgs) fanout.target_orgs = target.orgs;
  fanout.note = note;
  fanout.plan_document_id = plan_document_id;
  fanout.plan_number = plan_number;
  fanout.total = total;
  fanout.created_by = ctx.actor.name;
  fanout.created_at = fanout.updated_at = ctx.now();
  ctx.tx.directives().insert_fanout(fanout);
  schedule_fanout(ctx, kJobFanout, "fanout", fanout.id);
  ctx.audit(AuditEntry::about("directive.fanout", "directive", directive.id, assigner.path.str())
                .with("fanout_id", fanout.id)
                .with("parent_id", parent_id)
                .with("target", fanout.target_mode)
                .with("total", total));
  return fanout;
}

std::unique_ptr<JobKind> make_fanout_kind(FanoutKindOptions options) {
  return std::make_unique<FanoutKind>(options);
}

}  // namespace chibo::app
