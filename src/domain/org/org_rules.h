// Decisions about the shape of the tree: what may be created where, moved where, merged into
// what. Pure functions; the app layer loads the facts and writes the outcome.
#pragma once

#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "domain/catalog/catalog.h"
#include "domain/org/organization.h"

namespace chibo::domain {

// Field checks for a new organization or an edit (name required, lengths, code charset).
std::vector<FieldError> check_org_fields(const OrgDraft& draft, bool creating,
                                         const Catalog& catalog);

// May a node of `kind` sit under `parent` (nullptr: as a root)?
Status check_placement(const std::string& kind, const Organization* parent, const Catalog& catalog);

// May `node` (with its subtree) move under `new_parent`? No cycles, no dissolved parent, a
// kind that fits, and a real change.
Status check_move(const Organization& node, const Organization& new_parent, const Catalog& catalog);

// May `source` merge into `target`? Both active, different, target outside source's subtree,
// and target able to take source's members and children.
Status check_merge(const Organization& source, const Organization& target,
                   const std::vector<Organization>& source_children, int64_t source_direct_members,
                   const Catalog& catalog);

// May `node` be dissolved on `date`? Refused while `active_members` (on the roll anywhere in
// its subtree) is not empty; the error lists them.
Status check_dissolve(const Organization& node, Date date,
                      const std::vector<ErrorItem>& active_members, int64_t active_member_total);

}  // namespace chibo::domain
