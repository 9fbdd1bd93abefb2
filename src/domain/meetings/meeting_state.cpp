#include "domain/meetings/meeting_state.h"

namespace chibo::domain::meetings {

Status check_editable(std::string_view state) {
  if (state == kApproved) return Error::conflict("meeting_approved");
  return Ok();
}

Status check_record(std::string_view state, Date held_on, Date today) {
  if (Status editable = check_editable(state); !editable) return editable;
  if (today < held_on)
    return Error::invalid_field("held_on", "date_in_future", {{"today", today.iso()}});
  return Ok();
}

Status check_approve(std::string_view state) {
  if (state == kApproved) return Error::conflict("meeting_approved");
  if (state != kHeld) return Error::conflict("meeting_not_held");
  return Ok();
}

Status check_amend(std::string_view state) {
  if (state != kApproved) return Error::conflict("meeting_not_approved");
  return Ok();
}

Status check_notice(std::string_view state, Date held_on, Date today) {
  if (state != kScheduled) return Error::conflict("meeting_already_recorded");
  if (held_on < today) return Error::conflict("meeting_past", {{"held_on", held_on.iso()}});
  return Ok();
}

}  // namespace chibo::domain::meetings
