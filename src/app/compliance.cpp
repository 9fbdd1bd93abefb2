#include "app/compliance.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/access_control.h"
#include "app/audit_entry.h"
#include "app/meetings.h"
#include "domain/discipline/deadlines.h"
#include "domain/discipline/limitation.h"
#include "domain/dues/month.h"
#include "domain/meetings/schedule.h"
#include "domain/org/structure_warnings.h"

namespace chibo::app {

// Named, not anonymous: the unity build joins this file with the other use cases.
namespace compliance_detail {

using domain::Permission;
namespace dc = domain::compliance;

constexpr size_t kLaggingShown = 10;  // organizations listed as lagging most

// One area's kind of out-of-rule fact. `prepare` fills the question from today and the area's
// rules (false: the source does not apply today); `due_of` turns a stored row's date into the
// day it was due; `link` is the web route of the item's page. A source of restricted records
// names the audit action that records which of them a page of items showed (`read_audit`).
// A source whose rule SQL cannot state exactly (the limitation clock: deferrals move each end)
// selects a superset with its `facts` (ComplianceAsk::facts) and drops rows with `keep`; its
// rows are then counted here, not by SQL (the only place a Source drops a row after SQL).
struct Source {
  const char* area;
  const char* kind;
  Permission permission;
  const char* subject_type;
  bool (*prepare)(const Services&, Date today, ComplianceAsk&);
  std::optional<Date> (*due_of)(const Services&, const ComplianceRow&);
  std::string (*link)(const ComplianceRow&);
  const char* read_audit = nullptr;
  bool (*keep)(const Services&, Date today, const ComplianceRow&) = nullptr;
};

std::optional<Date> due_is_date(const Services&, const ComplianceRow& row) {
  return Date::parse(row.date);
}

bool overdue_before_today(const Services&, Date today, ComplianceAsk& ask) {
  ask.as_of = today;
  return true;
}

// Meetings: the regular period (meetings.regular_every_months) that ended last.
bool last_regular_period(const Services& services, Date today, ComplianceAsk& ask) {
  namespace dm = domain::meetings;
  const dm::Month this_month = dm::Month::of(today);
  const int every = static_cast<int>(
      std::max<int64_t>(1, dm::applied(services.rules, dm::kRegularEveryMonths, today).value));
  const dm::Period current = dm::period_of(this_month, every);
  const dm::Period ended = dm::period_of(current.first.plus(-1), every);
  ask.from = ended.first.first_day();
  ask.to = ended.last.last_day();
  ask.as_of = today;
  ask.org_kinds = meetings_detail::cell_kinds(services);
  return true;
}

// Transfers: in transit past transfer.present_working_days after the letter's date. The query
// takes letters dated before the first day from which the member would still be on time today.
bool transfers_late(const Services& services, Date today, ComplianceAsk& ask) {
  const domain::RuleParameter* days =
      services.rules.in_force("transfer.present_working_days", today);
  if (!days) return false;
  Date first_on_time = today;
  for (int step = 0; step < 400; ++step) {
    const Date earlier = first_on_time.add_days(-1);
    Result<Date> due = services.calendar.add_working_days(earlier, static_cast<int>(days->value));
    if (!due || *due < today) break;
    first_on_time = earlier;
  }
  ask.as_of = first_on_time;
  return true;
}

std::optional<Date> transfer_due(const Services& services, const ComplianceRow& row) {
  const std::optional<Date> letter = Date::parse(row.date);
  if (!letter) return std::nullopt;
  const domain::RuleParameter* days =
      services.rules.in_force("transfer.present_working_days", *letter);
  if (!days) return std::nullopt;
  Result<Date> due = services.calendar.add_working_days(*letter, static_cast<int>(days->value));
  if (!due) return std::nullopt;
  return *due;
}

// Dues: owed for a month that has ended (the arrears list's rule: dues of a month are due
// within it).
bool dues_owed(const Services& services, Date today, ComplianceAsk& ask) {
  ask.as_of = today;
  ask.text = domain::dues::Month::of(today).plus(-1).iso();
  ask.statuses = services.catalog.on_roll_statuses();
  return true;
}

std::optional<Date> month_end(const Services&, const ComplianceRow& row) {
  const std::optional<domain::dues::Month> month = domain::dues::Month::parse(row.date);
  if (!month) return std::nullopt;
  return month->last_day();
}

// Terms: the running terms whose congress is due (domain::term_standing: due when the term
// length in force on the congress's close has run). For each version of the length rule, the
// congresses closed while it was in force and before the last day whose term has run by today.
template <const char* kClass>
bool congress_due(const Services& services, Date today, ComplianceAsk& ask) {
  const std::string key = std::string("term.") + kClass + "_months";
  for (const domain::OrgKind& kind : services.catalog.org_kinds)
    if (kind.term_class == kClass) ask.org_kinds.push_back(kind.code);
  if (ask.org_kinds.empty()) return false;
  const std::vector<domain::RuleParameter>& versions = services.rules.versions(key);
  for (size_t i = 0; i < versions.size(); ++i) {
    const int months = static_cast<int>(versions[i].value);
    // The first closing day whose term has not run by today: due_on = closed + months, and
    // overdue when due_on < today; add_months is monotonic, so the overdue days are a prefix.
    Date first_in_time = today.add_months(-months);
    while (first_in_time.add_days(-1).add_months(months) >= today)
      first_in_time = first_in_time.add_days(-1);
    while (first_in_time.add_months(months) < today) first_in_time = first_in_time.add_days(1);
    Date before = first_in_time;
    if (i + 1 < versions.size()) before = std::min(before, versions[i + 1].effective_from);
    const Date from = i == 0 ? Date::parse("1900-01-01").value() : versions[i].effective_from;
    if (from < before) ask.windows.push_back({from, before});
  }
  ask.as_of = today;
  return true;
}

std::optional<Date> congress_due_on(const Services& services, const ComplianceRow& row,
                                    const char* term_class) {
  const std::optional<Date> closed = Date::parse(row.date);
  if (!closed) return std::nullopt;
  const domain::RuleParameter* months =
      services.rules.in_force(std::string("term.") + term_class + "_months", *closed);
  if (!months) return std::nullopt;
  return closed->add_months(static_cast<int>(months->value));
}

constexpr char kStandardTerm[] = "standard";
constexpr char kCellTerm[] = "cell";

// Discipline: an appeal still pending after discipline.appeal_resolve_days from its receipt
// (working or calendar days as the rule says). The query takes appeals received before the
// first day from which one would still be in time today.
bool appeal_unresolved(const Services& services, Date today, ComplianceAsk& ask) {
  Date first_in_time = today;
  for (int step = 0; step < 1000; ++step) {
    const Date earlier = first_in_time.add_days(-1);
    Result<domain::discipline::Deadline> due = domain::discipline::appeal_resolve_deadline(
        earlier, today, services.rules, services.calendar);
    if (!due || due->overdue) break;
    first_in_time = earlier;
  }
  ask.as_of = first_in_time;
  return true;
}

std::optional<Date> appeal_resolve_due(const Services& services, const ComplianceRow& row) {
  const std::optional<Date> received = Date::parse(row.date);
  if (!received) return std::nullopt;
  Result<domain::discipline::Deadline> due = domain::discipline::appeal_resolve_deadline(
      *received, *received, services.rules, services.calendar);
  if (!due) return std::nullopt;
  return due->due;
}

// Structure (domain::structure_check): the active organizations whose size no longer fits their
// form, as their page warns (org views' structure_warnings, from the same kept counts). A
// warning has no due date: its due is today, 0 days overdue (severity "warning") for as long as
// it lasts.
template <const char* kCode>
bool structure_asked(const Services& services, Date today, ComplianceAsk& ask) {
  const std::optional<domain::StructureCheck> check =
      domain::structure_check(kCode, services.catalog, services.rules, today);
  if (!check) return false;
  ask.org_kinds = check->kinds;
  ask.statuses = check->statuses;
  ask.threshold = check->threshold;
  ask.at_least = check->at_least;
  ask.as_of = today;
  return true;
}

constexpr char kFewOfficial[] = "few_official_members";
constexpr char kBaseCellTooLarge[] = "base_cell_too_large";
constexpr char kBaseCommitteeTooSmall[] = "base_committee_too_small";

// Discipline: an open case whose limitation ends within compliance.limitation_warn_days or has
// ended. SQL takes the cases counted from a breach on or before the last day whose shortest
// period ends by the window's end; `keep` asks the domain for the exact clock.
bool limitation_window(const Services& services, Date today, ComplianceAsk& ask) {
  const domain::RuleParameter* warn = services.rules.in_force(dc::kLimitationWarnDays, today);
  if (!warn) return false;
  const std::optional<Date> last = domain::discipline::latest_breach_ending_by(
      today.add_days(static_cast<int>(warn->value)), services.rules);
  if (!last) return false;
  ask.as_of = *last;
  ask.facts = true;
  return true;
}

// The row's facts: "sanction|category|breach_date|new_breach_date|deferrals JSON".
std::optional<domain::discipline::LimitationFacts> limitation_row_facts(const ComplianceRow& row) {
  namespace dd = domain::discipline;
  std::vector<std::string> parts;
  size_t start = 0;
  for (int field = 0; field < 4; ++field) {
    const size_t bar = row.facts.find('|', start);
    if (bar == std::string::npos) return std::nullopt;
    parts.push_back(row.facts.substr(start, bar - start));
    start = bar + 1;
  }
  const std::optional<dd::Sanction> level = dd::parse_sanction(parts[0]);
  const std::optional<dd::Category> category = dd::parse_category(parts[1]);
  const std::optional<Date> breach = Date::parse(parts[2]);
  if (!level || !category || !breach) return std::nullopt;
  dd::LimitationFacts facts;
  facts.level = *level;
  facts.category = *category;
  facts.breach_date = *breach;
  if (!parts[3].empty()) facts.new_breach_date = Date::parse(parts[3]);
  const nlohmann::json deferrals = nlohmann::json::parse(row.facts.substr(start), nullptr, false);
  if (deferrals.is_array()) {
    for (const nlohmann::json& each : deferrals) {
      if (!each.is_object()) continue;
      const std::optional<Date> from = Date::parse(each.value("from", ""));
      const std::optional<Date> to = Date::parse(each.value("to", ""));
      if (from && to) facts.deferrals.push_back({*from, *to});
    }
  }
  return facts;
}

bool limitation_warns(const Services& services, Date today, const ComplianceRow& row) {
  const domain::RuleParameter* warn = services.rules.in_force(dc::kLimitationWarnDays, today);
  const std::optional<domain::discipline::LimitationFacts> facts = limitation_row_facts(row);
  return warn && facts &&
         domain::discipline::limitation_warning(*facts, today, warn->value, services.rules);
}

// The last day the breach may still be disciplined (the clock's end does not depend on the day
// it is seen from).
std::optional<Date> limitation_ends_on(const Services& services, const ComplianceRow& row) {
  const std::optional<domain::discipline::LimitationFacts> facts = limitation_row_facts(row);
  if (!facts) return std::nullopt;
  const std::optional<domain::discipline::LimitationAnswer> clock =
      domain::discipline::limitation(*facts, facts->breach_date, services.rules);
  if (!clock) return std::nullopt;
  return clock->ends_on;
}

std::string id_link(const char* prefix, int64_t id) { return prefix + std::to_string(id); }

// The sources, in the board's order of areas (see docs/architecture.md).
const std::vector<Source>& sources() {
  static const std::vector<Source> list = {
      {"directives", "directives.assignment_overdue", Permission::kDirectiveRead, "assignment",
       overdue_before_today, due_is_date,
       [](const ComplianceRow& r) { return id_link("/assignments/", r.subject_id); }},
      {"meetings", "meetings.regular_missing", Permission::kMeetingRead, "organization",
       last_regular_period, due_is_date,
       [](const ComplianceRow& r) {
         return "/meetings/missing?org=" + std::to_string(r.org_id.value) +
                "&month=" + r.date.substr(0, 7);
       }},
      {"review", "review.shortcoming_overdue", Permission::kReviewRead, "shortcoming",
       overdue_before_today, due_is_date,
       [](const ComplianceRow& r) { return id_link("/orgs/", r.org_id.value); }},
      {"probation", "probation.recognition_due", Permission::kMemberRead, "member",
       overdue_before_today, due_is_date,
       [](const ComplianceRow& r) { return id_link("/members/", r.subject_id); }},
      {"transfers", "transfers.in_transit_overdue", Permission::kMemberRead, "transfer",
       transfers_late, transfer_due,
       [](const ComplianceRow&) { return std::string("/transfers"); }},
      {"dues", "dues.arrears", Permission::kDuesRead, "member", dues_owed, month_end,
       [](const ComplianceRow& r) { return id_link("/dues/members/", r.subject_id); }},
      {"inspection", "inspection.item_overdue", Permission::kInspectionRead, "inspection",
       overdue_before_today, due_is_date,
       [](const ComplianceRow& r) { return id_link("/inspections/", r.subject_id); }},
      {"terms", "terms.congress_overdue", Permission::kOrgRead, "term", congress_due<kStandardTerm>,
       [](const Services& s, const ComplianceRow& r) {
         return congress_due_on(s, r, kStandardTerm);
       },
       [](const ComplianceRow& r) {
         return "/orgs/" + std::to_string(r.org_id.value) + "?tab=committee";
       }},
      {"terms", "terms.cell_congress_overdue", Permission::kOrgRead, "term",
       congress_due<kCellTerm>,
       [](const Services& s, const ComplianceRow& r) { return congress_due_on(s, r, kCellTerm); },
       [](const ComplianceRow& r) {
         return "/orgs/" + std::to_string(r.org_id.value) + "?tab=committee";
       }},
      {"structure", "org.few_official_members", Permission::kOrgRead, "organization",
       structure_asked<kFewOfficial>, due_is_date,
       [](const ComplianceRow& r) { return id_link("/orgs/", r.org_id.value); }},
      {"structure", "org.base_cell_too_large", Permission::kOrgRead, "organization",
       structure_asked<kBaseCellTooLarge>, due_is_date,
       [](const ComplianceRow& r) { return id_link("/orgs/", r.org_id.value); }},
      {"structure", "org.base_committee_too_small", Permission::kOrgRead, "organization",
       structure_asked<kBaseCommitteeTooSmall>, due_is_date,
       [](const ComplianceRow& r) { return id_link("/orgs/", r.org_id.value); }},
      {"discipline", "discipline.appeal_unresolved", Permission::kDisciplineRead, "discipline_case",
       appeal_unresolved, appeal_resolve_due,
       [](const ComplianceRow& r) { return id_link("/discipline/", r.subject_id); },
       "discipline_case.list"},
      {"discipline", "discipline.limitation_expiring", Permission::kDisciplineRead,
       "discipline_case", limitation_window, limitation_ends_on,
       [](const ComplianceRow& r) { return id_link("/discipline/", r.subject_id); },
       "discipline_case.list", limitation_warns},
  };
  return list;
}

Result<Organization> board_org(Context& ctx, OrgId id) {
  const domain::Reach reach = reach_of(ctx, Permission::kOrgRead);
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org || !reach.covers(org->path)) return Error::not_found("organization");
  return *org;
}

// The sources the caller reads over `org` that apply today, each with its question.
std::vector<std::pair<const Source*, ComplianceAsk>> readable(Context& ctx, const Organization& org,
                                                              const std::string& area = {},
                                                              const std::string& kind = {}) {
  std::vector<std::pair<const Source*, ComplianceAsk>> out;
  std::map<Permission, bool> covers;
  for (const Source& source : sources()) {
    if (!area.empty() && area != source.area) continue;
    if (!kind.empty() && kind != source.kind) continue;
    auto known = covers.find(source.permission);
    if (known == covers.end())
      known = covers.emplace(source.permission, reach_of(ctx, source.permission).covers(org.path))
                  .first;
    if (!known->second) continue;
    ComplianceAsk ask;
    ask.kind = source.kind;
    ask.subtree = org.path;
    if (!source.prepare(ctx.services, ctx.today(), ask)) continue;
    out.emplace_back(&source, std::move(ask));
  }
  return out;
}

// A source's rows as the board counts them: every row `keep` keeps (the candidates SQL selected
// with their facts), or nullopt when SQL states the rule exactly and counts by itself.
std::optional<std::vector<ComplianceRow>> kept_rows(Context& ctx, const Source& source,
                                                    const ComplianceAsk& ask) {
  if (!source.keep) return std::nullopt;
  std::vector<ComplianceRow> rows = ctx.tx.compliance().items(ask, -1);
  const Date today = ctx.today();
  std::erase_if(rows,
                [&](const ComplianceRow& row) { return !source.keep(ctx.services, today, row); });
  return rows;
}

std::vector<dc::PathCount> counts_of(const std::vector<ComplianceRow>& rows) {
  std::map<OrgPath, int64_t> per_path;
  for (const ComplianceRow& row : rows) ++per_path[row.org_path];
  std::vector<dc::PathCount> out;
  for (const auto& [path, n] : per_path) out.push_back({path, n});
  return out;
}

}  // namespace compliance_detail

