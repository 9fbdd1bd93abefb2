#include "storage/sql/search_plan.h"

#include <algorithm>
#include <set>

namespace chibo::storage {

SearchPlan choose_search_plan(std::optional<long long> scope_members, long long probed_rows,
                              const SearchLimits& limits) {
  if (scope_members && *scope_members <= limits.scope_first) return SearchPlan::kScope;
  if (probed_rows <= limits.probe) return SearchPlan::kKeys;
  return SearchPlan::kBroad;
}

long long walk_budget(long long wanted, const SearchLimits& limits) {
  return std::min(limits.walk_max, std::max<long long>(1, wanted) * limits.walk_per_result);
}

std::vector<long long> merge_ranked(std::vector<RankedMember> a, const std::vector<RankedMember>& b,
                                    long long offset, long long limit, bool descending) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end(), [descending](const RankedMember& x, const RankedMember& y) {
    if (x.sort_key != y.sort_key)
      return descending ? x.sort_key > y.sort_key : x.sort_key < y.sort_key;
    return descending ? x.id > y.id : x.id < y.id;
  });
  std::vector<long long> page;
  std::set<long long> seen;
  long long position = 0;
  for (const RankedMember& member : a) {
    if (!seen.insert(member.id).second) continue;
    if (position++ < offset) continue;
    if (static_cast<long long>(page.size()) >= limit) break;
    page.push_back(member.id);
  }
  return page;
}

}  // namespace chibo::storage
