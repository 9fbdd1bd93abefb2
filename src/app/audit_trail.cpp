#include "app/audit_trail.h"

#include <nlohmann/json.hpp>
#include <set>

#include "domain/audit/audit_event.h"

namespace chibo::app {

namespace {

// Values the trail records only as hashes: identifiers and contact details (personal data)
// and the restricted record classes.
bool sensitive(const std::string& field) {
  static const std::set<std::string> fields = {
      "citizen_id",        "party_card_no", "phone",    "email",      "permanent_residence",
      "current_residence", "discipline",    "password", "totp_secret"};
  return fields.count(field) > 0;
}

}  // namespace

void audit(Transaction& tx, Services& services, const Actor& actor, AuditEntry entry) {
  domain::AuditEvent event;
  event.at = services.clock.now_utc();
  event.actor_id = actor.principal.user_id;
  event.actor = actor.name;
  event.session_hash = actor.session_hash;
  event.request_id = actor.request_id;
  event.address = actor.address;
  event.action = std::move(entry.action);
  event.object_type = std::move(entry.object_type);
  event.object_id = std::move(entry.object_id);
  event.object_path = std::move(entry.object_path);
  event.record_class = entry.restricted ? "restricted" : "ordinary";
  event.outcome = std::move(entry.outcome);
  event.details = std::move(entry.details);
  tx.audit().append(event);
}

std::string audit_changes(const std::vector<domain::FieldChange>& changes) {
  nlohmann::json details = nlohmann::json::object();
  for (const domain::FieldChange& change : changes) {
    if (sensitive(change.field)) {
      details[change.field] = {domain::hashed_value(change.before),
                               domain::hashed_value(change.after)};
    } else {
      details[change.field] = {change.before, change.after};
    }
  }
  return details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace chibo::app
