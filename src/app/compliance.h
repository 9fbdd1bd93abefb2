// The compliance board (issue 16): for one organization's subtree, everything out of rule or
// overdue in every area, counted per area and per direct child (rolled up the tree), and the
// items themselves most overdue first, each with a link to its page.
//
// An area plugs in with ONE source (compliance_sources() in compliance.cpp): its area and rule
// key, the permission that reads it, how its question is asked (dates from today and the area's
// own rules) and how an item's due day and link follow from a stored row; and one SELECT over
// the subtree's path range in storage/sql/compliance. An area the caller may not read over the
// asked organization is left out (not counted, no items). The organization itself needs org.read
// (out of reach: not found).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/compliance/board.h"

namespace chibo::app {

struct ComplianceAreaCount {
  std::string area;
  int64_t count = 0;
  std::vector<std::pair<std::string, int64_t>> kinds;  // kind -> count, in source order
};

struct ComplianceChild {
  Organization org;
  int64_t total = 0;
  std::map<std::string, int64_t> areas;  // area -> count in the child's subtree
};

struct ComplianceBoard {
  Organization org;
  Date as_of;
  int64_t total = 0;
  int64_t own = 0;  // items of the organization itself (not of a child)
  std::map<std::string, int64_t> own_areas;
  std::vector<ComplianceAreaCount> areas;  // the areas the caller reads, in source order
  std::vector<ComplianceChild> children;   // active direct children, in name order
  // The organizations of the subtree holding the most items (domain most_lagging).
  std::vector<std::pair<Organization, int64_t>> lagging;
};

struct ComplianceItemsQuery {
  OrgId org;
  std::string area;  // empty: every area
  std::string kind;  // empty: every kind
  int page = 1;      // 1-based
  int page_size = 50;
};

struct ComplianceItems {
  Organization org;
  Date as_of;
  int page = 1;
  int page_size = 50;
  int64_t total = 0;
  std::vector<domain::compliance::Item> items;
};

Result<ComplianceBoard> get_compliance_board(Context& ctx, OrgId org);
Result<ComplianceItems> list_compliance_items(Context& ctx, const ComplianceItemsQuery& query);

// The areas and kinds the board knows (every source), for validating filters.
std::vector<std::pair<std::string, std::string>> compliance_kinds();

}  // namespace chibo::app
