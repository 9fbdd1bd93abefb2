#include "storage/sql/search/search_plan.h"

#include <algorithm>
#include <set>

namespace chibo::storage {

SearchPlan choose_search_plan(std::optional<long long> scope_members, long long probed_rows,
                              const SearchLimits& limits) {
  if (scope_members && *scope_members <= limits.scope_first) return SearchPlan::kScope;
  if (probed_rows <= limits.probe) return SearchPlan::kKeys;
  return SearchPlan::kBroad;
}

namespace {

// Name order: by sort key, then id (the SQL's ORDER BY sort_key, id).
auto name_order(bool descending) {
  return [descending](const RankedMember& x, const RankedMember& y) {
    if (x.sort_key != y.sort_key)
      return descending ? x.sort_key > y.sort_key : x.sort_key < y.sort_key;
    return descending ? x.id > y.id : x.id < y.id;
  };
}

}  // namespace

bool key_may_place(const std::string& bound, const std::vector<RankedMember>& top, long long wanted,
                   bool descending) {
  if (static_cast<long long>(top.size()) < wanted) return true;
  // A tie may still place: its members could have smaller ids.
  return descending ? bound >= top.back().sort_key : bound <= top.back().sort_key;
}

void keep_first(std::vector<RankedMember>& top, const std::vector<RankedMember>& more,
                long long wanted, bool descending) {
  top.insert(top.end(), more.begin(), more.end());
  std::sort(top.begin(), top.end(), name_order(descending));
  top.erase(std::unique(top.begin(), top.end(),
                        [](const RankedMember& x, const RankedMember& y) { return x.id == y.id; }),
            top.end());
  if (static_cast<long long>(top.size()) > wanted) top.resize(std::max<long long>(0, wanted));
}

std::vector<long long> merge_ranked(std::vector<RankedMember> a, const std::vector<RankedMember>& b,
                                    long long offset, long long limit, bool descending) {
  a.insert(a.end(), b.begin(), b.end());
  std::sort(a.begin(), a.end(), name_order(descending));
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
