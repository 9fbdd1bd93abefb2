// A bulk load's indexes built once after it, as pg_restore does: the secondary indexes (and on
// PostgreSQL the unique and foreign-key constraints, but not the primary keys, which the rows
// arrive in the order of) of some tables are dropped before the load and created again after it.
// One sort per index instead of a B-tree kept in random order, one join per foreign key instead
// of a lookup per row. Inside the caller's transaction: a failed load rolls the drops back too.
#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "storage/sql/engine/dialect.h"

namespace chibo::storage {

class DeferredIndexes {
 public:
  // Drops them. The tables must not be read through those indexes until restore().
  DeferredIndexes(soci::session& session, Engine engine, const std::vector<std::string>& tables);
  // Creates them again (constraints are checked here, over the whole load).
  void restore();

 private:
  struct Constraint {
    std::string table, name, definition;
  };
  soci::session& session_;
  std::vector<std::string> indexes_;  // CREATE INDEX statements
  std::vector<Constraint> constraints_;
};

}  // namespace chibo::storage
