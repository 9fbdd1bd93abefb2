// `chibo check` for the directives roll-up: recounts directive_rollup from the assignments and
// studies (each counted at its receiving organization and every ancestor) and compares.
#pragma once

#include <soci/soci.h>

namespace chibo::storage {

// How many (directive, organization) roll-up rows differ from a recount.
long long directive_rollup_differences(soci::session& session);

}  // namespace chibo::storage
