// What every use case runs with: the store, the reference data, the rules and the clock
// (Services); who is acting (Actor); and, for one run, the transaction the runner opened
// (Context). A use case is one function `Result<T> name(Context& ctx, inputs...)`; the runner
// (app/runner.h) owns the transaction around it.
#pragma once

#include <string>
#include <vector>

#include "app/audit_entry.h"
#include "app/ports/clock.h"
#include "app/ports/store.h"
#include "domain/access/access.h"
#include "domain/calendar/working_calendar.h"
#include "domain/catalog/catalog.h"
#include "domain/rules/rule_set.h"

namespace chibo::app {

class MemberImportBoard;

struct Services {
  Store& store;
  const domain::Catalog& catalog;
  const domain::RuleSet& rules;
  Clock& clock;
  const domain::WorkingCalendar& calendar;  // working days for the rules' deadlines
  // Directives (issue 13): a fan-out of more assignments than this runs as a background job
  // (chibo serve --fanout-inline-max); so does opening a review campaign over more
  // organizations than this (issue 15, app/review_fanout.h).
  int64_t fanout_inline_max = 5000;
  // The live progress and cancel requests of the background members imports running in this
  // process (app/member_imports.h); null: none run here.
  MemberImportBoard* member_import_board = nullptr;
};

// The person or process behind a request: who (their grants decide what they may touch),
// through which session, from where. Recorded in history events and the audit trail.
struct Actor {
  domain::Principal principal;
  std::string name;          // the username, or "cli:<user>" for the operator's commands
  std::string session_hash;  // SHA-256 of the session token ("" for commands)
  std::string request_id;    // ties log lines, history events and audit events together
  std::string address;       // the client's address ("" for commands)

  // The local operator: unrestricted (command-line tools on the server itself).
  static Actor system(std::string name, std::string request_id = {});
};

// One run of a use case inside the transaction the runner opened. A write may run more than
// once (the store retries a transaction that failed before it committed), each time with a
// fresh Context: a use case starts from its inputs, never from what an earlier run left.
class Context {
 public:
  Context(Services& services_in, const Actor& actor_in, Transaction& tx_in, bool read_only = false)
      : services(services_in), actor(actor_in), tx(tx_in), read_only_(read_only) {}

  Services& services;
  const Actor& actor;
  Transaction& tx;

  Date today() const { return services.clock.today(); }
  std::string now() const { return services.clock.now_utc(); }

  // Appends to the audit trail in this transaction: it is committed with the change or not
  // at all. In a read-only transaction (a restricted record read, an export), the runner
  // appends it in a write transaction right after, and the reader gets the data only once
  // that has committed.
  void audit(const AuditEntry& entry);
  std::vector<AuditEntry> take_deferred_audit() { return std::move(deferred_audit_); }

  // A refusal whose writes must stay: a failed login's attempt (it counts towards throttling)
  // and its audit entry. The runner commits what was written, then returns `error`.
  Error keep_writes(Error error) {
    keep_writes_ = true;
    return error;
  }
  bool keeps_writes() const { return keep_writes_; }

 private:
  bool read_only_ = false;
  bool keep_writes_ = false;
  std::vector<AuditEntry> deferred_audit_;
};

// Appends entries to the trail in `ctx`'s transaction (the runner's deferred read audits).
void append_audit(Context& ctx, const std::vector<AuditEntry>& entries);

}  // namespace chibo::app
