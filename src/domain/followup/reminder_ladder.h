// The reminder ladder of the follow-up (đôn đốc): when an assignment has no accepted report,
// its responsible organization is reminded at fixed offsets from the due date (before it, on
// it, after it) and the superior committee is told at the last step. The offsets are rule data
// (rules/reminders.toml: the committee's own settings, no national numbers exist), counted in
// calendar days or working days. Pure: the caller says which steps were already sent.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/calendar/working_calendar.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

struct ReminderStep {
  int offset_days = 0;    // from the due date: negative before it, 0 the due day
  bool escalate = false;  // tell the superior organization (the last step)
  // A stable name of the step, part of its dedupe key: "d-7", "d0", "d+3", "escalate+7".
  std::string code() const;
  // "reminder" (before), "due_today", "overdue" (after) or "escalation": the notification kind.
  std::string kind() const;
};

struct ReminderLadder {
  std::vector<ReminderStep> steps;  // in date order, the escalation last
  bool working_days = false;        // offsets count working days, not calendar days
};

// The ladder in force on `on` (followup.reminder_days, followup.escalation_days,
// followup.working_days). Fails when a key is missing or the offsets are not increasing.
Result<ReminderLadder> reminder_ladder(const RuleSet& rules, Date on);

// The day `step` falls on for an assignment due on `due`. Working days: `due` moved by that
// many working days (a before-step on the working day that many before it); fails
// (calendar_year_missing) where the calendar has no holidays for the year.
Result<Date> step_date(const ReminderLadder& ladder, const ReminderStep& step, Date due,
                       const WorkingCalendar& calendar);

// The steps to send on `today` for an assignment due on `due`, of which the steps whose codes
// are in `sent` were sent already. Only the latest step whose day has come is sent: the earlier
// ones it supersedes are not sent late (no "due in 7 days" once the due day has passed), and
// nothing is sent once a later step was. Empty when nothing is due.
Result<std::vector<ReminderStep>> steps_due(const ReminderLadder& ladder, Date due, Date today,
                                            const std::set<std::string>& sent,
                                            const WorkingCalendar& calendar);

}  // namespace chibo::domain
