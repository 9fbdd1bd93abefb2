#include "app/org_views.h"

#include <algorithm>

#include "app/access_control.h"
#include "app/terms.h"
#include "text/fold.h"

namespace chibo::app {

namespace {

using domain::Permission;

std::vector<OrgView> decorate(Context& ctx, std::vector<Organization> orgs) {
  std::vector<OrgId> ids;
  ids.reserve(orgs.size());
  for (const Organization& org : orgs) ids.push_back(org.id);
  const std::map<OrgId, MemberCounts> counts = ctx.tx.orgs().counts(ids);
  const std::map<OrgId, int64_t> children = ctx.tx.orgs().active_child_counts(ids);
  const Date today = ctx.today();
  const std::map<OrgId, Term> running = ctx.tx.terms().running_terms(ids);
  std::vector<OrgView> views;
  views.reserve(orgs.size());
  for (Organization& org : orgs) {
    OrgView view;
    if (auto found = counts.find(org.id); found != counts.end()) view.counts = found->second;
    if (auto found = children.find(org.id); found != children.end())
      view.active_children = found->second;
    view.warnings = domain::structure_warnings(org, ctx.services.catalog.org_kind(org.kind),
                                               view.counts, ctx.services.rules, today);
    if (auto term = running.find(org.id); term != running.end()) {
      if (auto warning = term_warning(ctx.services, org, term->second, today))
        view.warnings.push_back(std::move(*warning));
    }
    view.org = std::move(org);
    views.push_back(std::move(view));
  }
  return views;
}

Result<OrgDetail> detail_in(Context& ctx, const Organization& found) {
  OrgDetail detail;
  std::vector<OrgId> ancestor_ids = found.path.ids();
  ancestor_ids.pop_back();
  detail.ancestors = ctx.tx.orgs().find_many(ancestor_ids);
  detail.view = std::move(decorate(ctx, {found}).front());
  return detail;
}

}  // namespace

Result<std::vector<OrgView>> list_children(Context& ctx, OrgId parent, bool include_inactive) {
  const domain::Reach reach = reach_of(ctx, Permission::kOrgRead);
  // The roots of someone who may read no organization: deny by default. (A given parent is
  // "not found" for them, like any organization they cannot see.)
  if (!parent.valid() && reach.none()) return Error::forbidden("forbidden");
  if (parent.valid()) {
    std::optional<Organization> org = ctx.tx.orgs().find(parent);
    if (!org || !reach.covers(org->path)) return Error::not_found("organization");
    return decorate(ctx, ctx.tx.orgs().children(parent, include_inactive));
  }
  if (reach.everything) return decorate(ctx, ctx.tx.orgs().children(OrgId(), include_inactive));
  // The tops of a scoped actor's view are the organizations of their grants.
  std::vector<OrgId> tops;
  for (const OrgPath& path : reach.subtrees) tops.push_back(path.leaf());
  std::vector<Organization> orgs = ctx.tx.orgs().find_many(tops);
  if (!include_inactive) {
    orgs.erase(std::remove_if(orgs.begin(), orgs.end(),
                              [](const Organization& org) { return !org.active(); }),
               orgs.end());
  }
  return decorate(ctx, std::move(orgs));
}

Result<OrgDetail> get_org(Context& ctx, OrgId id) {
  const domain::Reach reach = reach_of(ctx, Permission::kOrgRead);
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org || !reach.covers(org->path)) return Error::not_found("organization");
  return detail_in(ctx, *org);
}

Result<std::vector<OrgDetail>> search_orgs(Context& ctx, const OrgSearch& search) {
  if (reach_of(ctx, Permission::kOrgRead).none()) return Error::forbidden("forbidden");
  const std::vector<std::string> words = text::fold_words(search.query);
  std::vector<OrgDetail> found;
  std::vector<FieldError> errors;
  std::vector<std::string> kinds;
  for (const std::string& kind : search.kinds) {
    if (!ctx.services.catalog.org_kind(kind))
      errors.push_back({"kind", "unknown_code", {{"value", kind}}});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  const domain::Reach reach = reach_of(ctx, Permission::kOrgRead);
  if (words.empty() || reach.none()) return found;
  for (const domain::OrgKind& kind : ctx.services.catalog.org_kinds) {
    const bool listed = search.kinds.empty() || std::find(search.kinds.begin(), search.kinds.end(),
                                                          kind.code) != search.kinds.end();
    const bool holds = !search.holds_members || *search.holds_members == kind.holds_members;
    if (listed && holds) kinds.push_back(kind.code);
  }
  if (kinds.empty()) return found;
  std::vector<OrgView> views =
      decorate(ctx, ctx.tx.orgs().search(words, kinds,
                                         reach.everything ? std::vector<OrgPath>{} : reach.subtrees,
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
  for (Organization& org : ctx.tx.orgs().find_many(ancestor_ids))
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
  return found;
}

Result<std::vector<Breakdown>> org_breakdowns(Context& ctx, OrgId id) {
  const domain::Reach reach = reach_of(ctx, Permission::kMemberRead);
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org || !reach.covers(org->path)) return Error::not_found("organization");
  return ctx.tx.members().breakdowns(org->path, ctx.today());
}

Result<OrgView> org_view(Context& ctx, OrgId id) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org) return Error::not_found("organization");
  return std::move(decorate(ctx, {*org}).front());
}

}  // namespace chibo::app
