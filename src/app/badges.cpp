#include "app/badges.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "app/access_control.h"
#include "app/lifecycle_support.h"

namespace chibo::app {

namespace {

constexpr size_t kMaxAwards = 2000;

// `day` is one of the award occasions in the rules.
bool is_occasion(const domain::RuleSet& rules, Date day) {
  const std::optional<Date> next = domain::next_occasion(rules, day);
  return next && *next == day;
}

const domain::RuleParameter* milestones_on(const domain::RuleSet& rules, Date occasion) {
  const domain::RuleParameter* rule = rules.in_force("badge.milestone_years", occasion);
  return rule ? rule : rules.latest("badge.milestone_years");
}

}  // namespace

Result<BadgeList> list_badges(Context& ctx, const BadgeListQuery& query,
                              domain::Permission permission) {
  const domain::Reach reach = reach_of(ctx, permission);
  if (reach.none()) return Error::forbidden("forbidden");
  const Services& services = ctx.services;
  Transaction& tx = ctx.tx;
  BadgeList list;
  const Date today = ctx.today();
  if (query.occasion) {
    if (!is_occasion(services.rules, *query.occasion))
      return Error::invalid_field("occasion", "not_an_occasion");
    list.occasion = *query.occasion;
  } else {
    const std::optional<Date> next = domain::next_occasion(services.rules, today);
    if (!next)
      return Error::invalid_field("occasion", "rule_not_in_force", {{"rule", "badge.occasions"}});
    list.occasion = *next;
  }
  list.previous = domain::previous_occasion(services.rules, list.occasion).value_or(Date());
  const domain::RuleParameter* milestones = milestones_on(services.rules, list.occasion);
  if (!milestones) return Error::invalid_field("occasion", "rule_not_in_force");
  for (int wanted : query.milestones) {
    if (std::find(milestones->values.begin(), milestones->values.end(), wanted) ==
        milestones->values.end())
      return Error::invalid_field("milestone", "unknown_code", {{"value", std::to_string(wanted)}});
  }
  std::string exported_path;
  {
    BadgeQuery facts_query;
    facts_query.occasion = list.occasion;
    if (query.org.valid()) {
      std::optional<Organization> org = tx.orgs().find(query.org);
      if (!org || !reach.covers(org->path)) return Error::not_found("organization");
      facts_query.subtree = org->path;
      exported_path = org->path.str();
    } else if (!reach.everything) {
      if (reach.subtrees.empty()) return list;
      facts_query.within = reach.subtrees;
    }
    std::vector<domain::BadgeFacts> facts = tx.lifecycle().badge_facts(facts_query);
    std::map<MemberId, const domain::BadgeFacts*> facts_of;
    for (const domain::BadgeFacts& each : facts) facts_of[each.id] = &each;
    std::vector<domain::BadgeDue> due =
        domain::badges_due(facts, list.occasion, list.previous, milestones->values);
    if (!query.milestones.empty()) {
      due.erase(std::remove_if(due.begin(), due.end(),
                               [&](const domain::BadgeDue& d) {
                                 return std::find(query.milestones.begin(), query.milestones.end(),
                                                  d.milestone) == query.milestones.end();
                               }),
                due.end());
    }
    for (const domain::BadgeDue& d : due) ++list.by_milestone[d.milestone];
    list.total = static_cast<int64_t>(due.size());
    // Highest badges first, then in the order they were reached.
    std::sort(due.begin(), due.end(), [](const domain::BadgeDue& a, const domain::BadgeDue& b) {
      if (a.milestone != b.milestone) return a.milestone > b.milestone;
      if (a.reached_on != b.reached_on) return a.reached_on < b.reached_on;
      return a.id < b.id;
    });
    const size_t begin = std::min<size_t>(due.size(), static_cast<size_t>(query.offset));
    const size_t end = query.limit == 0
                           ? due.size()
                           : std::min<size_t>(due.size(), begin + static_cast<size_t>(query.limit));
    std::vector<MemberId> ids;
    for (size_t index = begin; index < end; ++index) ids.push_back(due[index].id);
    std::map<MemberId, std::pair<Member, std::string>> members;
    for (auto& entry : tx.lifecycle().members_with_org(ids)) {
      const MemberId id = entry.first.id;
      members.emplace(id, std::move(entry));
    }
    for (size_t index = begin; index < end; ++index) {
      auto found = members.find(due[index].id);
      if (found == members.end()) continue;
      const Member& member = found->second.first;
      const domain::BadgeFacts& member_facts = *facts_of.at(member.id);
      list.items.push_back(
          {member, found->second.second, due[index],
           domain::party_age_on(member_facts.admission, member_facts.gaps, list.occasion)});
    }
  }
  if (permission == domain::Permission::kMemberExport) {
    // An export of names is recorded, like the member list's.
    AuditEntry entry = AuditEntry::about("badges.export", "export", 0, exported_path);
    entry.with("occasion", list.occasion.iso()).with("rows", list.total);
    if (query.org.valid()) entry.with("org", query.org.value);
    ctx.audit(entry);
  }
  return list;
}

Result<int> award_badges(Context& ctx, const BadgeAwardRequest& request) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kMemberDecide);
  if (reach.none()) return Error::forbidden("forbidden");
  const Services& services = ctx.services;
  Transaction& tx = ctx.tx;
  std::vector<FieldError> errors;
  if (!is_occasion(services.rules, request.occasion))
    errors.push_back({"occasion", "not_an_occasion", {}});
  if (request.decided_on > ctx.today()) errors.push_back({"decided_on", "date_in_future", {}});
  if (request.document.number.empty()) errors.push_back({"document.number", "required", {}});
  if (request.document.authority.empty()) errors.push_back({"document.authority", "required", {}});
  if (request.awards.empty()) errors.push_back({"awards", "required", {}});
  if (request.awards.size() > kMaxAwards)
    errors.push_back({"awards", "too_many", {{"max", std::to_string(kMaxAwards)}}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  const domain::RuleParameter* milestones = milestones_on(services.rules, request.occasion);
  int awarded = 0;
  std::set<int64_t> seen;
  for (size_t index = 0; index < request.awards.size(); ++index) {
    const auto& [id, milestone] = request.awards[index];
    const std::string prefix = "awards[" + std::to_string(index) + "]";
    std::optional<Member> stored = tx.members().find(id);
    if (!stored || !reach.covers(stored->org_path)) {
      errors.push_back({prefix + ".member_id", "member_not_found", {}});
      continue;
    }
    if (!seen.insert(id.value).second) {
      errors.push_back({prefix + ".member_id", "repeated", {}});
      continue;
    }
    const domain::MemberStatusInfo* standing = services.catalog.member_status(stored->status);
    if (!standing || !standing->on_roll) {
      errors.push_back({prefix + ".member_id", "member_not_on_roll", {}});
      continue;
    }
    if (!milestones || std::find(milestones->values.begin(), milestones->values.end(), milestone) ==
                           milestones->values.end()) {
      errors.push_back(
          {prefix + ".milestone", "unknown_code", {{"value", std::to_string(milestone)}}});
      continue;
    }
    if (milestone <= stored->highest_badge || tx.lifecycle().has_award(id, milestone)) {
      errors.push_back({prefix + ".milestone", "badge_already_awarded", {}});
      continue;
    }
    const Date reached =
        stored->admission_date
            ? domain::milestone_date(*stored->admission_date, gaps_of(tx, id), milestone)
            : request.occasion.add_years(milestone);  // no admission date: not reached
    if (reached > request.occasion) {
      errors.push_back(domain::rule_error(prefix + ".milestone", "badge_not_reached", *milestones,
                                          {{"reached_on", reached.iso()}}));
      continue;
    }
    if (!errors.empty()) continue;  // all or none: only check the rest
    tx.lifecycle().add_award({id, milestone, request.occasion, request.document, request.decided_on,
                              ctx.actor.name, ctx.now()});
    Member member = *stored;
    member.highest_badge = milestone;
    Status saved = save_lifecycle_change(ctx, *stored, member, "badge", request.occasion,
                                         request.document, {{"milestone", milestone}});
    if (!saved) return std::move(saved).error();
    ++awarded;
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  return awarded;
}

}  // namespace chibo::app
