#include "domain/discipline/appeal.h"

#include <array>
#include <utility>

namespace chibo::domain::discipline {

// Named, not anonymous: the unity build joins this file with the others.
namespace appeal_bodies {

struct BodyRow {
  AppealBody body;
  std::string_view code;
  int rank;
};

constexpr std::array<BodyRow, 6> kBodies{{
    {AppealBody::kSuperiorCommittee, "superior_committee", 1},
    {AppealBody::kSuperiorInspection, "superior_inspection", 1},
    {AppealBody::kCentralInspection, "central_inspection", 2},
    {AppealBody::kSecretariat, "secretariat", 3},
    {AppealBody::kPolitburo, "politburo", 4},
    {AppealBody::kCentralCommittee, "central_committee", 5},
}};

const BodyRow& row_of(AppealBody body) {
  for (const BodyRow& row : kBodies)
    if (row.body == body) return row;
  return kBodies.front();
}

}  // namespace appeal_bodies

using namespace appeal_bodies;

std::optional<AppealBody> parse_appeal_body(std::string_view code) {
  for (const BodyRow& row : kBodies)
    if (row.code == code) return row.body;
  return std::nullopt;
}

std::string_view appeal_body_code(AppealBody body) { return row_of(body).code; }

int appeal_body_rank(AppealBody body) { return row_of(body).rank; }

std::string settled_outcome(const std::vector<Appeal>& appeals) {
  std::string outcome;
  for (const Appeal& appeal : appeals) {
    if (!appeal.decided_on || appeal.outcome.empty()) continue;
    if (appeal.outcome == "annulled" || outcome != "reduced") outcome = appeal.outcome;
  }
  return outcome;
}

std::optional<Finality> final_for(AppealBody body, Sanction sanction, Date on,
                                  const RuleSet& rules) {
  const std::string key = "discipline.appeal_final_rank_" + std::string(sanction_code(sanction));
  const RuleParameter* rank = rules.in_force(key, on);
  if (!rank) return std::nullopt;
  return Finality{appeal_body_rank(body) >= rank->value, {rank->key, rank->value, rank->source}};
}

NextAppeal next_appeal(const std::vector<Appeal>& appeals, Sanction sanction,
                       Date decision_received_on, const RuleSet& rules) {
  NextAppeal next;
  next.period_from = decision_received_on;
  next.level = static_cast<int>(appeals.size()) + 1;
  if (appeals.empty()) return next;
  const Appeal& last = appeals.back();
  if (!last.decided_on) {
    next.closed = "pending";
    return next;
  }
  if (last.outcome == "annulled") {
    next.closed = "annulled";
    return next;
  }
  if (last.body) {
    // The rule in force when the body decided says whether it was the last word.
    if (std::optional<Finality> final = final_for(*last.body, sanction, *last.decided_on, rules)) {
      if (final->final) {
        next.closed = "final";
        next.final_rule = final->rule;
        return next;
      }
    }
    next.min_rank = appeal_body_rank(*last.body);
  }
  next.period_from = last.outcome_received_on.value_or(*last.decided_on);
  return next;
}

std::vector<FieldError> check_lodging(const NextAppeal& next, std::optional<AppealBody> body,
                                      Date received_on, Date today, const Deadline& period) {
  std::vector<FieldError> errors;
  if (!body) {
    if (next.level > 1) errors.push_back({"body", "required", {}});
  } else if (next.min_rank && appeal_body_rank(*body) < *next.min_rank) {
    errors.push_back({"body",
                      "discipline_appeal_body_lower",
                      {{"rank", std::to_string(appeal_body_rank(*body))},
                       {"min_rank", std::to_string(*next.min_rank)}}});
  }
  if (received_on > today) {
    errors.push_back({"received_on", "date_in_future", {}});
  } else if (received_on < next.period_from) {
    errors.push_back(
        {"received_on",
         next.level == 1 ? "discipline_appeal_before_receipt" : "discipline_appeal_before_outcome",
         {}});
  } else if (period.overdue) {
    errors.push_back(
        {"received_on",
         "discipline_appeal_late",
         {{"due", period.due.iso()}, {"rule", period.rule.key}, {"source", period.rule.source}}});
  }
  return errors;
}

}  // namespace chibo::domain::discipline
