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

// Children of `parent` with subtree counts and warnings. Without a parent: the tops of the
// actor's view (the true roots for someone who may read everything, else the organizations
// their grants are scoped to). Organizations outside the actor's reach are "not found".
Result<std::vector<OrgView>> list_children(Context& ctx, OrgId parent, bool include_inactive);

// One organization with its ancestors (names only beyond the actor's reach: context).
Result<OrgDetail> get_org(Context& ctx, OrgId id);

struct OrgSearch {
  std::string query;                  // words matched without regard to case or diacritics
  std::vector<std::string> kinds;     // only these kinds (empty: any)
  std::optional<bool> holds_members;  // only kinds that do (true) or do not (false) hold members
  int limit = 20;
};

// Active organizations matching the search, each with its ancestors (to tell apart
// organizations of the same name in different places).
Result<std::vector<OrgDetail>> search_orgs(Context& ctx, const OrgSearch& search);

// Members on the roll in the subtree, broken down for dashboards.
Result<std::vector<Breakdown>> org_breakdowns(Context& ctx, OrgId id);

// One organization's view without an access check, for use cases that have already checked.
Result<OrgView> org_view(Context& ctx, OrgId id);

}  // namespace chibo::app
