// The life of an assignment (one task given to one organization or member), as pure decisions:
//
//   assigned -> acknowledged -> in_progress -> reported -> accepted
//                    \______________________/      \-> returned -> in_progress | reported
//
// The receiving organization acknowledges, starts, reports (and may pass the task further down,
// which acknowledges it first); the assigning level accepts or returns a report. Overdue is not
// a state: an assignment is overdue when its due date has passed without an accepted report.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace chibo::domain {

enum class AssignmentState {
  kAssigned,
  kAcknowledged,
  kInProgress,
  kReported,
  kAccepted,
  kReturned
};

std::string_view state_code(AssignmentState state);
std::optional<AssignmentState> parse_state(std::string_view code);

enum class AssignmentAction { kAcknowledge, kStart, kReport, kAccept, kReturn, kAssignDown };

// Who acts: the receiving organization (its users with directive.report / directive.write over
// it) or the level that assigned (directive.write over the assigning organization).
enum class AssignmentSide { kReceiver, kAssigner };

// The side an action belongs to.
AssignmentSide side_of(AssignmentAction action);

// The state after `action` from `from`, or Error::conflict("assignment_state", {state, action})
// when the action is not allowed in that state (accepting twice, reporting before
// acknowledging...). kAssignDown keeps the state, except that an unacknowledged assignment
// becomes acknowledged: passing it down is taking it on.
Result<AssignmentState> next_state(AssignmentState from, AssignmentAction action);

std::string_view action_code(AssignmentAction action);

// Due date passed (today is after it) without an accepted report.
bool is_overdue(AssignmentState state, Date due_on, Date today);

}  // namespace chibo::domain
