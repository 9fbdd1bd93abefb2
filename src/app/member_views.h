// Read use cases for the member registry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"

namespace chibo::app {

// A member list request as the user states it; list_members turns it into a MemberFilter.
struct MemberQuery {
  OrgId org;  // subtree root; invalid = everyone
  std::vector<std::string> statuses;
  std::optional<std::string> sex;
  std::vector<std::string> ethnicities;
  std::optional<int> age_min, age_max;  // whole years today
  std::optional<int> admitted_year_from, admitted_year_to;
  std::string q;  // names (any diacritics), CCCD or card number
  MemberSort sort = MemberSort::kName;
  bool descending = false;
  int64_t offset = 0;
  int limit = 50;
};

inline constexpr int kMaxPageSize = 500;

// Checks the query's values (known codes, sane ranges) and returns the page.
Result<MemberPage> list_members(Services& services, const MemberQuery& query);

struct MemberDetail {
  Member member;
  Organization org;
  std::vector<MemberEvent> history;  // newest first
};

Result<MemberDetail> get_member(Services& services, MemberId id);

// The filter list_members would run (exposed for exports and tests).
Result<MemberFilter> build_filter(Services& services, Transaction& tx, const MemberQuery& query);

}  // namespace chibo::app
