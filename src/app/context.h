// What every use case runs with: the store, the reference data, the rules and the clock,
// and who is acting.
#pragma once

#include <string>

#include "app/ports/clock.h"
#include "app/ports/store.h"
#include "domain/access/access.h"
#include "domain/calendar/working_calendar.h"
#include "domain/catalog/catalog.h"
#include "domain/rules/rule_set.h"

namespace chibo::app {

struct Services {
  Store& store;
  const domain::Catalog& catalog;
  const domain::RuleSet& rules;
  Clock& clock;
  const domain::WorkingCalendar& calendar;  // working days for the rules' deadlines
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

}  // namespace chibo::app
