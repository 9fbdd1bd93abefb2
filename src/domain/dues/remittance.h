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
  int64_t parent_id = 0;  // 0: the root of the whole tree (keeps everything)
  std::string kind;       // org kind code
  int depth = 0;          // deeper nodes first when rolling up
  int64_t collected = 0;  // paid by its own members in the month (dues + extra)
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

}  // namespace chibo::domain::dues
