#include "app/org_views.h"

#include <algorithm>

#include "text/fold.h"

namespace chibo::app {

namespace {

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

}  // namespace

Result<std::vector<OrgView>> list_children(Services& services, OrgId parent,
                                           bool include_inactive) {
  std::vector<OrgView> views;
  Status status = services.store.read([&](Transaction& tx) -> Status {
    if (parent.valid() && !tx.orgs().find(parent)) return Error::not_found("organization");
    views = decorate(services, tx, tx.orgs().children(parent, include_inactive));
    return Ok();
  });
  if (!status) return std::move(status).error();
  return views;
}

Result<OrgDetail> get_org(Services& services, OrgId id) {
  OrgDetail detail;
  Status status = services.store.read([&](Transaction& tx) -> Status {
    std::optional<Organization> org = tx.orgs().find(id);
    if (!org) return Error::not_found("organization");
    std::vector<OrgId> ancestor_ids = org->path.ids();
    ancestor_ids.pop_back();
    detail.ancestors = tx.orgs().find_many(ancestor_ids);
    std::vector<Organization> one;
    one.push_back(std::move(*org));
    detail.view = std::move(decorate(services, tx, std::move(one)).front());
    return Ok();
  });
  if (!status) return std::move(status).error();
  return detail;
}

Result<std::vector<OrgDetail>> search_orgs(Services& services, const OrgSearch& search) {
  const std::vector<std::string> words = text::fold_words(search.query);
  std::vector<OrgDetail> found;
  if (words.empty()) return found;
  std::vector<FieldError> errors;
  std::vector<std::string> kinds;
  for (const std::string& kind : search.kinds) {
    if (!services.catalog.org_kind(kind))
      errors.push_back({"kind", "unknown_code", {{"value", kind}}});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  for (const domain::OrgKind& kind : services.catalog.org_kinds) {
    const bool listed = search.kinds.empty() || std::find(search.kinds.begin(), search.kinds.end(),
                                                          kind.code) != search.kinds.end();
    const bool holds = !search.holds_members || *search.holds_members == kind.holds_members;
    if (listed && holds) kinds.push_back(kind.code);
  }
  if (kinds.empty()) return found;
  Status status = services.store.read([&](Transaction& tx) -> Status {
    std::vector<OrgView> views =
        decorate(services, tx, tx.orgs().search(words, kinds, search.limit));
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
        if (auto it = ancestors.find(id); id != view.org.id && it != ancestors.end())
          detail.ancestors.push_back(it->second);
      }
      detail.view = std::move(view);
      found.push_back(std::move(detail));
    }
    return Ok();
  });
  if (!status) return std::move(status).error();
  return found;
}

Result<std::vector<Breakdown>> org_breakdowns(Services& services, OrgId id) {
  std::vector<Breakdown> breakdowns;
  Status status = services.store.read([&](Transaction& tx) -> Status {
    std::optional<Organization> org = tx.orgs().find(id);
    if (!org) return Error::not_found("organization");
    breakdowns = tx.members().breakdowns(org->path, services.clock.today());
    return Ok();
  });
  if (!status) return std::move(status).error();
  return breakdowns;
}

}  // namespace chibo::app
