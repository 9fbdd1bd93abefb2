// Party badges (Huy hiệu Đảng): members reaching 30, 40, 45 ... 90 years of party age are
// awarded the badge at the next occasion (3/2, 19/5, 2/9, 7/11). Milestones and occasions are
// rules (badge.milestone_years, badge.occasions), not literals. Rules-reference.md §9.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "domain/lifecycle/party_age.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

// The award occasion on or after `day` (the next one when `day` is past this year's last).
std::optional<Date> next_occasion(const RuleSet& rules, Date day);
// The occasion before `occasion`.
std::optional<Date> previous_occasion(const RuleSet& rules, Date occasion);

// What eligibility needs of one member: the first admission, the highest badge awarded (0:
// none) and the party-age gaps; milestones are reached as party_age.h computes them.
struct BadgeFacts {
  MemberId id;
  Date admission;
  int highest_awarded = 0;
  std::vector<Gap> gaps;
};

struct BadgeDue {
  MemberId id;
  int milestone = 0;        // years
  Date reached_on;          // the day the party age reached it
  bool since_last = false;  // reached after the previous occasion (else missed earlier)
};

// The highest milestone `facts` has reached by `occasion` and not been awarded, if any.
// `milestones` ascending.
std::optional<BadgeDue> badge_due(const BadgeFacts& facts, Date occasion, Date previous,
                                  std::span<const int64_t> milestones);

// badge_due for every member, in input order.
std::vector<BadgeDue> badges_due(std::span<const BadgeFacts> members, Date occasion, Date previous,
                                 std::span<const int64_t> milestones);

}  // namespace chibo::domain
