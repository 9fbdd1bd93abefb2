// A meeting's states: scheduled -> held (recorded, may be recorded again) -> approved (the
// minutes are adopted: locked; corrections are amendments). What each step refuses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace chibo::domain::meetings {

inline constexpr std::string_view kScheduled = "scheduled";
inline constexpr std::string_view kHeld = "held";
inline constexpr std::string_view kApproved = "approved";

// Editing the meeting or recording it: refused once approved ("meeting_approved", a conflict).
Status check_editable(std::string_view state);
// Recording it as held: not approved, and the day it was held is not after `today`.
Status check_record(std::string_view state, Date held_on, Date today);
// Approving: only a held meeting.
Status check_approve(std::string_view state);
// Amending: only an approved meeting (before that, it is edited or recorded again).
Status check_amend(std::string_view state);
// An absence notice: before the meeting is recorded, and not after its day.
Status check_notice(std::string_view state, Date held_on, Date today);

}  // namespace chibo::domain::meetings
