// Write use cases for the organization tree. Each runs in one transaction: it loads the
// facts, asks domain/org for a decision, and writes the outcome (or nothing).
#pragma once

#include <optional>

#include "app/org_views.h"
#include "domain/org/organization.h"

namespace chibo::app {

// A new organization under `parent` (a root when invalid).
Result<OrgView> create_org(Context& ctx, OrgId parent, const domain::OrgDraft& draft);

// Rename or edit; `version` must be the one the caller read.
Result<OrgView> update_org(Context& ctx, OrgId id, int64_t version, const domain::OrgDraft& draft);

// Moves the subtree under `new_parent`; descendants and their members follow.
Result<OrgView> move_org(Context& ctx, OrgId id, OrgId new_parent, std::optional<int64_t> version);

// Dissolves the organization and its subtree on `on`; refused while members remain on the roll.
// `version`, when given, must be the one the caller read (also for merge_org).
Result<OrgView> dissolve_org(Context& ctx, OrgId id, std::optional<Date> on,
                             std::optional<int64_t> version = std::nullopt);

// Merges `source` into `target` on `on`: its members and child organizations move to target,
// and source closes as merged.
Result<OrgView> merge_org(Context& ctx, OrgId source, OrgId target, std::optional<Date> on,
                          std::optional<int64_t> version = std::nullopt);

}  // namespace chibo::app
