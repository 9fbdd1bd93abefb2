// One member's lifecycle as a committee office reads it: party age today, its gaps, the
// probation and its recognition steps, transfers, badges awarded and the next one.
#pragma once

#include <optional>
#include <vector>

#include "app/context.h"
#include "app/transfers.h"

namespace chibo::app {

struct MemberLifecycle {
  Member member;
  Date today;
  domain::PartyAge party_age;
  std::vector<StoredGap> gaps;
  std::optional<domain::ProbationView> probation;
  std::vector<domain::RecognitionRecord> recognition;  // of the current probation
  std::vector<TransferView> transfers;                 // newest first
  std::vector<BadgeAward> awards;
  std::optional<int> next_badge;  // years
  std::optional<Date> next_badge_on;
};

Result<MemberLifecycle> member_lifecycle(Context& ctx, MemberId id);

}  // namespace chibo::app
