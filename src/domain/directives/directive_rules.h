// A directive's own checks: its kind, and each task's due date (a date, or a count of working
// days from the directive's date on the working-day calendar; never before the directive).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/calendar/working_calendar.h"

namespace chibo::domain {

bool known_directive_kind(std::string_view kind);

struct TaskDue {
  std::optional<Date> due_on;
  std::optional<int> working_days;
};

// The task's due date; errors name `field` ("tasks[0]") + ".due_on" / ".due_working_days".
std::optional<Date> task_due_date(const TaskDue& due, Date issued_on,
                                  const WorkingCalendar& calendar, const std::string& field,
                                  std::vector<FieldError>& errors);

// An assignment's own due date: not before the directive, not after the due date of what it
// was given from (the task, or the received assignment).
void check_assignment_due(Date due_on, Date issued_on, Date limit, const std::string& field,
                          std::vector<FieldError>& errors);

}  // namespace chibo::domain
