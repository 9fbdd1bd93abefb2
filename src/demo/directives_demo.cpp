#include "demo/directives_demo.h"

#include <algorithm>

#include "domain/directives/report_schedule.h"
#include "domain/directives/rollup.h"
#include "storage/sql/directives/directive_repository.h"
#include "storage/sql/engine/row_values.h"

namespace chibo::demo {

namespace {

using domain::AssignmentState;
using domain::Organization;

// Cells per directive beyond which the demo samples (a national-scale bloc has thousands).
constexpr size_t kMaxCellsPerDirective = 1500;

struct TaskPlan {
  const char* title;
  int due_days;  // from today: negative, already due
};

struct DirectivePlan {
  const char* kind;
  const char* number_symbol;
  const char* title;
  int issued_days;  // from today (negative)
  std::vector<TaskPlan> tasks;
  bool to_cells;  // passed down to the cells
  bool studied;   // cells record study sessions
};

const std::vector<DirectivePlan>& plans() {
  static const std::vector<DirectivePlan> list = {
      {"resolution",
       "05-NQ/ĐUK",
       "Nghị quyết số 05-NQ/ĐUK về nâng cao chất lượng sinh hoạt chi bộ",
       -320,
       {{"Xây dựng kế hoạch thực hiện nghị quyết", -290},
        {"Báo cáo sơ kết 6 tháng thực hiện nghị quyết", -130},
        {"Báo cáo tổng kết năm", 40}},
       true,
       true},
      {"directive",
       "12-CT/ĐUK",
       "Chỉ thị số 12-CT/ĐUK về tăng cường công tác phát triển đảng viên trong tình hình mới",
       -170,
       {{"Rà soát, lập danh sách quần chúng ưu tú", -60},
        {"Báo cáo kết quả phát triển đảng viên", 30}},
       true,
       false},
      {"plan",
       "45-KH/ĐUK",
       "Kế hoạch số 45-KH/ĐUK thực hiện Chỉ thị số 35-CT/TW về đại hội đảng bộ các cấp",
       -75,
       {{"Xây dựng đề án nhân sự cấp ủy", -10}, {"Báo cáo chuẩn bị đại hội", 50}},
       false,
       false},
      {"higher_document",
       "18-NQ/TW",
       "Nghị quyết số 18-NQ/TW về tiếp tục đổi mới, sắp xếp tổ chức bộ máy tinh gọn, hoạt động "
       "hiệu lực, hiệu quả",
       -200,
       {{"Học tập, quán triệt nghị quyết", -150}},
       true,
       true},
  };
  return list;
}

}  // namespace

DirectivesDemo::DirectivesDemo(uint64_t seed, Date today, std::string now,
                               const domain::RuleSet* rules,
                               const domain::WorkingCalendar* calendar)
    : rng_(seed ^ 0xD12EC71FULL),
      today_(today),
      now_(std::move(now)),
      rules_(rules),
      calendar_(calendar) {}

void DirectivesDemo::org_added(const Organization& org, bool in_bloc) {
  if (in_bloc) orgs_.push_back(org);
}

void DirectivesDemo::write(soci::session& session) {
  // The bloc committee: the shallowest organization of the bloc.
  if (orgs_.empty()) return;
  const Organization root = *std::min_element(
      orgs_.begin(), orgs_.end(),
      [](const Organization& a, const Organization& b) { return a.path.depth() < b.path.depth(); });
  std::vector<const Organization*> level1;
  std::map<int64_t, std::vector<const Organization*>> cells_under;  // level-1 id -> its cells
  for (const Organization& org : orgs_) {
    if (org.parent_id == root.id) level1.push_back(&org);
  }
  for (const Organization& org : orgs_) {
    if (org.kind != "cell" || org.path.depth() <= root.path.depth() + 1) continue;
    const OrgId top = org.path.ids()[static_cast<size_t>(root.path.depth())];
    cells_under[top.value].push_back(&org);
  }
  size_t cell_total = 0;
  for (const auto& [top, cells] : cells_under) cell_total += cells.size();
  const double cell_share =
      cell_total > kMaxCellsPerDirective
          ? static_cast<double>(kMaxCellsPerDirective) / static_cast<double>(cell_total)
          : 1.0;
  // Members on the roll per cell, for study sessions.
  std::map<int64_t, long long> members;
  {
    storage::Bindings none;
    storage::RowReader row(0, 2);
    storage::select_rows(session,
                         "SELECT org_id, SUM(n) FROM org_member_counts WHERE status IN "
                         "('official', 'probationary') GROUP BY org_id",
                         none, row, [&] { members[row.number(0)] = row.number(1); });
  }

  storage::SqlDirectiveRepository repo(session);
  // A state for an assignment due on `due`, as of today: early ones mostly done.
  auto state_for = [&](Date due, bool passed_down) {
    const double r = rng_.real();
    if (due < today_) {
      if (r < 0.72) return AssignmentState::kAccepted;
      if (r < 0.82) return AssignmentState::kReported;
      if (r < 0.86) return AssignmentState::kReturned;
      if (r < 0.94) return AssignmentState::kInProgress;
      return passed_down ? AssignmentState::kAcknowledged : AssignmentState::kAssigned;
    }
    if (r < 0.15) return AssignmentState::kReported;
    if (r < 0.45) return AssignmentState::kInProgress;
    if (r < 0.8) return AssignmentState::kAcknowledged;
    return passed_down ? AssignmentState::kAcknowledged : AssignmentState::kAssigned;
  };
  for (const DirectivePlan& plan : plans()) {
    app::Directive directive;
    directive.org_id = root.id;
    directive.org_path = root.path;
    directive.kind = plan.kind;
    directive.title = plan.title;
    directive.number_symbol = plan.number_symbol;
    directive.issued_on = today_.add_days(plan.issued_days);
    directive.created_by = "demo";
    directive.created_at = directive.updated_at = now_;
    repo.insert(directive);
    ++report_.directives;
    std::vector<app::DirectiveTask> tasks;
    for (size_t i = 0; i < plan.tasks.size(); ++i) {
      app::DirectiveTask task;
      task.directive_id = directive.id;
      task.position = static_cast<int>(i + 1);
      task.title = plan.tasks[i].title;
      task.due_on = today_.add_days(plan.tasks[i].due_days);
      task.created_at = now_;
      // The first task running half a year or more reports quarterly (sơ kết, tổng kết).
      if (i == 0 && rules_ && calendar_ &&
          task.due_on.serial() - directive.issued_on.serial() >= 180) {
        Result<domain::PeriodReportDue> due =
            domain::period_report_due(*rules_, directive.issued_on);
        domain::ReportSchedule schedule{domain::ReportCadence::kQuarterly, std::nullopt};
        if (due) {
          Result<std::vector<domain::ReportPeriod>> periods =
              domain::report_periods(schedule, directive.issued_on, task.due_on, *due, *calendar_);
          if (periods) {
            task.report_schedule = schedule;
            task.periods = std::move(*periods);
          }
        }
      }
      tasks.push_back(task);
    }
    repo.insert_tasks(tasks);
    for (const app::DirectiveTask& task : tasks) {
      if (task.report_schedule) repo.insert_task_periods(task.id, task.periods);
    }
    std::map<OrgId, domain::RollupCounts> deltas;
    std::vector<app::Assignment> done;  // reported or accepted: they get a report
    auto make = [&](const app::DirectiveTask& task, const Organization& from,
                    const Organization& to, int64_t parent, Date due, bool passed_down) {
      app::Assignment a;
      a.directive_id = directive.id;
      a.task_id = task.id;
      a.parent_id = parent;
      a.assigner_org_id = from.id;
      a.assigner_path = from.path;
      a.org_id = to.id;
      a.org_path = to.path;
      a.due_on = due;
      a.state = state_for(due, passed_down);
      a.overdue = domain::is_overdue(a.state, due, today_);
      a.created_at = a.updated_at = now_;
      return a;
    };
    for (const app::DirectiveTask& task : tasks) {
      std::vector<app::Assignment> first;
      for (const Organization* org : level1) {
        const bool passes = plan.to_cells && cells_under.count(org->id.value) > 0;
        first.push_back(make(task, root, *org, 0, task.due_on, passes));
      }
      repo.insert_assignments(first);
      std::vector<app::Assignment> second;
      if (plan.to_cells) {
        for (const app::Assignment& parent : first) {
          const Organization* from = nullptr;
          for (const Organization* org : level1) {
            if (org->id == parent.org_id) from = org;
          }
          const Date due = parent.due_on.add_days(-7) < directive.issued_on
                               ? parent.due_on
                               : parent.due_on.add_days(-7);
          for (const Organization* cell : cells_under[parent.org_id.value]) {
            if (cell_share < 1.0 && !rng_.chance(cell_share)) continue;
            app::Assignment a = make(task, *from, *cell, parent.id, due, false);
            a.plan_number = "KH/ĐU";
            second.push_back(std::move(a));
          }
        }
        repo.insert_assignments(second);
      }
      for (const auto* list : {&first, &second}) {
        for (const app::Assignment& a : *list) {
          domain::RollupCounts delta = domain::created_delta(a.state);
          if (a.overdue) delta.overdue = 1;
          for (const OrgId& org : a.org_path.ids()) deltas[org] += delta;
          if (a.state == AssignmentState::kReported || a.state == AssignmentState::kAccepted ||
              a.state == AssignmentState::kReturned)
            done.push_back(a);
          if (a.overdue) ++report_.overdue;
          ++report_.assignments;
        }
      }
    }
    for (const app::Assignment& a : done) {
      app::AssignmentReport report;
      report.assignment_id = a.id;
      report.body =
          "Đã triển khai thực hiện; tổ chức quán triệt, xây dựng kế hoạch và phân công "
          "cấp ủy viên phụ trách.";
      report.figures =
          "[{\"label\":\"Đảng viên tham gia\",\"value\":" + std::to_string(rng_.between(8, 40)) +
          ",\"unit\":\"người\"}]";
      report.submitted_by = "demo";
      report.submitted_at = now_;
      if (a.state == AssignmentState::kAccepted) report.review = "accepted";
      if (a.state == AssignmentState::kReturned) {
        report.review = "returned";
        report.review_comment = "Đề nghị bổ sung số liệu cụ thể";
      }
      repo.insert_report(report);
      if (report.review != "pending") {
        report.reviewed_by = "demo";
        report.reviewed_at = now_;
        repo.update_review(report);
      }
      ++report_.reports;
      // A scheduled task's past periods: reported and accepted.
      for (const app::DirectiveTask& task : tasks) {
        if (task.id != a.task_id || !task.report_schedule) continue;
        for (const domain::ReportPeriod& p : task.periods) {
          if (p.key == domain::kFinalPeriod || p.due_on >= today_ || p.due_on > a.due_on) continue;
          app::AssignmentReport period;
          period.assignment_id = a.id;
          period.period = p.key;
          period.body = "Báo cáo kết quả thực hiện " + p.key + ": đã triển khai theo kế hoạch.";
          period.figures = "[]";
          period.submitted_by = "demo";
          period.submitted_at = now_;
          period.review = "accepted";
          repo.insert_report(period);
          period.reviewed_by = "demo";
          period.reviewed_at = now_;
          repo.update_review(period);
          ++report_.reports;
        }
      }
    }
    if (plan.studied) {
      for (const auto& [top, cells] : cells_under) {
        for (const Organization* cell : cells) {
          if (!rng_.chance(0.6 * cell_share)) continue;
          const long long on_roll = members[cell->id.value];
          if (on_roll == 0) continue;
          app::DirectiveStudy study;
          study.directive_id = directive.id;
          study.org_id = cell->id;
          study.org_path = cell->path;
          study.held_on = directive.issued_on.add_days(static_cast<int32_t>(rng_.between(5, 40)));
          if (study.held_on > today_) study.held_on = today_;
          study.members = on_roll;
          study.attendees = std::max<long long>(0, on_roll - rng_.between(0, 2));
          study.created_at = study.updated_at = now_;
          repo.insert_study(study);
          domain::RollupCounts delta;
          delta.studied = study.attendees;
          for (const OrgId& org : cell->path.ids()) deltas[org] += delta;
          ++report_.studies;
        }
      }
    }
    repo.adjust_rollup(directive.id, deltas);
  }
}

}  // namespace chibo::demo
