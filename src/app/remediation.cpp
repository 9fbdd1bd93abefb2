#include "app/remediation.h"

#include <map>

#include "app/access_control.h"
#include "domain/remediation/item.h"

namespace chibo::app {

Result<RemediationList> list_remediation(Context& ctx, const RemediationQuery& query) {
  std::optional<Organization> org = ctx.tx.orgs().find(query.org_id);
  if (!org) return Error::not_found("organization");
  // The sources asked for that the actor reads over the organization (hence its subtree).
  RemediationFilter filter;
  for (const std::string& source : domain::remediation::source_names()) {
    if (!query.source.empty() && query.source != source) continue;
    const domain::Permission read = source == domain::remediation::review_source().name
                                        ? domain::Permission::kReviewRead
                                        : domain::Permission::kInspectionRead;
    if (reach_of(ctx, read).covers(org->path)) filter.sources.push_back(source);
  }
  if (filter.sources.empty()) return Error::not_found("organization");
  filter.subtree = org->path;
  if (query.state == "overdue") {
    filter.overdue_on = ctx.today();
  } else {
    filter.state = query.state;
  }
  filter.offset = query.offset;
  filter.limit = query.limit;
  RemediationList list;
  list.offset = query.offset;
  list.limit = query.limit;
  list.total = ctx.tx.remediation().count(filter);
  std::map<int64_t, std::string> org_names;
  auto org_name = [&](OrgId id) -> const std::string& {
    auto found = org_names.find(id.value);
    if (found != org_names.end()) return found->second;
    std::optional<Organization> o = ctx.tx.orgs().find(id);
    return org_names.emplace(id.value, o ? o->name : std::string()).first->second;
  };
  const Date today = ctx.today();
  for (RemediationItem& item : ctx.tx.remediation().list(filter)) {
    RemediationLine line;
    line.org_name = org_name(item.org_id);
    if (item.member_id.valid()) {
      if (std::optional<Member> member = ctx.tx.members().find(item.member_id))
        line.subject_name = member->full_name;
    } else {
      line.subject_name = line.org_name;
    }
    line.overdue = domain::remediation::overdue(item.state, item.due_on, today);
    line.item = std::move(item);
    list.items.push_back(std::move(line));
  }
  return list;
}

}  // namespace chibo::app
