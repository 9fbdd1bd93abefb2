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

// What the directive list's `q` searches: the title and the number and symbol, folded
// (text::fold: no diacritics, lower case, single spaces), so that "nghi quyet 12" finds
// "Nghị quyết ... 12-NQ/TW" on both engines.
std::string directive_search_text(const std::string& title, const std::string& number_symbol);

}  // namespace chibo::domain
