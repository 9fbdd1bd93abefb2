// Use cases of party badges: who is due a badge at an award occasion (per organization, for
// the list the standing committee decides on) and recording the awards of a decision.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "app/context.h"

namespace chibo::app {

struct BadgeListQuery {
  OrgId org;                     // subtree; invalid: all the actor may read
  std::optional<Date> occasion;  // an award occasion; default: the next one from today
  std::vector<int> milestones;   // only these (empty: all)
  int64_t offset = 0;
  int limit = 50;  // 0: all (exports)
};

struct BadgeItem {
  Member member;
  std::string org_name;
  domain::BadgeDue due;
  domain::PartyAge age_on_occasion;
};

struct BadgeList {
  Date occasion;
  Date previous;
  std::vector<BadgeItem> items;
  int64_t total = 0;
  std::map<int, int64_t> by_milestone;  // every due member, by badge
};

// `permission`: member.read for the list, member.export for the CSV.
Result<BadgeList> list_badges(Context& ctx, const BadgeListQuery& query,
                              domain::Permission permission);

struct BadgeAwardRequest {
  Date occasion;
  Date decided_on;
  domain::Document document;
  std::vector<std::pair<MemberId, int>> awards;  // member, milestone (years)
};

// Records a decision's awards, all or none; returns how many.
Result<int> award_badges(Context& ctx, const BadgeAwardRequest& request);

}  // namespace chibo::app
