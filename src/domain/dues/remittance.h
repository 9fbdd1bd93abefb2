// A month's dues collection split up the tree (rules-reference §6): each level keeps its share
// (rule data per kind of organization, NOT CONFIRMED under 01-QĐ/TW) of what it holds (its own
// collection plus what its children sent up) and sends the rest to its parent; an organization
// without a parent keeps everything. Kept amounts are rounded down to the đồng, so what is sent up
// is never less than the exact share.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/rules/rule_set.h"

namespace chibo::domain::dues {

struct RemittanceNode {
  int64_t org_id = 0;
  int64_t parent_id = 0;       // 0: the root of the whole tree (keeps everything)
  std::string kind;            // org kind code
  int depth = 0;               // deeper nodes first when rolling up
  int64_t collected = 0;       // paid by its own members in the month (dues + extra)
  bool holds_members = false;  // a cell: collects from its members and closes its month
  bool open = false;           // a cell whose month is not closed yet (figures live)
};

struct RemittanceLine {
  int64_t org_id = 0;
  int64_t collected = 0;
  int64_t received_from_below = 0;
  int64_t kept = 0;
  int64_t sent_up = 0;
  int64_t keep_bp = 0;  // the share kept, basis points
  std::string rule_key;
  std::string rule_source;
};

// The rule key of the share a kind keeps ("dues.keep_bp.cell" ...).
std::string keep_rule_key(const std::string& kind);

// The split of one organization's holdings.
RemittanceLine split(int64_t org_id, const std::string& kind, bool has_parent, int64_t collected,
                     int64_t received_from_below, const RuleSet& rules, Date on);

// Every node's line, children before parents; a node whose parent is not among `nodes` still
// sends up (to a parent outside the subtree) unless parent_id is 0. Lines in the order of `nodes`.
std::vector<RemittanceLine> roll_up(const std::vector<RemittanceNode>& nodes, const RuleSet& rules,
                                    Date on);

// One organization seen from above: its whole subtree's figures. Collected and kept add up over
// every organization of the subtree; received from below and sent up are the organization's own
// (what its children sent it, what leaves the subtree for its parent), so that
// collected == kept + sent_up for every subtree.
struct SubtreeLine {
  int64_t org_id = 0;
  int64_t collected = 0;            // by every cell of the subtree
  int64_t received_from_below = 0;  // the organization's own: what its direct children sent up
  int64_t kept = 0;                 // kept at every level of the subtree
  int64_t sent_up = 0;              // the organization's own: what leaves the subtree
  int64_t own_collected = 0;        // by the organization's own members (a cell's)
  int64_t own_kept = 0;             // the organization's own share of what it held
  int64_t keep_bp = 0;              // that share, basis points
  std::string rule_key;             // its rule (none for the top of the whole tree)
  int64_t cells = 0;                // cells of the subtree (organizations holding members)
  int64_t open_cells = 0;           // of which the month is not closed yet
  bool has_children = false;
};

// The drill-down at `top`: its subtree line and one per direct child, in the order of `nodes`.
// `lines` are roll_up(nodes, ...), in the same order; `nodes` hold `top` and its whole subtree.
struct DrillDown {
  SubtreeLine top;
  std::vector<SubtreeLine> children;
};
DrillDown drill_down(const std::vector<RemittanceNode>& nodes,
                     const std::vector<RemittanceLine>& lines, int64_t top);

}  // namespace chibo::domain::dues
