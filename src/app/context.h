// What every use case runs with: the store, the reference data, the rules and the clock,
// and who is acting.
#pragma once

#include <string>

#include "app/ports/clock.h"
#include "app/ports/store.h"
#include "domain/catalog/catalog.h"
#include "domain/rules/rule_set.h"

namespace chibo::app {

struct Services {
  Store& store;
  const domain::Catalog& catalog;
  const domain::RuleSet& rules;
  Clock& clock;
};

// The person or process behind a request; recorded in every history event.
struct Actor {
  std::string name;        // "http:127.0.0.1" until accounts exist, "cli:root" for commands
  std::string request_id;  // ties log lines and events together
};

}  // namespace chibo::app
