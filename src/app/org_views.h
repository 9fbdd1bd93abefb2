// Read use cases for the organization tree.
#pragma once

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

// Active organizations whose name matches `query` without regard to case or diacritics.
Result<std::vector<OrgView>> search_orgs(Services& services, const std::string& query, int limit);

// Members on the roll in the subtree, broken down for dashboards.
Result<std::vector<Breakdown>> org_breakdowns(Services& services, OrgId id);

}  // namespace chibo::app
