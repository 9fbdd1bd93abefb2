// A member's standing on a past date, from the dated facts the registry keeps (issue 16:
// statistics as of any date). What the facts allow is reconstructed exactly; what they do not
// is said here and shown by the callers (see StandingOn::undated_exemption).
//
// - On the roll on D: admitted on or before D, not exited on or before D, and inside the
//   committee's tree on D (an official transfer in from outside after D means outside on D; an
//   outgoing one after D means still on the roll on D, in the status it left with).
// - Status on D: probationary before official_date, official from it; exempted only when a
//   dated exemption event says so on D (the events "exemption" / "exemption_end" with their
//   effective day). A member exempted today without a dated start cannot be placed in time:
//   counted as official on past days and flagged (undated_exemption).
// - Organization on D: the current one unless an official transfer took effect after D; then
//   the transfer's origin, several transfers unwound newest first.
// - Not reconstructed: a readmitted member's former membership (the record keeps the new
//   admission only), moves and merges of organizations (the tree is today's), and cancelled
//   transfers (as if never started).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace chibo::domain {

// An official transfer that was not cancelled, with the day it took effect (started_on: the
// move for an internal one, the letter for an outgoing one, the arrival for an incoming one).
struct DatedMove {
  enum class Direction { kInternal, kOutgoing, kIncoming };
  Direction direction = Direction::kInternal;
  Date on;
  int64_t id = 0;        // the order of moves on the same day
  int64_t from_org = 0;  // internal, outgoing
  std::string standing;  // the status the member left with (outgoing)
};

// A dated exemption event: started (true) or ended (false) on `on`.
struct DatedExemption {
  Date on;
  bool starts = true;
};

struct MemberFacts {
  int64_t org = 0;     // the current organization
  std::string status;  // the current status
  std::optional<Date> admission_date;
  std::optional<Date> official_date;
  std::optional<Date> exit_date;
  std::vector<DatedMove> moves;            // any order
  std::vector<DatedExemption> exemptions;  // any order
};

struct StandingOn {
  int64_t org = 0;
  std::string status;  // probationary, official or exempted
  // Exempted today with no dated start: shown as official on D, and counted apart.
  bool undated_exemption = false;
};

// The member's standing on `on`, or nothing when they were not on the roll in the tree.
std::optional<StandingOn> standing_on(const MemberFacts& facts, Date on);

}  // namespace chibo::domain