using namespace compliance_detail;

std::vector<std::pair<std::string, std::string>> compliance_kinds() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Source& source : sources()) out.emplace_back(source.area, source.kind);
  return out;
}

Result<ComplianceBoard> get_compliance_board(Context& ctx, OrgId id) {
  Result<Organization> org = board_org(ctx, id);
  if (!org) return std::move(org).error();
  ComplianceBoard board;
  board.org = *org;
  board.as_of = ctx.today();
  std::vector<Organization> children = ctx.tx.orgs().children(org->id, false);
  std::map<OrgId, ComplianceChild> by_child;
  for (const Organization& child : children) by_child[child.id].org = child;
  std::vector<dc::PathCount> every;
  for (const auto& [source, ask] : readable(ctx, *org)) {
    dc::ChildCounts counts;
    const std::optional<std::vector<ComplianceRow>> kept = kept_rows(ctx, *source, ask);
    std::vector<dc::PathCount> found = kept ? counts_of(*kept) : ctx.tx.compliance().counts(ask);
    dc::roll_up(org->path, found, counts);
    every.insert(every.end(), found.begin(), found.end());
    auto area = std::find_if(board.areas.begin(), board.areas.end(),
                             [&](const ComplianceAreaCount& a) { return a.area == source->area; });
    if (area == board.areas.end()) {
      board.areas.push_back({source->area, 0, {}});
      area = board.areas.end() - 1;
    }
    area->count += counts.total;
    area->kinds.emplace_back(source->kind, counts.total);
    board.total += counts.total;
    board.own += counts.own;
    board.own_areas[source->area] += counts.own;
    for (auto& [child_id, child] : by_child) {
      const auto found = counts.children.find(child_id);
      const int64_t n = found == counts.children.end() ? 0 : found->second;
      child.areas[source->area] += n;
      child.total += n;
    }
  }
  for (const Organization& child : children) board.children.push_back(by_child[child.id]);
  const std::vector<dc::PathCount> top = dc::most_lagging(every, kLaggingShown);
  std::vector<OrgId> ids;
  for (const dc::PathCount& each : top) ids.push_back(each.path.leaf());
  std::map<OrgId, Organization> named;
  for (Organization& each : ctx.tx.orgs().find_many(ids)) named.emplace(each.id, std::move(each));
  for (const dc::PathCount& each : top)
    if (const auto found = named.find(each.path.leaf()); found != named.end())
      board.lagging.emplace_back(found->second, each.count);
  return board;
}

