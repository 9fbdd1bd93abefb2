#include "domain/directives/assignment_state.h"

#include <array>
#include <utility>

namespace chibo::domain {

namespace {

using S = AssignmentState;
using A = AssignmentAction;

constexpr std::array<std::pair<S, std::string_view>, 6> kStates{{
    {S::kAssigned, "assigned"},
    {S::kAcknowledged, "acknowledged"},
    {S::kInProgress, "in_progress"},
    {S::kReported, "reported"},
    {S::kAccepted, "accepted"},
    {S::kReturned, "returned"},
}};

constexpr std::array<std::pair<A, std::string_view>, 6> kActions{{
    {A::kAcknowledge, "acknowledge"},
    {A::kStart, "start"},
    {A::kReport, "report"},
    {A::kAccept, "accept"},
    {A::kReturn, "return"},
    {A::kAssignDown, "assign_down"},
}};

}  // namespace

std::string_view state_code(AssignmentState state) {
  for (const auto& [value, code] : kStates) {
    if (value == state) return code;
  }
  return "";
}

std::optional<AssignmentState> parse_state(std::string_view code) {
  for (const auto& [value, name] : kStates) {
    if (name == code) return value;
  }
  return std::nullopt;
}

std::string_view action_code(AssignmentAction action) {
  for (const auto& [value, code] : kActions) {
    if (value == action) return code;
  }
  return "";
}

AssignmentSide side_of(AssignmentAction action) {
  return action == A::kAccept || action == A::kReturn ? AssignmentSide::kAssigner
                                                      : AssignmentSide::kReceiver;
}

Result<AssignmentState> next_state(AssignmentState from, AssignmentAction action) {
  std::optional<S> to;
  switch (action) {
    case A::kAcknowledge:
      if (from == S::kAssigned) to = S::kAcknowledged;
      break;
    case A::kStart:
      if (from == S::kAcknowledged || from == S::kReturned) to = S::kInProgress;
      break;
    case A::kReport:
      if (from == S::kAcknowledged || from == S::kInProgress || from == S::kReturned)
        to = S::kReported;
      break;
    case A::kAccept:
      if (from == S::kReported) to = S::kAccepted;
      break;
    case A::kReturn:
      if (from == S::kReported) to = S::kReturned;
      break;
    case A::kAssignDown:
      if (from == S::kAssigned) {
        to = S::kAcknowledged;
      } else if (from != S::kAccepted) {
        to = from;
      }
      break;
  }
  if (!to) {
    return Error::conflict("assignment_state", {{"state", std::string(state_code(from))},
                                                {"action", std::string(action_code(action))}});
  }
  return *to;
}

bool is_overdue(AssignmentState state, Date due_on, Date today) {
  return state != S::kAccepted && today > due_on;
}

}  // namespace chibo::domain
