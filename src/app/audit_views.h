// Reading and checking the audit trail: the administrators' viewer (events about what they
// may see, newest first) and the chain verification behind `chibo audit verify`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/ports/accounts.h"
#include "domain/audit/checkpoint.h"

namespace chibo::app {

struct AuditQuery {
  std::optional<int64_t> actor_id;
  std::string object_type;
  std::string object_id;
  std::string action;
  std::string from;  // instants or dates (a date "to" means the end of that day)
  std::string to;
  int64_t before = 0;  // seq: older than this
  int limit = 100;
};

struct AuditPage {
  std::vector<domain::AuditEvent> items;
  int64_t next_before = 0;  // 0: no older events
};

Result<AuditPage> list_audit(Context& ctx, const AuditQuery& query);

struct AuditVerification {
  bool ok = true;
  int64_t events = 0;        // how many were checked
  int64_t first_broken = 0;  // seq of the first event that does not chain (0: none)
  std::string problem;       // "chain", "head" (events missing from the end), "checkpoint"
  int64_t head_seq = 0;
  std::string head_hash;
};

// Recomputes the whole chain in batches; with a checkpoint, also checks that event
// checkpoint.seq still has the checkpoint's hash and that the checkpoint is validly signed.
Result<AuditVerification> verify_audit(
    Context& ctx, const std::optional<domain::AuditCheckpoint>& checkpoint = std::nullopt);

// A signed statement of the chain's current head (`chibo audit checkpoint`); `secret_key` is a
// raw Ed25519 secret key.
Result<domain::AuditCheckpoint> checkpoint_audit(Context& ctx, const std::string& secret_key);

// For administrators reaching everything (the chain spans all organizations).
Result<AuditVerification> verify_audit_as(Context& ctx);

}  // namespace chibo::app
