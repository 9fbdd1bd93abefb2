// Scheduled periodic reports of a directive's task (issue 13: "scheduled periodic reports from
// the plan: quarterly, 6-monthly sơ kết, final tổng kết"). A task may carry a schedule: a cadence
// (quarterly, half-yearly, yearly) whose periods run from the directive's date to the task's due
// date, and the final report (tổng kết), due on the task's due date or an earlier day of its
// own. Each period's report is due N days (or N working days) after the period ends
// (rules/directives.toml). A period that ends on or after the task's due date is left out: the
// final report covers it. Periods are named "2027-Q1", "2027-H1", "2027" and "final".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/calendar/working_calendar.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

enum class ReportCadence { kQuarterly, kHalfYearly, kYearly };

std::optional<ReportCadence> parse_report_cadence(std::string_view code);
std::string_view cadence_code(ReportCadence cadence);

inline constexpr std::string_view kFinalPeriod = "final";

struct ReportSchedule {
  ReportCadence cadence = ReportCadence::kQuarterly;
  std::optional<Date> final_due_on;  // the tổng kết's own due date; none: the task's due date
};

// When a period's report is due after the period ends (rules/directives.toml).
struct PeriodReportDue {
  int days = 15;
  bool working_days = false;
};
Result<PeriodReportDue> period_report_due(const RuleSet& rules, Date on);

struct ReportPeriod {
  std::string key;  // "2027-Q1", "2027-H1", "2027", "final"
  Date starts_on;
  Date ends_on;
  Date due_on;
};

// When the assignment's own report (the final one) is due: the schedule's final date when it has
// one, else the task's due date. Assignments take it as their due date, so the overdue marking,
// the roll-up and the reminder ladder follow the final report's own date.
Date final_report_due(const std::optional<ReportSchedule>& schedule, Date task_due);

// Checks a schedule against its task (errors name `field` + ".cadence" / ".final_due_on"): the
// final report not before the directive nor after the task's due date.
void check_report_schedule(const ReportSchedule& schedule, Date issued_on, Date task_due,
                           const std::string& field, std::vector<FieldError>& errors);

// The periods of a schedule from `issued_on` to `task_due`, in order, the final report last.
// Fails (calendar_year_missing) when a working-day count reaches a year the calendar lacks.
Result<std::vector<ReportPeriod>> report_periods(const ReportSchedule& schedule, Date issued_on,
                                                 Date task_due, const PeriodReportDue& due,
                                                 const WorkingCalendar& calendar);

// The state of one period's report for an assignment.
enum class PeriodState { kDue, kReported, kAccepted, kReturned, kOverdue };
std::string_view period_state_code(PeriodState state);

// A report as the period states need it: its period and review (pending, accepted, returned),
// newest first.
struct PeriodReportSeen {
  std::string period;
  std::string review;
};

// accepted when one of its reports was accepted; else the newest report's review (pending:
// reported, returned); else overdue when `today` is after its due date, else due.
PeriodState period_state(const ReportPeriod& period, const std::vector<PeriodReportSeen>& reports,
                         Date today);

}  // namespace chibo::domain
