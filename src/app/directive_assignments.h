// The follow-up's view of the directives (issue 13): the open assignments the reminder ladder
// walks, and the daily overdue marking, from the directives' use cases (app/directives.h).
#pragma once

#include <memory>

#include "app/followup.h"

namespace chibo::app {

std::shared_ptr<AssignmentSource> make_directive_assignments();

}  // namespace chibo::app
