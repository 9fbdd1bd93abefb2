// What an exception from SOCI means for the transaction that raised it (retry_policy.h), and
// the Error a caller sees when nothing more can be done.
#pragma once

#include <soci/soci.h>

#include <string>

#include "core/error.h"
#include "storage/sql/engine/dialect.h"
#include "storage/sql/engine/retry_policy.h"

namespace chibo::storage {

// Classifies `error`, raised on `session` (whose libpq status tells a dead connection from a
// failed statement).
Failure failure_of(const soci::soci_error& error, soci::session& session, Engine engine);

// The Error for a failure that is not (or no longer) retried. kUnavailable (503) for what a
// later attempt may cure, with "retry_after" seconds; kInternal for the rest. `detail` (the
// engine's message) is logged, never shown.
Error error_for(Failure failure, const std::string& detail, bool outcome_unknown);

}  // namespace chibo::storage
