#include "domain/directives/study_rollup.h"

#include <algorithm>

namespace chibo::domain {

int64_t studied_of(int64_t own_attendees, int64_t children_studied) {
  return std::max(own_attendees, children_studied);
}

std::map<OrgId, int64_t> studied_by_org(const std::vector<std::pair<OrgPath, int64_t>>& studies) {
  std::map<OrgId, int64_t> own;
  std::map<OrgId, OrgId> parent;  // on the studies' paths
  std::map<OrgId, size_t> depth;
  for (const auto& [path, attendees] : studies) {
    const std::vector<OrgId> ids = path.ids();
    if (ids.empty()) continue;
    own[ids.back()] += attendees;
    for (size_t i = 0; i < ids.size(); ++i) {
      depth[ids[i]] = i;
      if (i > 0) parent[ids[i]] = ids[i - 1];
    }
  }
  // Deepest first: each organization's children are final before it is.
  std::vector<std::pair<size_t, OrgId>> order;
  for (const auto& [org, d] : depth) order.emplace_back(d, org);
  std::sort(order.begin(), order.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  std::map<OrgId, int64_t> children_sum;
  std::map<OrgId, int64_t> studied;
  for (const auto& [d, org] : order) {
    const auto o = own.find(org);
    const auto c = children_sum.find(org);
    const int64_t value =
        studied_of(o == own.end() ? 0 : o->second, c == children_sum.end() ? 0 : c->second);
    studied[org] = value;
    if (auto p = parent.find(org); p != parent.end()) children_sum[p->second] += value;
  }
  return studied;
}

}  // namespace chibo::domain
