#include "app/fanout_steps.h"

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

namespace chibo::app {

std::string fanout_job_key(const std::string& kind, int64_t id) {
  return kind + ":" + std::to_string(id);
}

std::string fanout_step_key(const std::string& kind, int64_t id, int64_t batch) {
  return fanout_job_key(kind, id) + ":" + std::to_string(batch);
}

std::optional<int64_t> fanout_payload_id(const std::string& payload, const std::string& field) {
  const nlohmann::json parsed = nlohmann::json::parse(payload, nullptr, false);
  if (!parsed.is_object() || !parsed.contains(field) || !parsed[field].is_number_integer())
    return std::nullopt;
  return parsed[field].get<int64_t>();
}

void schedule_fanout(Context& ctx, const std::string& kind, const std::string& field, int64_t id) {
  const nlohmann::json payload = {{field, id}};
  ctx.tx.jobs().schedule(kind, fanout_job_key(kind, id), payload.dump(), ctx.now(), ctx.now());
}

Status mark_fanout_batch(Context& ctx, const JobRow& job, const std::string& kind, int64_t id,
                         int64_t batch) {
  if (!ctx.tx.jobs().mark_step(fanout_step_key(kind, id, batch), job.id, ctx.now()))
    return Error::conflict("job_lease_lost");
  return Ok();
}

void pace_fanout_step(const FanoutKindOptions& options) {
  if (options.step_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options.step_ms));
}

}  // namespace chibo::app
