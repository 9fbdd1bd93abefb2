// Creating requests with an Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): a
// client that lost the reply to a POST sends it again with the same key and gets the first
// reply, status and body, without a second record. The lifecycle's procedures (a step, a
// transfer, an exit ...) take keys too: resent, they would be refused as already done or as a
// stale version, though the first one succeeded.
//
// The key is claimed, the write is done and the reply is stored in ONE transaction, so no
// acknowledged write lacks its stored reply and no stored reply lacks its write. A concurrent
// request with the same key waits for that transaction, then gets the stored reply. Only
// successful writes are stored: a refused request (422, 409 ...) wrote nothing and may be sent
// again with the same key. Keys are per user and kept kIdempotencyKeyHours; the same key with
// another request (method, path or body) is refused with "idempotency_key_reused".
#pragma once

#include <functional>
#include <string>

#include "app/context.h"
#include "app/ports/idempotency.h"

namespace chibo::app {

inline constexpr int kIdempotencyKeyHours = 24;

struct IdempotentRequest {
  std::string key;          // the Idempotency-Key, as the client sent it
  std::string fingerprint;  // of the method, path and body (the adapter computes it)
};

struct KeyedReply {
  StoredReply reply;
  bool replayed = false;  // the stored reply of an earlier request with this key
};

// Runs `write` (the use case's work, which also renders its reply) in one write transaction,
// unless the actor used the key before: then the stored reply, or an error if that request
// differed. Actors without a user (the operator's commands) cannot use keys.
Result<KeyedReply> run_idempotent(Services& services, const Actor& actor,
                                  const IdempotentRequest& request,
                                  const std::function<Result<StoredReply>(Transaction&)>& write);

}  // namespace chibo::app
