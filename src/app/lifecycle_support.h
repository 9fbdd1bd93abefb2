// What the lifecycle use cases share: where a cell sits in the tree (its base organization,
// whether a đảng bộ bộ phận is between), access checks, and writing a member's change with its
// history event and audit entry in the caller's transaction.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/lifecycle/admission.h"

namespace chibo::app {

// The base organization (tổ chức cơ sở đảng) of the organization at `path`: the deepest of it
// and its ancestors whose kind is a base kind.
std::optional<Organization> base_organization_of(Transaction& tx, const domain::Catalog& catalog,
                                                 const OrgPath& path);

// Which resolutions a candidate of `cell` needs.
domain::AdmissionContext admission_context_of(Transaction& tx, const domain::Catalog& catalog,
                                              const Organization& cell);

// The party-age gaps stored for `member`, as the arithmetic takes them.
std::vector<domain::Gap> gaps_of(Transaction& tx, MemberId member);

// A member changed by a lifecycle step: derives its facts from the gaps stored (add a new gap
// first), saves it (kStaleVersion when someone else saved first),
// appends the history event (`action`, the day it takes effect, its document) and the audit
// entry ("member." + action, with `details` and the changes), all in the use case's
// transaction.
Status save_lifecycle_change(Context& ctx, const Member& before, Member& after,
                             const std::string& action, Date effective_on,
                             const domain::Document& document,
                             nlohmann::json details = nlohmann::json::object());

}  // namespace chibo::app
