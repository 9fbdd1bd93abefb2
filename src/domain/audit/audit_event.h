// The audit trail's events and their hash chain. Every write (and every read of a restricted
// record, and every export) becomes one event; event n's hash is
// SHA-256(hash(n-1) || canonical(n)), so changing, removing or reordering any event breaks
// every hash after it (security/reference.md §5). The tail can only be checked against a
// signed checkpoint kept elsewhere (`chibo audit checkpoint`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace chibo::domain {

struct AuditEvent {
  int64_t seq = 0;       // 1, 2, 3 ... without gaps
  std::string at;        // UTC instant
  int64_t actor_id = 0;  // user id; 0 for the system (command line) or an anonymous attempt
  std::string actor;     // username, "cli:<user>", or the name tried at a failed login
  std::string session_hash;
  std::string request_id;
  std::string address;
  std::string action;       // "member.update", "org.move", "auth.login", "member.export" ...
  std::string object_type;  // "member", "organization", "user", "session", "export"
  std::string object_id;
  std::string object_path;   // the organization path the object belongs to
  std::string record_class;  // "ordinary" or "restricted"
  std::string outcome;       // "ok", "refused", "failed"
  std::string details;       // JSON text: changed fields (sensitive values hashed), counts ...
  std::string prev_hash;
  std::string hash;
};

inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The event's fields (all but `hash`) in one unambiguous string: each field's length, a colon,
// then the field, in a fixed order.
std::string canonical_event(const AuditEvent& event);

// SHA-256 hex of prev_hash followed by the canonical event.
std::string chain_hash(const AuditEvent& event);

// Recomputes the chain over `events` (in seq order, starting after `start_hash`); returns the
// seq of the first event whose seq, prev_hash or hash is wrong, or nullopt when all hold.
std::optional<int64_t> first_broken(const std::vector<AuditEvent>& events, int64_t start_seq,
                                    const std::string& start_hash);

// "sha256:<hex>" of a sensitive value, so the trail shows that it changed without showing it.
std::string hashed_value(const std::string& value);

}  // namespace chibo::domain
