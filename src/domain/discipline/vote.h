// The vote on a discipline (rules-reference §8; Charter Art. 38): for, against, abstain,
// counted against ALL members entitled to vote, not only those present. Reprimand and warning
// pass with more than discipline.vote_share_reprimand (1/2) of the entitled; dismissal,
// expulsion and dissolution with more than discipline.vote_share_expulsion (2/3). Integers
// only: for * d > entitled * n.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/discipline/sanction.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::discipline {

struct VoteCount {
  int in_favour = 0;
  int against = 0;
  int abstain = 0;
  int entitled = 0;
};

// Consistency: no negative count, at least one entitled, for + against + abstain <= entitled.
// Field names: "vote.in_favour", "vote.against", "vote.abstain", "vote.entitled".
void check_vote(const VoteCount& vote, std::vector<FieldError>& errors);

struct VoteAnswer {
  bool passes = false;
  int needed = 0;  // the fewest votes in favour that pass with this many entitled
  int64_t numerator = 0;
  int64_t denominator = 0;
  AppliedRule rule;
};

// nullopt when the sanction's share is not in force on `on` (the vote's date).
std::optional<VoteAnswer> vote_outcome(const VoteCount& vote, Sanction sanction, Date on,
                                       const RuleSet& rules);

}  // namespace chibo::domain::discipline