Result<ComplianceItems> list_compliance_items(Context& ctx, const ComplianceItemsQuery& query) {
  Result<Organization> org = board_org(ctx, query.org);
  if (!org) return std::move(org).error();
  ComplianceItems out;
  out.org = *org;
  out.as_of = ctx.today();
  out.page = query.page;
  out.page_size = query.page_size;
  const int64_t offset = static_cast<int64_t>(query.page - 1) * query.page_size;
  std::vector<std::vector<dc::Item>> lists;
  std::map<std::string, nlohmann::json> restricted;  // audit action -> ids the page may show
  for (const auto& [source, ask] : readable(ctx, *org, query.area, query.kind)) {
    // A filtered source's kept rows are all of its items (merge_page orders them by due).
    std::optional<std::vector<ComplianceRow>> rows = kept_rows(ctx, *source, ask);
    if (rows) {
      out.total += static_cast<int64_t>(rows->size());
    } else {
      for (const dc::PathCount& count : ctx.tx.compliance().counts(ask)) out.total += count.count;
      rows = ctx.tx.compliance().items(ask, offset + query.page_size);
    }
    std::vector<dc::Item>& list = lists.emplace_back();
    for (ComplianceRow& row : *rows) {
      dc::Item item;
      item.area = source->area;
      item.kind = source->kind;
      item.org_id = row.org_id;
      item.org_path = row.org_path;
      item.org_name = std::move(row.org_name);
      item.subject_type = source->subject_type;
      item.subject_id = row.subject_id;
      item.subject_label = row.subject_label;
      item.due_on = source->due_of(ctx.services, row).value_or(out.as_of);
      item.days_overdue = std::max(0, out.as_of.serial() - item.due_on.serial());
      item.severity = dc::severity_of(item.days_overdue, ctx.services.rules, out.as_of);
      item.link = source->link(row);
      list.push_back(std::move(item));
    }
  }
  out.items = dc::merge_page(std::move(lists), offset, query.page_size);
  // Restricted records on the page: which ones were shown is in the audit trail, as a list of
  // them read in their own area would be.
  for (const dc::Item& item : out.items) {
    for (const Source& source : sources()) {
      if (source.kind == item.kind && source.read_audit) {
        nlohmann::json& ids = restricted[source.read_audit];
        if (ids.is_null()) ids = nlohmann::json::array();
        ids.push_back(item.subject_id);
      }
    }
  }
  for (auto& [action, ids] : restricted) {
    AuditEntry entry = AuditEntry::about(action, "organization", org->id.value, org->path.str());
    entry.restricted = true;
    entry.with("cases", std::move(ids)).with("via", "compliance");
    ctx.audit(entry);
  }
  return out;
}

}  // namespace chibo::app
