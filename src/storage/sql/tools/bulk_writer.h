// Loading whole trees and member lists fast (demo data; legacy registers; member imports).
// Run inside one write transaction. SQLite: rows go through reused prepared statements.
// PostgreSQL: rows are spooled to temporary files in COPY's text format (one COPY at a time can
// run on a connection, and organizations and members arrive interleaved) and loaded by COPY in
// finish().
//
// Two modes:
// - kLoad (demo, an empty database): the caller assigns ids and paths; indexes and constraints
//   are built once after the load (as pg_restore does) and the derived tables (subtree counts,
//   kept breakdowns, search key bounds) rebuilt from scratch in finish().
// - kAppend (an import of new members into a live database): the writer assigns member ids
//   (next_member_id), indexes stay in place (the import's duplicate checks read them; on SQLite,
//   once the added members are half as many as those there were, the secondary indexes of the
//   three tables are dropped and built again in finish(), the UNIQUE ones staying), and the
//   derived tables get the added members' counts, breakdowns and bounds once, gathered in memory,
//   in finish(): the same end state as the members inserted one by one. On SQLite the rows are
//   written inside a savepoint that discard() rolls back (a refused import leaves nothing); on
//   PostgreSQL nothing is written before finish().
#pragma once

#include <soci/soci.h>

#include <memory>
#include <string>
#include <vector>

#include "domain/members/member.h"
#include "domain/org/organization.h"
#include "storage/sql/derived/member_stats.h"
#include "storage/sql/engine/dialect.h"
#include "storage/sql/tools/deferred_indexes.h"

namespace chibo::storage {

class BulkWriter {
 public:
  // On SQLite the secondary indexes of the loaded tables are dropped here and built again in
  // finish(): sorting once is many times faster than inserting in random key order.
  enum class Mode { kLoad, kAppend };
  BulkWriter(soci::session& session, Engine engine, Mode mode = Mode::kLoad,
             long long stats_threshold = kDefaultStatsThreshold);
  // kAppend: an unfinished writer discards its rows (SQLite), swallowing errors.
  ~BulkWriter();

  void add_org(const domain::Organization& org);
  // The member row, its search keys and one history event (`action` by `actor`; `changes` its
  // field list as JSON, "[]" when the row itself is the snapshot).
  void add_member(const domain::Member& member, const std::string& actor, const std::string& action,
                  const std::string& changes = "[]");
  // kAppend: the id for the next new member (SQLite: after the highest; PostgreSQL: from the
  // members' id sequence, taken in blocks).
  MemberId next_member_id();
  // Members added so far.
  long long members_added() const { return members_added_; }
  // A badge awarded to a loaded member (the member row carries highest_badge already).
  void add_award(MemberId member, int milestone, Date occasion, Date decided_on,
                 const std::string& number, const std::string& authority, const std::string& actor,
                 const std::string& now);
  // kLoad: rebuilds org_member_counts and, on PostgreSQL, loads the spooled rows and moves id
  // sequences past the loaded ids. kAppend: loads the spooled rows (PostgreSQL), adds the new
  // members to the derived tables, and keeps the rows (SQLite: releases the savepoint).
  void finish();
  // kAppend: drops every row added (SQLite: rolls back to the savepoint). The writer is done.
  void discard();
  soci::session& session() { return session_; }
  Engine engine() const { return engine_; }

 private:
  struct Statements;
  struct Spool;
  struct Derived;
  void finish_postgres();
  void load_spool(const std::vector<int>& tables);
  soci::session& session_;
  Engine engine_;
  Mode mode_;
  bool done_ = false;
  long long members_added_ = 0;
  long long next_id_ = 0;                // kAppend on SQLite: the next member id
  long long existing_ = 0;               // kAppend on SQLite: members before (the highest id)
  std::vector<long long> reserved_ids_;  // kAppend on PostgreSQL: a block from the sequence
  size_t reserved_used_ = 0;
  std::unique_ptr<Derived> derived_;        // kAppend: counts, breakdowns, bounds of the added rows
  std::unique_ptr<Statements> statements_;  // SQLite
  std::unique_ptr<Spool> spool_;            // PostgreSQL
  std::unique_ptr<DeferredIndexes> deferred_;  // SQLite: built again at finish()
};

// True when the database holds no organization yet.
bool database_is_empty(soci::session& session);

}  // namespace chibo::storage
