#include "domain/compliance/board.h"

#include <algorithm>
#include <tuple>

namespace chibo::domain::compliance {

namespace {

bool reaches(const RuleSet& rules, const char* key, Date on, int64_t days) {
  const RuleParameter* band = rules.in_force(key, on);
  return band != nullptr && days >= band->value;
}

}  // namespace

std::string severity_of(int64_t days_overdue, const RuleSet& rules, Date on) {
  if (reaches(rules, kCriticalAfterDays, on, days_overdue)) return "critical";
  if (reaches(rules, kSeriousAfterDays, on, days_overdue)) return "serious";
  return "warning";
}

void roll_up(const OrgPath& asked, const std::vector<PathCount>& counts, ChildCounts& into) {
  const size_t depth = static_cast<size_t>(asked.depth());
  for (const PathCount& each : counts) {
    if (each.count == 0 || !asked.contains(each.path)) continue;
    into.total += each.count;
    const std::vector<OrgId> ids = each.path.ids();
    if (ids.size() == depth) {
      into.own += each.count;
    } else {
      into.children[ids[depth]] += each.count;
    }
  }
}

std::vector<PathCount> most_lagging(const std::vector<PathCount>& counts, size_t limit) {
  std::map<OrgPath, int64_t> summed;
  for (const PathCount& each : counts) summed[each.path] += each.count;
  std::vector<PathCount> out;
  for (const auto& [path, count] : summed)
    if (count > 0) out.push_back({path, count});
  std::stable_sort(out.begin(), out.end(),
                   [](const PathCount& a, const PathCount& b) { return a.count > b.count; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

bool comes_before(const Item& a, const Item& b) {
  // Among items not yet overdue (0 days: a warning, or due today) the one due soonest first;
  // for overdue items the due day follows from the days, so it changes nothing.
  return std::tie(b.days_overdue, a.due_on, a.area, a.kind, a.org_path, a.subject_id) <
         std::tie(a.days_overdue, b.due_on, b.area, b.kind, b.org_path, b.subject_id);
}

std::vector<Item> merge_page(std::vector<std::vector<Item>> lists, int64_t offset, int limit) {
  std::vector<Item> all;
  for (std::vector<Item>& list : lists)
    all.insert(all.end(), std::make_move_iterator(list.begin()),
               std::make_move_iterator(list.end()));
  std::stable_sort(all.begin(), all.end(), comes_before);
  if (offset >= static_cast<int64_t>(all.size())) return {};
  const auto first = all.begin() + offset;
  const auto last = all.begin() + std::min<int64_t>(static_cast<int64_t>(all.size()),
                                                    offset + std::max(0, limit));
  return {std::make_move_iterator(first), std::make_move_iterator(last)};
}

}  // namespace chibo::domain::compliance
