#include "app/audit_entry.h"

#include <set>

#include "app/context.h"
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

AuditEntry AuditEntry::about_member(std::string action, const domain::Member& member) {
  return about(std::move(action), "member", member.id.value, member.org_path.str());
}

AuditEntry AuditEntry::about(std::string action, std::string object_type, int64_t id,
                             std::string path) {
  AuditEntry entry;
  entry.action = std::move(action);
  entry.object_type = std::move(object_type);
  entry.object_id = id > 0 ? std::to_string(id) : std::string();
  entry.object_path = std::move(path);
  return entry;
}

AuditEntry& AuditEntry::with_changes(const std::vector<domain::FieldChange>& changes) {
  details["changes"] = audit_changes(changes);
  return *this;
}

AuditEntry& AuditEntry::with_document(const domain::Document& document, Date effective_on) {
  details["document"] = audit_document(document, effective_on);
  return *this;
}

nlohmann::json audit_changes(const std::vector<domain::FieldChange>& changes) {
  nlohmann::json recorded = nlohmann::json::object();
  for (const domain::FieldChange& change : changes) {
    if (sensitive(change.field)) {
      recorded[change.field] = {domain::hashed_value(change.before),
                                domain::hashed_value(change.after)};
    } else {
      recorded[change.field] = {change.before, change.after};
    }
  }
  return recorded;
}

nlohmann::json audit_document(const domain::Document& document, Date on) {
  nlohmann::json recorded = {{"on", on.iso()}};
  if (!document.number.empty()) recorded["number"] = document.number;
  if (!document.authority.empty()) recorded["authority"] = document.authority;
  return recorded;
}

void Context::audit(const AuditEntry& entry) {
  if (read_only_) {
    deferred_audit_.push_back(entry);
    return;
  }
  domain::AuditEvent event;
  event.at = services.clock.now_utc();
  event.actor_id = actor.principal.user_id;
  event.actor = actor.name;
  event.session_hash = actor.session_hash;
  event.request_id = actor.request_id;
  event.address = actor.address;
  event.action = entry.action;
  event.object_type = entry.object_type;
  event.object_id = entry.object_id;
  event.object_path = entry.object_path;
  event.record_class = entry.restricted ? "restricted" : "ordinary";
  event.outcome = entry.refused ? "refused" : "ok";
  event.details = entry.details.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  tx.audit().append(event);
}

void append_audit(Context& ctx, const std::vector<AuditEntry>& entries) {
  for (const AuditEntry& entry : entries) ctx.audit(entry);
}

}  // namespace chibo::app
