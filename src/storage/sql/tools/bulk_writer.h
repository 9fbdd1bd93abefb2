// Loading whole trees and member lists fast (demo data; legacy registers): the caller assigns
// ids and paths, and the subtree counts are rebuilt once at the end. Run inside one write
// transaction (SqlStore::write_session). SQLite: rows go through reused prepared statements.
// PostgreSQL: rows are spooled to temporary files in COPY's text format (one COPY at a time can
// run on a connection, and organizations and members arrive interleaved) and loaded by COPY in
// finish(), with indexes and constraints built once after the load (as pg_restore does).
#pragma once

#include <soci/soci.h>

#include <memory>
#include <string>
#include <vector>

#include "domain/members/member.h"
#include "domain/org/organization.h"
#include "storage/sql/engine/dialect.h"
#include "storage/sql/tools/deferred_indexes.h"

namespace chibo::storage {

class BulkWriter {
 public:
  // On SQLite the secondary indexes of the loaded tables are dropped here and built again in
  // finish(): sorting once is many times faster than inserting in random key order.
  BulkWriter(soci::session& session, Engine engine);
  ~BulkWriter();

  void add_org(const domain::Organization& org);
  // The member row, its search keys and one history event (`action` by `actor`, no field list:
  // the row itself is the snapshot).
  void add_member(const domain::Member& member, const std::string& actor,
                  const std::string& action);
  // A badge awarded to a loaded member (the member row carries highest_badge already).
  void add_award(MemberId member, int milestone, Date occasion, Date decided_on,
                 const std::string& number, const std::string& authority, const std::string& actor,
                 const std::string& now);
  // Rebuilds org_member_counts and, on PostgreSQL, loads the spooled rows and moves id
  // sequences past the loaded ids.
  void finish();
  soci::session& session() { return session_; }
  Engine engine() const { return engine_; }

 private:
  struct Statements;
  struct Spool;
  void finish_postgres();
  soci::session& session_;
  Engine engine_;
  std::unique_ptr<Statements> statements_;     // SQLite
  std::unique_ptr<Spool> spool_;               // PostgreSQL
  std::unique_ptr<DeferredIndexes> deferred_;  // SQLite: built again at finish()
};

// True when the database holds no organization yet.
bool database_is_empty(soci::session& session);

}  // namespace chibo::storage
