#include <atomic>

#include "app/runner.h"
#include "core/instant.h"

namespace chibo::app {

namespace {

constexpr int64_t kKeptMillis = int64_t{kIdempotencyKeyHours} * 3600 * 1000;
constexpr int64_t kPurgeEveryMillis = 10 * 60 * 1000;

// Expired keys are deleted at most every ten minutes per process, inside a keyed write: no
// timer thread, and the table stays the size of a day's keyed requests.
std::atomic<int64_t> next_purge_at{0};

}  // namespace

Result<KeyedReply> run_keyed(Services& services, const Actor& actor,
                             const IdempotentRequest& request,
                             const std::function<Result<StoredReply>(Context&)>& work) {
  const int64_t user_id = actor.principal.user_id;
  if (user_id <= 0) return Error::invalid_field("Idempotency-Key", "idempotency_key_no_user");
  KeyedReply result;
  Status status = services.store.write([&](Transaction& tx) -> Status {
    result = KeyedReply();  // a retried attempt starts afresh
    const std::string now = services.clock.now_utc();
    const std::string expired_before = shift_instant(now, -kKeptMillis);
    const int64_t now_millis = parse_instant(now).value_or(0);
    int64_t due = next_purge_at.load();
    if (now_millis >= due &&
        next_purge_at.compare_exchange_strong(due, now_millis + kPurgeEveryMillis))
      tx.idempotency().purge(expired_before);
    if (!tx.idempotency().claim(user_id, request.key, request.fingerprint, now, expired_before)) {
      std::optional<IdempotencyRecord> first = tx.idempotency().find(user_id, request.key);
      if (!first) return Error::unavailable("database_busy");  // purged meanwhile: resend
      if (first->fingerprint != request.fingerprint) {
        // 422, as the Idempotency-Key draft asks: the key names another request.
        Error reused = Error::invalid_field("Idempotency-Key", "idempotency_key_reused");
        reused.reason = "idempotency_key_reused";
        return reused;
      }
      result.reply = std::move(first->reply);
      result.replayed = true;
      return Ok();
    }
    Context ctx(services, actor, tx);
    Result<StoredReply> reply = work(ctx);
    if (!reply) return std::move(reply).error();
    tx.idempotency().save_reply(user_id, request.key, *reply);
    result.reply = std::move(*reply);
    return Ok();
  });
  if (!status) return std::move(status).error();
  return result;
}

}  // namespace chibo::app
