// The one way a use case runs. The runner opens the transaction, gives the use case a Context
// over it, commits when the use case returns a value and rolls back when it returns an error
// (unless it kept its writes: Context::keep_writes). The store runs the work again when a
// transaction fails before it commits (a lost connection, a serialization failure), each time
// with a fresh Context. A request carrying an Idempotency-Key also claims the key and stores
// its reply in that same transaction (run_keyed).
//
//   Result<Member> record_exit(Context& ctx, MemberId id, int64_t version, ExitRequest exit);
//   Result<Member> done = run_write(services, actor, record_exit, id, version, exit);
#pragma once

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

#include "app/context.h"
#include "app/ports/idempotency.h"

namespace chibo::app {

// The result type of `use_case(ctx, args...)`.
template <class UseCase, class... Args>
using UseCaseResult = std::invoke_result_t<UseCase&, Context&, Args&...>;

namespace detail {

template <class UseCase, class... Args>
UseCaseResult<UseCase, Args...> run(Services& services, const Actor& actor, bool write,
                                    UseCase& use_case, Args&... args) {
  using Out = UseCaseResult<UseCase, Args...>;
  std::optional<Out> result;
  std::vector<AuditEntry> deferred;
  auto attempt = [&](Transaction& tx) -> Status {
    Context ctx(services, actor, tx, !write);
    result.emplace(std::invoke(use_case, ctx, args...));
    deferred = ctx.take_deferred_audit();
    if (*result || ctx.keeps_writes()) return Ok();
    return result->error();
  };
  Status status = write ? services.store.write(attempt) : services.store.read(attempt);
  if (!status) return std::move(status).error();
  if (*result && !deferred.empty()) {
    Status audited = services.store.write([&](Transaction& tx) -> Status {
      Context ctx(services, actor, tx);
      append_audit(ctx, deferred);
      return Ok();
    });
    if (!audited) return std::move(audited).error();
  }
  return std::move(*result);
}

}  // namespace detail

// Runs `use_case(ctx, args...)` in a read-only transaction. Arguments are passed as lvalues
// and must not be consumed: a retried attempt sees them as they were.
template <class UseCase, class... Args>
UseCaseResult<UseCase, Args...> run_read(Services& services, const Actor& actor, UseCase&& use_case,
                                         Args&&... args) {
  return detail::run(services, actor, false, use_case, args...);
}

// Runs `use_case(ctx, args...)` in a write transaction.
template <class UseCase, class... Args>
UseCaseResult<UseCase, Args...> run_write(Services& services, const Actor& actor,
                                          UseCase&& use_case, Args&&... args) {
  return detail::run(services, actor, true, use_case, args...);
}

// A creating request with an Idempotency-Key (draft-ietf-httpapi-idempotency-key-header): a
// client that lost the reply sends the request again with the same key and gets the first
// reply, without a second write. The key is claimed, the work done and its reply stored in
// ONE transaction; a concurrent request with the same key waits for it, then gets the stored
// reply. Only successful writes are stored: a refused request wrote nothing and may come again
// with the same key. Keys are per user, kept kIdempotencyKeyHours; the same key with another
// request (method, path or body) is refused ("idempotency_key_reused").
inline constexpr int kIdempotencyKeyHours = 24;

struct IdempotentRequest {
  std::string key;          // the Idempotency-Key, as the client sent it
  std::string fingerprint;  // of the method, path and body (the adapter computes it)
};

struct KeyedReply {
  StoredReply reply;
  bool replayed = false;  // the stored reply of an earlier request with this key
};

// `work` runs the use case and renders its reply. Actors without a user (the operator's
// commands) cannot use keys.
Result<KeyedReply> run_keyed(Services& services, const Actor& actor,
                             const IdempotentRequest& request,
                             const std::function<Result<StoredReply>(Context&)>& work);

}  // namespace chibo::app
