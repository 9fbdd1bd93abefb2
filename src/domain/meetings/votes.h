// A vote on a resolution at a cell meeting: for, against, abstain, counted against every member
// entitled to vote (official members who are counted at the meeting), not only those present. It
// passes with more than meetings.resolution_vote_share of the entitled ("quá nửa").
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "domain/meetings/meeting_rules.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::meetings {

struct VoteCount {
  int in_favour = 0;
  int against = 0;
  int abstain = 0;
  int entitled = 0;
};

// Consistency: no negative count, for + against + abstain <= entitled. `field` prefixes
// the field names ("votes[0]").
void check_vote_count(const VoteCount& vote, const std::string& field,
                      std::vector<FieldError>& errors);

// More than the share (numerator/denominator) of the entitled voted in favour.
bool resolution_passes(const VoteCount& vote, const RuleParameter& share);

}  // namespace chibo::domain::meetings
