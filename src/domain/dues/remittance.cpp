#include "domain/dues/remittance.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace chibo::domain::dues {

std::string keep_rule_key(const std::string& kind) {
  if (kind == "cell" || kind == "party_group") return "dues.keep_bp.cell";
  if (kind == "sub_committee") return "dues.keep_bp.sub_committee";
  if (kind == "base_cell" || kind == "base_committee") return "dues.keep_bp.base";
  if (kind == "committee_above_base") return "dues.keep_bp.above_base";
  return "dues.keep_bp.central";
}

RemittanceLine split(int64_t org_id, const std::string& kind, bool has_parent, int64_t collected,
                     int64_t received_from_below, const RuleSet& rules, Date on) {
  RemittanceLine line;
  line.org_id = org_id;
  line.collected = collected;
  line.received_from_below = received_from_below;
  const int64_t total = collected + received_from_below;
  if (!has_parent) {
    line.keep_bp = 10000;
    line.kept = total;
    return line;
  }
  line.rule_key = keep_rule_key(kind);
  if (const RuleParameter* share = rules.in_force(line.rule_key, on)) {
    line.keep_bp = std::clamp<int64_t>(share->value, 0, 10000);
    line.rule_source = share->source;
  }
  line.kept = static_cast<int64_t>(static_cast<__int128>(total) * line.keep_bp / 10000);
  line.sent_up = total - line.kept;
  return line;
}

std::vector<RemittanceLine> roll_up(const std::vector<RemittanceNode>& nodes, const RuleSet& rules,
                                    Date on) {
  std::vector<size_t> order(nodes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return nodes[a].depth > nodes[b].depth; });
  std::unordered_map<int64_t, size_t> index;
  for (size_t i = 0; i < nodes.size(); ++i) index[nodes[i].org_id] = i;
  std::vector<int64_t> received(nodes.size(), 0);
  std::vector<RemittanceLine> lines(nodes.size());
  for (size_t i : order) {
    const RemittanceNode& node = nodes[i];
    lines[i] =
        split(node.org_id, node.kind, node.parent_id != 0, node.collected, received[i], rules, on);
    if (auto parent = index.find(node.parent_id); parent != index.end())
      received[parent->second] += lines[i].sent_up;
  }
  return lines;
}

DrillDown drill_down(const std::vector<RemittanceNode>& nodes,
                     const std::vector<RemittanceLine>& lines, int64_t top) {
  std::unordered_map<int64_t, size_t> index;
  for (size_t i = 0; i < nodes.size(); ++i) index[nodes[i].org_id] = i;
  std::vector<SubtreeLine> sums(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    SubtreeLine& sum = sums[i];
    sum.org_id = nodes[i].org_id;
    sum.collected = sum.own_collected = lines[i].collected;
    sum.kept = sum.own_kept = lines[i].kept;
    sum.received_from_below = lines[i].received_from_below;
    sum.sent_up = lines[i].sent_up;
    sum.keep_bp = lines[i].keep_bp;
    sum.rule_key = lines[i].rule_key;
    sum.cells = nodes[i].holds_members ? 1 : 0;
    sum.open_cells = nodes[i].holds_members && nodes[i].open ? 1 : 0;
  }
  // Deeper first, so that each subtree is complete before it is added to its parent's.
  std::vector<size_t> order(nodes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return nodes[a].depth > nodes[b].depth; });
  for (size_t i : order) {
    if (nodes[i].org_id == top) continue;
    auto parent = index.find(nodes[i].parent_id);
    if (parent == index.end()) continue;
    SubtreeLine& up = sums[parent->second];
    up.collected += sums[i].collected;
    up.kept += sums[i].kept;
    up.cells += sums[i].cells;
    up.open_cells += sums[i].open_cells;
    up.has_children = true;
  }
  DrillDown result;
  if (auto it = index.find(top); it != index.end()) result.top = sums[it->second];
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].parent_id == top && nodes[i].org_id != top) result.children.push_back(sums[i]);
  return result;
}

}  // namespace chibo::domain::dues
