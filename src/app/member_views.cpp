#include "app/member_views.h"

#include <algorithm>

#include "app/access_control.h"
#include "app/discipline.h"

#include "text/fold.h"

namespace chibo::app {

namespace {

constexpr int kMaxAge = 130;

bool is_number_text(const std::string& text) {
  int digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '-' ||
                 c == '/')) {
      return false;
    }
  }
  return digits >= 3;
}

bool has_letter(const std::string& folded) {
  for (char c : folded) {
    if (!(c >= '0' && c <= '9') && c != ' ') return true;
  }
  return false;
}

}  // namespace

Result<MemberFilter> build_filter(Context& ctx, domain::Permission permission,
                                  const MemberQuery& query) {
  const Services& services = ctx.services;
  std::vector<FieldError> errors;
  MemberFilter filter;
  const domain::Reach reach = reach_of(ctx, permission);
  if (reach.none()) return Error::forbidden("forbidden");  // held nowhere: deny by default
  if (query.org.valid()) {
    std::optional<Organization> org = ctx.tx.orgs().find(query.org);
    if (!org || !reach.covers(org->path)) return Error::not_found("organization");
    filter.subtree = org->path;
  } else if (!reach.everything) {
    filter.within = reach.subtrees;
    // Someone who may only see their own record lists just that (or nothing).
    if (reach.subtrees.empty()) filter.only_member = reach.own_member.value_or(MemberId());
  }
  // Filters take codes or names, as bodies and imports do ("sex=Nữ", "status=dự bị").
  for (const std::string& status : query.statuses) {
    if (const domain::MemberStatusInfo* info = services.catalog.lookup_member_status(status)) {
      filter.statuses.push_back(info->code);
    } else {
      errors.push_back({"status", "unknown_code", {{"value", status}}});
    }
  }
  if (query.sex) {
    if (const domain::CatalogEntry* sex = services.catalog.sexes.lookup(*query.sex)) {
      filter.sex = sex->code;
    } else {
      errors.push_back({"sex", "unknown_code", {{"value", *query.sex}}});
    }
  }
  for (const std::string& value : query.ethnicities) {
    if (const domain::CatalogEntry* ethnicity = services.catalog.ethnicities.lookup(value)) {
      filter.ethnicities.push_back(ethnicity->code);
    } else {
      errors.push_back({"ethnicity", "unknown_code", {{"value", value}}});
    }
  }
  const Date today = ctx.today();
  if (query.age_min && (*query.age_min < 0 || *query.age_min > kMaxAge)) {
    errors.push_back({"age_min", "out_of_range", {{"min", "0"}, {"max", std::to_string(kMaxAge)}}});
  }
  if (query.age_max && (*query.age_max < 0 || *query.age_max > kMaxAge)) {
    errors.push_back({"age_max", "out_of_range", {{"min", "0"}, {"max", std::to_string(kMaxAge)}}});
  }
  if (query.age_min && query.age_max && *query.age_min > *query.age_max) {
    errors.push_back({"age_max", "range_reversed", {}});
  }
  // Age a on `today` means born in (today - (a+1) years, today - a years].
  if (query.age_min) filter.born_to = today.add_years(-*query.age_min);
  if (query.age_max) filter.born_from = today.add_years(-(*query.age_max + 1)).add_days(1);
  for (const auto& [name, year] : {std::pair{"admitted_from", query.admitted_year_from},
                                   std::pair{"admitted_to", query.admitted_year_to}}) {
    if (year && (*year < 1930 || *year > today.year())) {
      errors.push_back(
          {name, "out_of_range", {{"min", "1930"}, {"max", std::to_string(today.year())}}});
    }
  }
  if (errors.empty()) {
    if (query.admitted_year_from)
      filter.admitted_from = Date::from_ymd(*query.admitted_year_from, 1, 1);
    if (query.admitted_year_to)
      filter.admitted_to = Date::from_ymd(*query.admitted_year_to, 12, 31);
    if (query.admitted_year_from && query.admitted_year_to &&
        *query.admitted_year_from > *query.admitted_year_to) {
      errors.push_back({"admitted_to", "range_reversed", {}});
    }
  }
  if (query.limit < 1 || query.limit > kMaxPageSize) {
    errors.push_back(
        {"limit", "out_of_range", {{"min", "1"}, {"max", std::to_string(kMaxPageSize)}}});
  }
  if (query.offset < 0) errors.push_back({"offset", "out_of_range", {{"min", "0"}}});
  if (!errors.empty()) return Error::invalid(std::move(errors));

  std::string compact;
  for (char c : query.q) {
    if (c != ' ') compact.push_back(c);
  }
  if (is_number_text(compact)) filter.number_query = compact;
  const std::string folded = text::fold(query.q);
  if (has_letter(folded) || (filter.number_query.empty() && !folded.empty()))
    filter.name_query = folded;
  filter.sort = query.sort;
  filter.descending = query.descending;
  filter.offset = query.offset;
  filter.limit = query.limit;
  return filter;
}

