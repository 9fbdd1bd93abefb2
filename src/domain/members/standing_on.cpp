#include "domain/members/standing_on.h"

#include <algorithm>

namespace chibo::domain {

namespace {

bool on_roll_status(const std::string& status) {
  return status == "probationary" || status == "official" || status == "exempted";
}

}  // namespace

std::optional<StandingOn> standing_on(const MemberFacts& facts, Date on) {
  if (!facts.admission_date || *facts.admission_date > on) return std::nullopt;
  // Unwind the moves after `on`, newest first, from where the member stands today.
  std::vector<DatedMove> moves;
  for (const DatedMove& move : facts.moves)
    if (move.on > on) moves.push_back(move);
  std::sort(moves.begin(), moves.end(), [](const DatedMove& a, const DatedMove& b) {
    return a.on != b.on ? a.on > b.on : a.id > b.id;
  });
  int64_t org = facts.org;
  std::string status = facts.status;
  bool inside = true;
  for (const DatedMove& move : moves) {
    switch (move.direction) {
      case DatedMove::Direction::kInternal:
        org = move.from_org;
        inside = true;
        break;
      case DatedMove::Direction::kOutgoing:
        // Before the letter: on the roll where they left from.
        org = move.from_org;
        status = move.standing.empty() ? std::string("official") : move.standing;
        inside = true;
        break;
      case DatedMove::Direction::kIncoming:
        // Before the arrival: outside the tree (or off the roll after an earlier move out,
        // which an older outgoing move would then unwind).
        inside = false;
        status = "transferred_out";
        break;
    }
  }
  if (!inside) return std::nullopt;
  // Off the roll now and no move unwound it (an unwound move leaves an on-roll status): off
  // the roll on `on` unless the exit came after it.
  if (!on_roll_status(status)) {
    if (!facts.exit_date || !(on < *facts.exit_date)) return std::nullopt;
  }
  StandingOn standing;
  standing.org = org;
  standing.status = facts.official_date && *facts.official_date <= on ? "official" : "probationary";
  // Exempted only by a dated fact.
  const DatedExemption* last = nullptr;
  for (const DatedExemption& exemption : facts.exemptions) {
    if (exemption.on <= on && (!last || exemption.on >= last->on)) last = &exemption;
  }
  if (last && last->starts) {
    standing.status = "exempted";
  } else if (!last && facts.status == "exempted" && facts.exemptions.empty()) {
    standing.undated_exemption = true;
  }
  return standing;
}

}  // namespace chibo::domain
