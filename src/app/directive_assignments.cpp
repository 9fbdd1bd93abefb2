#include "app/directive_assignments.h"

#include <algorithm>

#include "app/directives.h"
#include "domain/followup/reminder_ladder.h"

namespace chibo::app {

namespace {

// Enough for a national directive to every cell; the job works through them in batches.
constexpr int kMaxAssignments = 1000000;

class DirectiveAssignments : public AssignmentSource {
 public:
  Result<std::vector<OpenAssignment>> open_assignments(Context& ctx, Date today) override {
    // As far ahead as the ladder's first step reaches (in working days: at most twice as many
    // calendar days, and two weeks more for Tết).
    int ahead = 0;
    Result<domain::ReminderLadder> ladder = domain::reminder_ladder(ctx.services.rules, today);
    if (!ladder) return std::move(ladder).error();
    if (!ladder->steps.empty()) ahead = std::max(0, -ladder->steps.front().offset_days);
    if (ladder->working_days) ahead = ahead * 2 + 14;
    Result<std::vector<DueAssignment>> due = due_assignments(ctx, today, ahead, kMaxAssignments);
    if (!due) return std::move(due).error();
    std::vector<OpenAssignment> open;
    open.reserve(due->size());
    for (const DueAssignment& item : *due) {
      const Assignment& a = item.assignment;
      OpenAssignment task;
      task.id = a.id;
      task.title = a.task_title.empty() ? a.directive_title : a.task_title;
      if (!a.number_symbol.empty()) task.title += " (" + a.number_symbol + ")";
      task.due_on = a.due_on;
      task.org = a.org_id;
      task.link = "/directives/" + std::to_string(a.directive_id);
      open.push_back(std::move(task));
    }
    // The scheduled period reports (quarterly, sơ kết ...), each its own subject.
    for (const DuePeriodReport& due :
         ctx.tx.directives().due_period_reports(today.add_days(ahead), kMaxAssignments)) {
      OpenAssignment task;
      task.id = due.assignment_id;
      task.subject = due.period;
      task.title = "Báo cáo kỳ " + due.period + ": " +
                   (due.task_title.empty() ? due.directive_title : due.task_title);
      if (!due.number_symbol.empty()) task.title += " (" + due.number_symbol + ")";
      task.due_on = due.due_on;
      task.org = due.org_id;
      task.link = "/directives/" + std::to_string(due.directive_id);
      open.push_back(std::move(task));
    }
    return open;
  }

  Result<int64_t> mark_overdue(Context& ctx, Date as_of) override {
    Result<int64_t> marked = app::mark_overdue(ctx, as_of);
    if (!marked) return marked;
    Result<int64_t> periods = app::mark_period_overdue(ctx, as_of);
    if (!periods) return periods;
    return *marked + *periods;
  }
};

}  // namespace

std::shared_ptr<AssignmentSource> make_directive_assignments() {
  return std::make_shared<DirectiveAssignments>();
}

}  // namespace chibo::app
