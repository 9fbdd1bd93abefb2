// `chibo check` for the directives roll-up: recounts directive_rollup from the assignments and
// studies (each assignment counted at its receiving organization and every ancestor; studies by
// domain/directives/study_rollup.h) and compares.
#pragma once

#include <soci/soci.h>

namespace chibo::storage {

// How many (directive, organization) roll-up rows differ from a recount.
long long directive_rollup_differences(soci::session& session);

}  // namespace chibo::storage
