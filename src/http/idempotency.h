// The Idempotency-Key header of creating requests (app/idempotency.h): parsing, the request's
// fingerprint, and replies to and from their stored form.
#pragma once

#include <functional>
#include <optional>

#include "app/idempotency.h"
#include "http/message.h"

namespace chibo::http {

inline constexpr size_t kMaxIdempotencyKeyLength = 255;

// The request's key and fingerprint; nullopt without the header; 400 (idempotency_key_invalid)
// when it is not 1-255 visible ASCII characters, bare or as a quoted string.
Result<std::optional<app::IdempotentRequest>> idempotency_of(const HttpRequest& request);

// Runs a creating handler. Without a key: `respond(nullptr)` as usual. With one: through
// app::run_idempotent, `respond(&tx)` rendering its reply inside the write transaction; a
// repeat gets the stored reply with "Idempotent-Replayed: true".
//
// `respond` returns the reply to send and stores; a reply that is not 2xx is sent but not
// stored (nothing was written).
using KeyedHandler = std::function<HttpResponse(app::Transaction* tx)>;
HttpResponse with_idempotency(app::Services& services, const HttpRequest& request,
                              const KeyedHandler& respond);

}  // namespace chibo::http
