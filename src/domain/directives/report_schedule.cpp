#include "domain/directives/report_schedule.h"

#include <algorithm>

namespace chibo::domain {

std::optional<ReportCadence> parse_report_cadence(std::string_view code) {
  if (code == "quarterly") return ReportCadence::kQuarterly;
  if (code == "half_yearly") return ReportCadence::kHalfYearly;
  if (code == "yearly") return ReportCadence::kYearly;
  return std::nullopt;
}

std::string_view cadence_code(ReportCadence cadence) {
  switch (cadence) {
    case ReportCadence::kQuarterly:
      return "quarterly";
    case ReportCadence::kHalfYearly:
      return "half_yearly";
    case ReportCadence::kYearly:
      return "yearly";
  }
  return "quarterly";
}

Result<PeriodReportDue> period_report_due(const RuleSet& rules, Date on) {
  const RuleParameter* days = rules.in_force("directives.period_report_days", on);
  const RuleParameter* working = rules.in_force("directives.period_report_working_days", on);
  if (!days || !working) {
    return Error::malformed("rule_missing",
                            {{"key", "directives.period_report_*"}, {"on", on.iso()}});
  }
  if (days->value < 0) {
    return Error::malformed("rule_invalid",
                            {{"key", "directives.period_report_days"}, {"problem", "negative"}});
  }
  return PeriodReportDue{static_cast<int>(days->value), working->value != 0};
}

void check_report_schedule(const ReportSchedule& schedule, Date issued_on, Date task_due,
                           const std::string& field, std::vector<FieldError>& errors) {
  if (!schedule.final_due_on) return;
  if (*schedule.final_due_on < issued_on) {
    errors.push_back(
        {field + ".final_due_on", "before_issued_on", {{"issued_on", issued_on.iso()}}});
  } else if (*schedule.final_due_on > task_due) {
    errors.push_back(
        {field + ".final_due_on", "directive_final_after_due", {{"limit", task_due.iso()}}});
  }
}

namespace {

int cadence_months(ReportCadence cadence) {
  switch (cadence) {
    case ReportCadence::kQuarterly:
      return 3;
    case ReportCadence::kHalfYearly:
      return 6;
    case ReportCadence::kYearly:
      return 12;
  }
  return 3;
}

std::string period_key(ReportCadence cadence, int year, int index) {
  const std::string y = std::to_string(year);
  switch (cadence) {
    case ReportCadence::kQuarterly:
      return y + "-Q" + std::to_string(index + 1);
    case ReportCadence::kHalfYearly:
      return y + "-H" + std::to_string(index + 1);
    case ReportCadence::kYearly:
      return y;
  }
  return y;
}

}  // namespace

Date final_report_due(const std::optional<ReportSchedule>& schedule, Date task_due) {
  if (!schedule || !schedule->final_due_on) return task_due;
  return std::min(*schedule->final_due_on, task_due);
}

Result<std::vector<ReportPeriod>> report_periods(const ReportSchedule& schedule, Date issued_on,
                                                 Date task_due, const PeriodReportDue& due,
                                                 const WorkingCalendar& calendar) {
  const Date final_due = schedule.final_due_on.value_or(task_due);
  const int months = cadence_months(schedule.cadence);
  std::vector<ReportPeriod> periods;
  int year = issued_on.year();
  int index = (issued_on.month() - 1) / months;
  for (;;) {
    const Date first = *Date::from_ymd(year, index * months + 1, 1);
    const Date ends_on = first.add_months(months).add_days(-1);
    if (ends_on >= final_due) break;  // the final report covers it
    Date report_due = ends_on.add_days(due.days);
    if (due.working_days) {
      Result<Date> counted = calendar.add_working_days(ends_on, due.days);
      if (!counted) return std::move(counted).error();
      report_due = *counted;
    }
    periods.push_back({period_key(schedule.cadence, year, index), std::max(first, issued_on),
                       ends_on, std::min(report_due, final_due)});
    if (++index * months >= 12) {
      index = 0;
      ++year;
    }
  }
  periods.push_back({std::string(kFinalPeriod), issued_on, final_due, final_due});
  return periods;
}

std::string_view period_state_code(PeriodState state) {
  switch (state) {
    case PeriodState::kDue:
      return "due";
    case PeriodState::kReported:
      return "reported";
    case PeriodState::kAccepted:
      return "accepted";
    case PeriodState::kReturned:
      return "returned";
    case PeriodState::kOverdue:
      return "overdue";
  }
  return "due";
}

PeriodState period_state(const ReportPeriod& period, const std::vector<PeriodReportSeen>& reports,
                         Date today) {
  const PeriodReportSeen* newest = nullptr;
  for (const PeriodReportSeen& report : reports) {
    if (report.period != period.key) continue;
    if (report.review == "accepted") return PeriodState::kAccepted;
    if (!newest) newest = &report;
  }
  if (newest && newest->review == "pending") return PeriodState::kReported;
  if (today > period.due_on) return PeriodState::kOverdue;
  if (newest && newest->review == "returned") return PeriodState::kReturned;
  return PeriodState::kDue;
}

}  // namespace chibo::domain
