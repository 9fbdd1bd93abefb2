#include "domain/discipline/vote.h"

namespace chibo::domain::discipline {

void check_vote(const VoteCount& vote, std::vector<FieldError>& errors) {
  const auto negative = [&](int value, const char* field) {
    if (value < 0) errors.push_back({field, "discipline_vote_negative", {}});
  };
  negative(vote.in_favour, "vote.in_favour");
  negative(vote.against, "vote.against");
  negative(vote.abstain, "vote.abstain");
  if (vote.entitled < 1) {
    errors.push_back({"vote.entitled", "discipline_vote_no_entitled", {}});
    return;
  }
  const int64_t cast = static_cast<int64_t>(vote.in_favour) + vote.against + vote.abstain;
  if (vote.in_favour >= 0 && vote.against >= 0 && vote.abstain >= 0 && cast > vote.entitled) {
    errors.push_back(
        {"vote.in_favour",
         "discipline_vote_above_entitled",
         {{"cast", std::to_string(cast)}, {"entitled", std::to_string(vote.entitled)}}});
  }
}

std::optional<VoteAnswer> vote_outcome(const VoteCount& vote, Sanction sanction, Date on,
                                       const RuleSet& rules) {
  const RuleParameter* share = rules.in_force(vote_share_key(sanction), on);
  if (!share) return std::nullopt;
  VoteAnswer answer;
  answer.numerator = share->values.size() >= 2 ? share->values[0] : share->value;
  answer.denominator = share->values.size() >= 2 ? share->values[1] : 1;
  answer.rule = AppliedRule{share->key, answer.numerator, share->source};
  // for * d > entitled * n; the fewest such `for` is entitled * n / d + 1 (integer division).
  answer.passes = static_cast<int64_t>(vote.in_favour) * answer.denominator >
                  static_cast<int64_t>(vote.entitled) * answer.numerator;
  answer.needed = static_cast<int>(
      static_cast<int64_t>(vote.entitled) * answer.numerator / answer.denominator + 1);
  return answer;
}

}  // namespace chibo::domain::discipline
