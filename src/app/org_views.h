// Read use cases for the organization tree.
#pragma once

#include <optional>
#include <vector>

#include "app/context.h"
#include "domain/org/structure_warnings.h"

namespace chibo::app {

struct OrgView {
  Organization org;
  MemberCounts counts;
  std::vector<domain::StructureWarning> warnings;
  int64_t active_children = 0;
};

struct OrgDetail {
  OrgView view;
  std::vector<Organization> ancestors;  // root first, parent last
};

// Children of `parent` (the roots when invalid) with subtree counts and warnings.
Result<std::vector<OrgView>> list_children(Services& services, OrgId parent, bool include_inactive);

Result<OrgDetail> get_org(Services& services, OrgId id);

struct OrgSearch {
  std::string query;                  // words matched without regard to case or diacritics
  std::vector<std::string> kinds;     // only these kinds (empty: any)
  std::optional<bool> holds_members;  // only kinds that do (true) or do not (false) hold members
  int limit = 20;
};

// Active organizations matching the search, each with its ancestors (to tell apart
// organizations of the same name in different places).
Result<std::vector<OrgDetail>> search_orgs(Services& services, const OrgSearch& search);

// Members on the roll in the subtree, broken down for dashboards.
Result<std::vector<Breakdown>> org_breakdowns(Services& services, OrgId id);

}  // namespace chibo::app
