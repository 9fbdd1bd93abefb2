// Closing a case without a sanction (khép hồ sơ, không thi hành kỷ luật). A case ends either in a
// decision or, undecided, on one of two grounds:
// - limitation_expired: the limitation period (thời hiệu, limitation.h) had run by the closing
//   day, so the breach can no longer be disciplined (Quy định 102-QĐ/TW, 07-QĐi/TW; the decision
//   itself is refused then). Not for an unlimited breach, nor before the period's end.
// - not_disciplined: the competent body concluded that no sanction is due (the vote did not reach
//   the share, or the breach was found not to warrant one); its conclusion is stated in `note`.
// Until it is decided a case may be closed; once decided or closed, never.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/discipline/limitation.h"
#include "domain/discipline/suspension.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::discipline {

enum class ClosureGround { kLimitationExpired, kNotDisciplined };

std::optional<ClosureGround> parse_closure_ground(std::string_view code);
std::string_view closure_ground_code(ClosureGround ground);
const char* closure_grounds();  // "limitation_expired, not_disciplined"

struct Closure {
  Date closed_on;
  ClosureGround ground = ClosureGround::kNotDisciplined;
  std::string note;  // the conclusion: required for not_disciplined
};

// What a closure of a case with these limitation facts, opened for a breach on
// `facts.breach_date`, must satisfy on `today`: closed_on not in the future nor before the breach
// (nor before `not_before`, the vote's day when there was one); for limitation_expired the period
// run by closed_on (errors name "ground", with the period's end and the rule); for
// not_disciplined a note. Every problem at once; fields "closed_on", "ground", "note".
std::vector<FieldError> check_closure(const Closure& closure, const LimitationFacts& facts,
                                      std::optional<Date> not_before, Date today,
                                      const RuleSet& rules);

// A suspension still running on the closing day ends with the case: lifted on closed_on (no
// longer suspended from that day). One that ended before it or was lifted stays as it was.
std::optional<Suspension> suspension_after_closure(const std::optional<Suspension>& suspension,
                                                   Date closed_on);

}  // namespace chibo::domain::discipline
