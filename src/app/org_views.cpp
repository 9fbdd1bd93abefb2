#include "app/org_views.h"

#include <algorithm>

#include "app/access_control.h"
#include "text/fold.h"

namespace chibo::app {

namespace {

using domain::Permission;

std::vector<OrgView> decorate(Services& services, Transaction& tx, std::vector<Organization> orgs) {
  std::vector<OrgId> ids;
  ids.reserve(orgs.size());
  for (const Organization& org : orgs) ids.push_back(org.id);
  const std::map<OrgId, MemberCounts> counts = tx.orgs().counts(ids);
  const std::map<OrgId, int64_t> children = tx.orgs().active_child_counts(ids);
  const Date today = services.clock.today();
  std::vector<OrgView> views;
  views.reserve(orgs.size());
  for (Organization& org : orgs) {
    OrgView view;
    if (auto found = counts.find(org.id); found != counts.end()) view.counts = found->second;
    if (auto found = children.find(org.id); found != children.end())
      view.active_children = found->second;
    view.warnings = domain::structure_warnings(org, services.catalog.org_kind(org.kind),
                                               view.counts, services.rules, today);
    view.org = std::move(org);
    views.push_back(std::move(view));
  }
  return views;
}

Result<OrgDetail> detail_in(Services& services, Transaction& tx, const Organization& found) {
  OrgDetail detail;
  std::vector<OrgId> ancestor_ids = found.path.ids();
  ancestor_ids.pop_back();
  detail.ancestors = tx.orgs().find_many(ancestor_ids);
  detail.view = std::move(decorate(services, tx, {found}).front());
  return detail;
}

}  // namespace

Result<std::vector<OrgView>> list_children(Services& services, const Actor& actor, OrgId parent,
                                           bool include_inactive) {
  const domain::Reach reach = reach_of(services, actor, Permission::kOrgRead);
  // The roots of someone who may read no organization: deny by default. (A given parent is
  // "not found" for them, like any organization they cannot see.)
  if (!parent.valid() && reach.none()) return Error::forbidden("forbidden");
  std::vector<OrgView> views;
  Status status = services.store.read([&](Transaction& tx) -> Status {
    if (parent.valid()) {
      std::optional<Organization> org = tx.orgs().find(parent);
      if (!org || !reach.covers(org->path)) return Error::not_found("organization");
      views = decorate(services, tx, tx.orgs().children(parent, include_inactive));
      return Ok();
    }
    if (reach.everything) {
      views = decorate(services, tx, tx.orgs().children(OrgId(), include_inactive));
      return Ok();
    }
    // The tops of a scoped actor's view are the organizations of their grants.
    std::vector<OrgId> tops;
    for (const OrgPath& path : reach.subtrees) tops.push_back(path.leaf());
    std::vector<Organization> orgs = tx.orgs().find_many(tops);
    if (!include_inactive) {
      orgs.erase(std::remove_if(orgs.begin(), orgs.end(),
                                [](const Organization& org) { return !org.active(); }),
                 orgs.end());
    }
    views = decorate(services, tx, std::move(orgs));
    return Ok();
  });
  if (!status) return std::move(status).error();
  return views;
}

Result<OrgDetail> get_org(Services& services, const Actor& actor, OrgId id) {
  const domain::Reach reach = reach_of(services, actor, Permission::kOrgRead);
  Result<OrgDetail> detail = org_detail_unchecked(services, id);
  if (detail && !reach.covers(detail->view.org.path)) return Error::not_found("organization");
  return detail;
}

Result<OrgDetail> org_detail_unchecked(Services& services, OrgId id) {
  OrgDetail detail;
  Status status = services.store.read([&](Transaction& tx) -> Status {
    std::optional<Organization> org = tx.orgs().find(id);
    if (!org) return Error::not_found("organization");
    Result<OrgDetail> found = detail_in(services, tx, *org);
    if (!found) return std::move(found).error();
    detail = std::move(*found);
    return Ok();
  });
  if (!status) return std::move(status).error();
  return detail;
}

Result<std::vector<OrgDetail>> search_orgs(Services& services, const Actor& actor,
                                           const OrgSearch& search) {
  if (reach_of(services, actor, Permission::kOrgRead).none()) return Error::forbidden("forbidden");
  const std::vector<std::string> words = text::fold_words(search.query);
  std::vector<OrgDetail> found;
  std::vector<FieldError> errors;
  std::vector<std::string> kinds;
  for (const std::string& kind : search.kinds) {
    if (!services.catalog.org_kind(kind))
      errors.push_back({"kind", "unknown_code", {{"value", kind}}});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  const domain::Reach reach = reach_of(services, actor, Permission::kOrgRead);
  if (words.empty() || reach.none()) return found;
  for (const domain::OrgKind& kind : services.catalog.org_kinds) {
    const bool listed = search.kinds.empty() || std::find(search.kinds.begin(), search.kinds.end(),
                                                          kind.code) != search.kinds.end();
    const bool holds = !search.holds_members || *search.holds_members == kind.holds_members;
    if (listed && holds) kinds.push_back(kind.code);
  }
  if (kinds.empty()) return found;
  Status status = services.store.read([&](Transaction& tx) -> Status {
    std::vector<OrgView> views = decorate(
        services, tx,
        tx.orgs().search(words, kinds, reach.everything ? std::vector<OrgPath>{} : reach.subtrees,
                         search.limit));
    // One query for every result's ancestors.
    std::vector<OrgId> ancestor_ids;
    for (const OrgView& view : views) {
      for (const OrgId& id : view.org.path.ids()) {
        if (id != view.org.id &&
            std::find(ancestor_ids.begin(), ancestor_ids.end(), id) == ancestor_ids.end()) {
          ancestor_ids.push_back(id);
        }
      }
    }
    std::map<OrgId, Organization> ancestors;
    for (Organization& org : tx.orgs().find_many(ancestor_ids))
      ancestors.emplace(org.id, std::move(org));
    for (OrgView& view : views) {
      OrgDetail detail;
      for (const OrgId& id : view.org.path.ids()) {
        if (auto it = ancestors.find(id); id != view.org.id && it != ancestors.end()) {
          detail.ancestors.push_back(it->second);
        }
      }
      detail.view = std::move(view);
      found.push_back(std::move(detail));
    }
    return Ok();
  });
  if (!status) return std::move(status).error();
  return found;
}

Result<std::vector<Breakdown>> org_breakdowns(Services& services, const Actor& actor, OrgId id) {
  const domain::Reach reach = reach_of(services, actor, Permission::kMemberRead);
  std::vector<Breakdown> breakdowns;
  Status status = services.store.read([&](Transaction& tx) -> Status {
    std::optional<Organization> org = tx.orgs().find(id);
    if (!org || !reach.covers(org->path)) return Error::not_found("organization");
    breakdowns = tx.members().breakdowns(org->path, services.clock.today());
    return Ok();
  });
  if (!status) return std::move(status).error();
  return breakdowns;
}

Result<OrgView> org_view_in(Services& services, Transaction& tx, OrgId id) {
  std::optional<Organization> org = tx.orgs().find(id);
  if (!org) return Error::not_found("organization");
  return std::move(decorate(services, tx, {*org}).front());
}

}  // namespace chibo::app
