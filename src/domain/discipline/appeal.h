// Appeals up the levels (rules-reference §8; Charter Art. 39; Quy định 22-QĐ/TW 2021): a
// disciplined member or organization may appeal within the appeal period of receiving the
// decision, and, when the appeal is settled without annulling the sanction, appeal again to the
// next body up, within the same period of receiving that outcome, until a body that is final for
// the sanction has decided (the Central Inspection Committee for reprimand, warning and
// dismissal; the Secretariat for expulsion). Which body is final is rule data
// (discipline.appeal_final_rank_*), compared with the body's rank below.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/calendar/working_calendar.h"
#include "domain/discipline/deadlines.h"
#include "domain/discipline/sanction.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::discipline {

// The bodies an appeal goes to, lowest first. The superior committee and its inspection
// committee share a rank: either settles an appeal at the level above the decision.
enum class AppealBody {
  kSuperiorCommittee,   // cấp ủy cấp trên
  kSuperiorInspection,  // ủy ban kiểm tra cấp trên
  kCentralInspection,   // Ủy ban Kiểm tra Trung ương
  kSecretariat,         // Ban Bí thư
  kPolitburo,           // Bộ Chính trị
  kCentralCommittee,    // Ban Chấp hành Trung ương
};

// "superior_committee", "superior_inspection", "central_inspection", "secretariat",
// "politburo", "central_committee".
std::optional<AppealBody> parse_appeal_body(std::string_view code);
std::string_view appeal_body_code(AppealBody body);
// 1 (superior committee or its inspection committee), 2 (Central Inspection Committee),
// 3 (Secretariat), 4 (Politburo), 5 (Central Committee).
int appeal_body_rank(AppealBody body);

inline constexpr const char* kAppealOutcomes[] = {"upheld", "reduced", "annulled"};

// One level of appeal. `body` is nullopt for an appeal recorded before the levels were kept.
struct Appeal {
  std::optional<AppealBody> body;
  Date received_on;
  std::optional<Date> decided_on;
  std::string outcome;                      // "" pending, upheld, reduced, annulled
  std::optional<Date> outcome_received_on;  // the appellant received the outcome
};

// The outcome the appeals leave on the sanction: "annulled" when the last decided one annulled it,
// else "reduced" when any reduced it, else the last decided one's ("upheld"); "" before any.
std::string settled_outcome(const std::vector<Appeal>& appeals);

// Whether `body` is final for `sanction` under the rule in force on `on`
// (discipline.appeal_final_rank_<sanction>). nullopt when no rule is in force.
struct Finality {
  bool final = false;
  AppliedRule rule;
};
std::optional<Finality> final_for(AppealBody body, Sanction sanction, Date on,
                                  const RuleSet& rules);

// What may happen next on a decided case with `appeals` (oldest first), decided on
// `decision_received_on` (its receipt, else the decision's day).
struct NextAppeal {
  // "" a further appeal may be lodged; else why not: "pending" (the last one is not settled),
  // "annulled" (nothing left to appeal), "final" (the last body was final: `final_rule`).
  std::string closed;
  std::optional<AppliedRule> final_rule;
  Date period_from = Date();    // the appeal period counts from this day (when not closed)
  int level = 1;                // the level the next appeal would be (1 = first)
  std::optional<int> min_rank;  // the next body's rank may not be lower than this
};
NextAppeal next_appeal(const std::vector<Appeal>& appeals, Sanction sanction,
                       Date decision_received_on, const RuleSet& rules);

// Field errors of lodging an appeal to `body` received on `received_on`, seen `today`, as
// `next` allows; the period's rule named when late. `period` is the appeal period's deadline from
// next.period_from (the caller computes it with the calendar).
// The body may be left unknown on the first appeal only (as before the levels were kept).
std::vector<FieldError> check_lodging(const NextAppeal& next, std::optional<AppealBody> body,
                                      Date received_on, Date today, const Deadline& period);

}  // namespace chibo::domain::discipline
