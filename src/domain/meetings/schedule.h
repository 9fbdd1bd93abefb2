// A cell's meeting calendar (rules-reference §1, §5): a regular meeting every
// meetings.regular_every_months (monthly), a thematic one at least every
// meetings.thematic_every_months (quarterly; periods counted from January). A period is owed
// once it has ended before `as_of` and the cell existed in it; it is missing when no meeting of
// that kind was held (recorded) in it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "domain/dues/month.h"
#include "domain/meetings/meeting_rules.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::meetings {

using dues::Month;

inline constexpr std::string_view kRegular = "regular";
inline constexpr std::string_view kThematic = "thematic";
inline constexpr std::string_view kAdHoc = "ad_hoc";

bool is_meeting_kind(std::string_view kind);

struct HeldMeeting {
  Date on;
  std::string kind;
};

// A period of whole months [first, last].
struct Period {
  Month first;
  Month last;
  int index = 0;  // 1-based within the year (the month for monthly periods, the quarter ...)
  bool operator==(const Period&) const = default;
};

// The periods of `every` months (1..12) of `year`, counted from January.
std::vector<Period> periods_of(int year, int every);
// The period of `every` months containing `month`.
Period period_of(Month month, int every);

struct Expectations {
  std::vector<Period> owed_regular, missing_regular;
  std::vector<Period> owed_thematic, missing_thematic;
  std::vector<AppliedRule> rules;
};

// `since`: the day the cell was established (periods ending before it are not owed).
Expectations expectations(int year, Date as_of, std::optional<Date> since,
                          const std::vector<HeldMeeting>& held, const RuleSet& rules);

}  // namespace chibo::domain::meetings
