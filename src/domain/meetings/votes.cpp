#include "domain/meetings/votes.h"

namespace chibo::domain::meetings {

void check_vote_count(const VoteCount& vote, const std::string& field,
                      std::vector<FieldError>& errors) {
  if (vote.in_favour < 0) errors.push_back({field + ".in_favour", "out_of_range", {{"min", "0"}}});
  if (vote.against < 0) errors.push_back({field + ".against", "out_of_range", {{"min", "0"}}});
  if (vote.abstain < 0) errors.push_back({field + ".abstain", "out_of_range", {{"min", "0"}}});
  if (int64_t{vote.in_favour} + vote.against + vote.abstain > vote.entitled) {
    errors.push_back({field + ".in_favour",
                      "votes_exceed_entitled",
                      {{"entitled", std::to_string(vote.entitled)}}});
  }
}

bool resolution_passes(const VoteCount& vote, const RuleParameter& share) {
  const int64_t numerator = share.values.size() >= 2 ? share.values[0] : share.value;
  const int64_t denominator = share.values.size() >= 2 ? share.values[1] : 1;
  if (vote.entitled <= 0) return false;
  return int64_t{vote.in_favour} * denominator > numerator * int64_t{vote.entitled};
}

}  // namespace chibo::domain::meetings