Result<MemberPage> list_members(Context& ctx, const MemberQuery& query) {
  const domain::Reach restricted = reach_of(ctx, domain::Permission::kDisciplineRead);
  Result<MemberFilter> filter = build_filter(ctx, domain::Permission::kMemberRead, query);
  if (!filter) return std::move(filter).error();
  MemberPage page = ctx.tx.members().page(*filter);  // with the items' organization names
  // Restricted fields never reach lists for those who may not read them.
  for (MemberRef& item : page.items) {
    if (!item->discipline_legacy.empty() && !restricted.covers(item->org_path)) {
      auto copy = std::make_shared<Member>(*item);
      redact(*copy, restricted);
      item = std::move(copy);
    }
  }
  return page;
}

Result<MemberDetail> member_detail_in(Transaction& tx, MemberId id) {
  MemberDetail detail;
  std::optional<Member> member = tx.members().find(id);
  if (!member) return Error::not_found("member");
  std::optional<Organization> org = tx.orgs().find(member->org_id);
  if (!org) return Error::internal("member without organization");
  detail.member = std::move(*member);
  detail.org = std::move(*org);
  detail.history = tx.members().history(id);
  return detail;
}

Result<MemberDetail> shown_to(Context& ctx, MemberDetail detail) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kMemberRead);
  const domain::Reach restricted = reach_of(ctx, domain::Permission::kDisciplineRead);
  if (!reach.covers_member(detail.member.id, detail.member.org_path))
    return Error::not_found("member");
  if (restricted.covers(detail.member.org_path)) {
    detail.restricted_shown = true;
    auto decided = decided_sanctions_of(ctx.tx, {detail.member.id});
    std::vector<domain::discipline::DecidedSanction>& cases = decided[detail.member.id];
    detail.member.discipline =
        domain::discipline::discipline_text(cases, detail.member.discipline_legacy);
    detail.discipline_cases = domain::discipline::in_force_of(std::move(cases));
    return detail;
  }
  for (MemberEvent& event : detail.history) {
    event.changes = redact_changes(std::move(event.changes), detail.member, restricted);
  }
  redact(detail.member, restricted);
  return detail;
}

Result<MemberDetail> get_member(Context& ctx, MemberId id, bool record_read) {
  Result<MemberDetail> unchecked = member_detail_in(ctx.tx, id);
  if (!unchecked) return unchecked;
  Result<MemberDetail> detail = shown_to(ctx, std::move(*unchecked));
  if (!detail) return detail;
  if (detail->restricted_shown && record_read && !detail->member.discipline.empty()) {
    // Reading a member's discipline is itself recorded (which cases, not their values), as
    // every read of discipline cases is.
    AuditEntry entry = AuditEntry::about_member("member.read_discipline", detail->member);
    entry.restricted = true;
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& sanction : detail->discipline_cases) ids.push_back(sanction.case_id);
    entry.with("cases", std::move(ids));
    entry.with("legacy_note", !detail->member.discipline_legacy.empty());
    ctx.audit(entry);
  }
  return detail;
}

}  // namespace chibo::app
