#include "storage/sql/engine/connection_pool.h"

#include <spdlog/spdlog.h>

#include "storage/sql/engine/retry_policy.h"

namespace chibo::storage {

namespace {

Error unavailable(long long retry_after) {
  Error error = Error::unavailable("database_unavailable");
  error.params = {{"retry_after", std::to_string(retry_after)}};
  return error;
}

}  // namespace

ConnectionPool::ConnectionPool(Connect connect, PoolOptions options)
    : connect_(std::move(connect)), options_(options) {}

std::chrono::steady_clock::time_point ConnectionPool::now() const {
  return options_.now ? options_.now() : std::chrono::steady_clock::now();
}

std::chrono::milliseconds ConnectionPool::next_delay() {
  const double unit = options_.jitter ? options_.jitter()
                                      : std::uniform_real_distribution<double>(0.0, 1.0)(random_);
  return backoff_delay(failures_, options_.backoff_base, options_.backoff_cap, unit);
}

Result<ConnectionPool::Lease> ConnectionPool::acquire() {
  using Clock = std::chrono::steady_clock;
  std::unique_lock lock(mutex_);
  // Waiting for a busy connection is real time: a condition variable cannot wait on a fake one.
  const auto deadline = Clock::now() + options_.acquire_timeout;
  for (;;) {
    // Idle connections from before the last breakage are closed, not handed out.
    while (!idle_.empty() && idle_.back().epoch != epoch_) {
      idle_.pop_back();
      --open_;
    }
    if (!idle_.empty()) {
      Lease lease = std::move(idle_.back());
      idle_.pop_back();
      return lease;
    }
    if (open_ < options_.size) break;
    if (available_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= options_.size) {
      spdlog::warn("all {} database connections stayed busy for {} ms", options_.size,
                   options_.acquire_timeout.count());
      return unavailable(1);
    }
  }
  const auto at = now();
  if (failures_ > 0 && (at < retry_at_ || probing_)) {
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(retry_at_ - at);
    return unavailable(retry_after_seconds(std::max(wait, std::chrono::milliseconds(0))));
  }
  ++open_;
  probing_ = failures_ > 0;
  const uint64_t epoch = epoch_;
  lock.unlock();
  try {
    std::unique_ptr<soci::session> session = connect_();
    lock.lock();
    if (failures_ > 0)
      spdlog::info("database reachable again after {} failed attempt(s)", failures_);
    failures_ = 0;
    probing_ = false;
    return Lease{std::move(session), epoch};
  } catch (const soci::soci_error& error) {
    lock.lock();
    --open_;
    probing_ = false;
    ++failures_;
    const std::chrono::milliseconds delay = next_delay();
    retry_at_ = now() + delay;
    spdlog::warn("cannot connect to the database (attempt {}; next in {} ms): {}", failures_,
                 delay.count(), error.what());
    available_.notify_one();
    return unavailable(retry_after_seconds(delay));
  }
}

void ConnectionPool::release(Lease lease, bool broken) {
  std::lock_guard lock(mutex_);
  if (broken || !lease.session) {
    --open_;
    if (lease.epoch == epoch_) ++epoch_;  // its idle siblings are probably dead too
  } else if (lease.epoch != epoch_) {
    --open_;  // opened before a breakage: do not keep it
  } else {
    idle_.push_back(std::move(lease));
  }
  available_.notify_one();
}

void ConnectionPool::adopt(std::unique_ptr<soci::session> session) {
  std::lock_guard lock(mutex_);
  ++open_;
  idle_.push_back(Lease{std::move(session), epoch_});
  available_.notify_one();
}

ConnectionPool::Stats ConnectionPool::stats() const {
  std::lock_guard lock(mutex_);
  return {open_, static_cast<int>(idle_.size()), failures_};
}

}  // namespace chibo::storage
