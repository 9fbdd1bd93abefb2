// An entry of the audit trail as use cases write it: named fields and typed details, turned
// into the stored event (domain/audit/audit_event.h) in one place (Context::audit).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/lifecycle/decision.h"
#include "domain/members/member.h"

namespace chibo::app {

struct AuditEntry {
  std::string action;       // "<object type>.<verb>": "member.update", "auth.login" ...
  std::string object_type;  // "member", "organization", "user", "session", "export" ...
  std::string object_id;
  std::string object_path;  // the organization path it belongs to: who may read the entry
  bool restricted = false;  // the record class: a restricted record was read or changed
  bool refused = false;     // the outcome: a refused attempt (a wrong password ...)
  nlohmann::json details = nlohmann::json::object();

  // An entry about a member, an organization, or an object by type and numeric id.
  static AuditEntry about_member(std::string action, const domain::Member& member);
  static AuditEntry about(std::string action, std::string object_type, int64_t id,
                          std::string path = {});

  // Field changes as {"field": [before, after]}, with personal identifiers, contact details
  // and restricted values replaced by their SHA-256.
  AuditEntry& with_changes(const std::vector<domain::FieldChange>& changes);
  // The deciding document and the day it takes effect.
  AuditEntry& with_document(const domain::Document& document, Date effective_on);
  AuditEntry& with(const std::string& key, nlohmann::json value) {
    details[key] = std::move(value);
    return *this;
  }
};

// The changes as the trail records them (see with_changes).
nlohmann::json audit_changes(const std::vector<domain::FieldChange>& changes);
// A document's number, issuer and date as the trail records them.
nlohmann::json audit_document(const domain::Document& document, Date on);

}  // namespace chibo::app
