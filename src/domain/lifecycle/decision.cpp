#include "domain/lifecycle/decision.h"

#include "domain/catalog/catalog.h"

namespace chibo::domain {

bool vote_passes(const Vote& vote, const RuleParameter& share) {
  const int64_t numerator = share.values.size() >= 2 ? share.values[0] : share.value;
  const int64_t denominator = share.values.size() >= 2 ? share.values[1] : 1;
  return int64_t{vote.in_favour} * denominator >= numerator * int64_t{vote.entitled};
}

FieldError rule_error(std::string field, std::string code, const RuleParameter& rule,
                      Params extra) {
  Params params = {
      {"rule", rule.key}, {"value", std::to_string(rule.value)}, {"source", rule.source}};
  for (auto& entry : extra) params.push_back(std::move(entry));
  return {std::move(field), std::move(code), std::move(params)};
}

const RuleParameter* rule_on(const RuleSet& rules, const std::string& key, Date on,
                             const std::string& field, std::vector<FieldError>& errors) {
  const RuleParameter* rule = rules.in_force(key, on);
  if (!rule) errors.push_back({field, "rule_not_in_force", {{"rule", key}, {"date", on.iso()}}});
  return rule;
}

void check_vote(const Vote& vote, const RuleParameter* share, const std::string& field,
                std::vector<FieldError>& errors) {
  if (vote.entitled < 1) {
    errors.push_back({field + ".entitled", "out_of_range", {{"min", "1"}}});
    return;
  }
  if (vote.in_favour < 0 || vote.against < 0) {
    errors.push_back(
        {field + (vote.in_favour < 0 ? ".in_favour" : ".against"), "out_of_range", {{"min", "0"}}});
    return;
  }
  if (vote.in_favour + vote.against > vote.entitled) {
    errors.push_back({field + ".in_favour",
                      "votes_exceed_entitled",
                      {{"entitled", std::to_string(vote.entitled)}}});
    return;
  }
  if (share && !vote_passes(vote, *share)) {
    const int64_t numerator = share->values.size() >= 2 ? share->values[0] : share->value;
    const int64_t denominator = share->values.size() >= 2 ? share->values[1] : 1;
    errors.push_back(
        rule_error(field + ".in_favour", "vote_short", *share,
                   {{"share", std::to_string(numerator) + "/" + std::to_string(denominator)}}));
  }
}

void check_step_date(const std::string& field, Date on, Date today,
                     std::vector<FieldError>& errors) {
  if (on > today) errors.push_back({field, "date_in_future", {}});
}

bool on_roll(const Member& member) {
  return member.status == status::kOfficial || member.status == status::kProbationary ||
         member.status == status::kExempted;
}

}  // namespace chibo::domain
