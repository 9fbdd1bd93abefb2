#include "domain/audit/audit_event.h"

#include "security/hashing.h"

namespace chibo::domain {

namespace {

void field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out.push_back(':');
  out += value;
}

}  // namespace

std::string canonical_event(const AuditEvent& event) {
  std::string out;
  out.reserve(256 + event.details.size());
  for (const std::string& value :
       {std::to_string(event.seq), event.at, std::to_string(event.actor_id), event.actor,
        event.session_hash, event.request_id, event.address, event.action, event.object_type,
        event.object_id, event.object_path, event.record_class, event.outcome, event.details,
        event.prev_hash}) {
    field(out, value);
  }
  return out;
}

std::string chain_hash(const AuditEvent& event) {
  return security::sha256_hex(event.prev_hash + canonical_event(event));
}

std::optional<int64_t> first_broken(const std::vector<AuditEvent>& events, int64_t start_seq,
                                    const std::string& start_hash) {
  int64_t expected_seq = start_seq + 1;
  std::string previous = start_hash;
  for (const AuditEvent& event : events) {
    if (event.seq != expected_seq || event.prev_hash != previous ||
        chain_hash(event) != event.hash) {
      return event.seq != expected_seq ? expected_seq : event.seq;
    }
    previous = event.hash;
    ++expected_seq;
  }
  return std::nullopt;
}

std::string hashed_value(const std::string& value) {
  if (value.empty()) return value;
  return "sha256:" + security::sha256_hex(value);
}

}  // namespace chibo::domain
