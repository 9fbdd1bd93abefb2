// Appending to the audit trail from the use cases, in their own transaction: the event is
// written with the change or not at all.
#pragma once

#include <string>
#include <vector>

#include "app/context.h"

namespace chibo::app {

struct AuditEntry {
  std::string action;       // "member.update" ...
  std::string object_type;  // "member", "organization", "user", "session", "export"
  std::string object_id;
  std::string object_path;
  bool restricted = false;  // the record class
  std::string outcome = "ok";
  std::string details = "{}";  // JSON text
};

void audit(Transaction& tx, Services& services, const Actor& actor, AuditEntry entry);

// {"field": ["before", "after"], ...}, with sensitive values (CCCD, card, phone, email,
// addresses, discipline) replaced by their hashes.
std::string audit_changes(const std::vector<domain::FieldChange>& changes);

}  // namespace chibo::app
