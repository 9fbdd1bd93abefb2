// The Idempotency-Key header of creating requests (app/runner.h, run_keyed): parsing, the request's
// fingerprint, and replies to and from their stored form.
#pragma once

#include <optional>

#include "app/runner.h"
#include "http/message.h"

namespace chibo::http {

inline constexpr size_t kMaxIdempotencyKeyLength = 255;

// The request's key and fingerprint; nullopt without the header; 400 (idempotency_key_invalid)
// when it is not 1-255 visible ASCII characters, bare or as a quoted string.
Result<std::optional<app::IdempotentRequest>> idempotency_of(const HttpRequest& request);

// A reply as stored with its keyed write, and a stored reply as sent (with
// "Idempotent-Replayed: true" when it answered an earlier request).
app::StoredReply stored_reply(HttpResponse response);
HttpResponse replayed_response(app::KeyedReply keyed);

}  // namespace chibo::http
