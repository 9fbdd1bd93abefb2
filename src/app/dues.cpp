#include "app/dues.h"

#include <algorithm>
#include <map>

#include "app/access_control.h"

namespace chibo::app {

// Named, not anonymous: the unity build joins this file with the other use cases.
namespace dues_detail {

using domain::Permission;
using domain::dues::Allocation;
using domain::dues::MemberDuesFacts;
using domain::dues::PaymentFact;

constexpr size_t kDuesNoteChars = 1000;
constexpr size_t kReferenceChars = 100;
constexpr size_t kDecisionChars = 255;
// Beyond any party member's monthly income or payment: a typing error, not an amount.
constexpr int64_t kMaxAmount = 1'000'000'000'000;  // 10^12 đồng
constexpr int kMaxMonths = 120;
const char* const kChannels[] = {"cash", "bank", "portal"};

// The last month that has ended on `today`: arrears count up to it.
Month last_ended(Date today) { return Month::of(today).plus(-1); }

void check_length(const std::string& field, const std::string& value, size_t max,
                  std::vector<FieldError>& errors) {
  if (value.size() > max) errors.push_back({field, "too_long", {{"max", std::to_string(max)}}});
}

void check_amount(const std::string& field, int64_t value, bool positive,
                  std::vector<FieldError>& errors) {
  if (positive ? value <= 0 : value < 0) {
    errors.push_back({field, positive ? "must_be_positive" : "out_of_range", {{"min", "0"}}});
  } else if (value > kMaxAmount) {
    errors.push_back({field, "out_of_range", {{"max", std::to_string(kMaxAmount)}}});
  }
}

FieldError field_error(const domain::dues::BasisProblem& problem) {
  FieldError error{problem.field, problem.code, {}};
  for (const auto& [key, value] : problem.params) error.params.emplace_back(key, value);
  return error;
}

bool on_roll(const Services& services, const Member& member) {
  const domain::MemberStatusInfo* status = services.catalog.member_status(member.status);
  return status && status->on_roll;
}

std::vector<std::string> on_roll_statuses(const Services& services) {
  std::vector<std::string> codes;
  for (const auto& status : services.catalog.member_statuses) {
    if (status.on_roll) codes.push_back(status.code);
  }
  return codes;
}

// The member, when the actor may read their dues (own record included).
Result<Member> readable_member(Context& ctx, MemberId id) {
  std::optional<Member> member = ctx.tx.members().find(id);
  if (!member || !reach_of(ctx, Permission::kDuesRead).covers_member(member->id, member->org_path))
    return Error::not_found("member");
  return std::move(*member);
}

// The member, when the actor may record their dues ("forbidden" when they only read them).
Result<Member> writable_member(Context& ctx, MemberId id) {
  std::optional<Member> member = ctx.tx.members().find(id);
  if (!member) return Error::not_found("member");
  if (Status allowed = require_reach(ctx, Permission::kDuesWrite, Permission::kDuesRead,
                                     member->org_path, "member", member->id);
      !allowed)
    return std::move(allowed).error();
  if (!on_roll(ctx.services, *member))
    return Error::conflict("member_not_on_roll", {{"status", member->status}});
  return std::move(*member);
}

// A cell (an organization members are registered in) the actor may read the dues of.
Result<Organization> readable_org(Context& ctx, OrgId id) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org || !reach_of(ctx, Permission::kDuesRead).covers(org->path))
    return Error::not_found("organization");
  return std::move(*org);
}

Result<Organization> readable_cell(Context& ctx, OrgId id) {
  Result<Organization> org = readable_org(ctx, id);
  if (!org) return org;
  const domain::OrgKind* kind = ctx.services.catalog.org_kind(org->kind);
  if (!kind || !kind->holds_members)
    return Error::conflict("org_keeps_no_dues_book", {{"kind", org->kind}});
  return org;
}

Result<Organization> writable_cell(Context& ctx, OrgId id) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org) return Error::not_found("organization");
  if (Status allowed = require_reach(ctx, Permission::kDuesWrite, Permission::kDuesRead, org->path,
                                     "organization");
      !allowed)
    return std::move(allowed).error();
  const domain::OrgKind* kind = ctx.services.catalog.org_kind(org->kind);
  if (!kind || !kind->holds_members)
    return Error::conflict("org_keeps_no_dues_book", {{"kind", org->kind}});
  if (!org->active()) return Error::conflict("org_not_active");
  return std::move(*org);
}

std::string org_name(Context& ctx, OrgId id) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  return org ? org->name : std::string();
}

// Everything a member's dues follow from.
struct MemberLedger {
  MemberDuesFacts facts;
  std::vector<DuesPayment> payments;
  std::vector<DueAmount> dues;  // from the first basis to the horizon
  Allocation allocation;
};

MemberDuesFacts facts_of(const Member& member, std::vector<DuesBasis> bases,
                         std::vector<DuesRelief> reliefs) {
  MemberDuesFacts facts;
  facts.bases = std::move(bases);
  facts.reliefs = std::move(reliefs);
  facts.party_age_anchor =
      member.party_age_anchor ? member.party_age_anchor : member.admission_date;
  return facts;
}

// The dues from the first basis up to `horizon` (or the last month a payment says it is for),
// and the payments applied to them.
MemberLedger ledger_of(const Services& services, MemberDuesFacts facts,
                       std::vector<DuesPayment> payments, Month horizon) {
  MemberLedger ledger;
  ledger.facts = std::move(facts);
  ledger.payments = std::move(payments);
  for (const DuesPayment& p : ledger.payments)
    horizon = std::max(horizon, p.first_month.plus(p.months - 1));
  std::optional<Month> first;
  for (const DuesBasis& basis : ledger.facts.bases)
    if (!first || basis.valid_from < *first) first = basis.valid_from;
  if (first) {
    for (Month m = *first; m <= horizon; m = m.plus(1))
      ledger.dues.push_back(domain::dues::amount_due(ledger.facts, m, services.rules));
  }
  std::vector<PaymentFact> facts_paid;
  for (const DuesPayment& p : ledger.payments)
    facts_paid.push_back({p.id, p.paid_on, p.amount, p.extra});
  ledger.allocation = domain::dues::allocate(ledger.dues, facts_paid);
  return ledger;
}

// Ledgers of many members at once (three queries per 500 members).
std::map<MemberId, MemberLedger> ledgers_of(Context& ctx, const std::vector<Member>& members,
                                            Month horizon) {
  std::vector<MemberId> ids;
  for (const Member& m : members) ids.push_back(m.id);
  auto bases = ctx.tx.dues().bases_of(ids);
  auto reliefs = ctx.tx.dues().reliefs_of(ids);
  auto payments = ctx.tx.dues().payments_of(ids);
  std::map<MemberId, MemberLedger> ledgers;
  for (const Member& m : members) {
    ledgers.emplace(
        m.id, ledger_of(ctx.services, facts_of(m, std::move(bases[m.id]), std::move(reliefs[m.id])),
                        std::move(payments[m.id]), horizon));
  }
  return ledgers;
}

MemberDues member_dues_of(Context& ctx, const Member& member, std::optional<Month> from,
                          std::optional<Month> to) {
  const Month today = Month::of(ctx.today());
  const Month until = to.value_or(today);
  const Month since = from.value_or(until.plus(-11));
  std::vector<Member> one{member};
  MemberLedger ledger = std::move(ledgers_of(ctx, one, std::max(until, today)).at(member.id));
  MemberDues dues;
  dues.member_id = member.id;
  dues.member_name = member.full_name;
  dues.org_id = member.org_id;
  dues.org_name = org_name(ctx, member.org_id);
  dues.from = since;
  dues.to = until;
  for (Month m = since; m <= until; m = m.plus(1)) {
    MemberMonth month;
    const domain::dues::MonthStanding* standing = ledger.allocation.find(m);
    auto found = std::find_if(ledger.dues.begin(), ledger.dues.end(),
                              [&](const DueAmount& d) { return d.month == m; });
    month.due = found != ledger.dues.end()
                    ? *found
                    : domain::dues::amount_due(ledger.facts, m, ctx.services.rules);
    month.paid = standing ? standing->paid : 0;
    dues.months.push_back(std::move(month));
  }
  dues.arrears = ledger.allocation.arrears_through(last_ended(ctx.today()));
  dues.credit = ledger.allocation.credit;
  dues.extra = ledger.allocation.extra;
  dues.bases = std::move(ledger.facts.bases);
  dues.reliefs = std::move(ledger.facts.reliefs);
  dues.payments = std::move(ledger.payments);
  dues.may_write = on_roll(ctx.services, member) &&
                   reach_of(ctx, Permission::kDuesWrite).covers(member.org_path);
  return dues;
}

Status check_window(std::optional<Month> from, std::optional<Month> to) {
  if (from && to && *to < *from) return Error::invalid_field("to", "range_reversed");
  if (from && to && months_between_inclusive(*from, *to) > kMaxMonths)
    return Error::invalid_field("from", "range_too_long", {{"max", std::to_string(kMaxMonths)}});
  return Ok();
}

// The first month the member belongs to their present cell: the month of their admission, or of
// the last move or transfer that brought them there.
std::optional<Month> joined_cell(Context& ctx, const Member& member) {
  std::optional<Date> joined = member.admission_date;
  for (const MemberEvent& event : ctx.tx.members().history(member.id)) {
    if (event.action != "move" && event.action != "transfer" && event.action != "merge") continue;
    std::optional<Date> on = event.effective_on;
    if (!on && event.at.size() >= 10) on = Date::parse(event.at.substr(0, 10));
    if (on && (!joined || *joined < *on)) joined = on;
  }
  if (!joined) return std::nullopt;
  return Month::of(*joined);
}

std::vector<Member> members_of(Context& ctx, const Organization& org) {
  MemberFilter filter;
  filter.subtree = org.path;
  filter.statuses = on_roll_statuses(ctx.services);
  std::vector<Member> members;
  ctx.tx.members().scan(filter, [&](const Member& m, const std::string&) { members.push_back(m); });
  return members;
}

DuesBook book_of(Context& ctx, const Organization& org, Month month) {
  DuesBook book;
  book.org = org;
  book.month = month;
  book.closing = ctx.tx.dues().find_closing(org.id, month);
  book.adjustments = ctx.tx.dues().adjustments_of(org.id, month);
  const std::vector<Member> members = members_of(ctx, org);
  const auto ledgers = ledgers_of(ctx, members, std::max(month, Month::of(ctx.today())));
  for (const Member& member : members) {
    const MemberLedger& ledger = ledgers.at(member.id);
    BookLine line;
    line.member_id = member.id;
    line.member_name = member.full_name;
    line.status = member.status;
    auto found = std::find_if(ledger.dues.begin(), ledger.dues.end(),
                              [&](const DueAmount& d) { return d.month == month; });
    line.due = found != ledger.dues.end()
                   ? *found
                   : domain::dues::amount_due(ledger.facts, month, ctx.services.rules);
    if (const auto* standing = ledger.allocation.find(month)) line.paid_for_month = standing->paid;
    for (const DuesPayment& p : ledger.payments) {
      if (Month::of(p.paid_on) != month || !org.path.contains(p.org_path)) continue;
      line.received_in_month += p.amount;
      line.extra_in_month += p.extra;
    }
    line.arrears = ledger.allocation.arrears_through(month);
    book.due += line.due.status == "due" ? line.due.amount : 0;
    book.paid_for_month += line.paid_for_month;
    book.arrears += line.arrears;
    book.lines.push_back(std::move(line));
  }
  // What the cell received in the month, including from members who have left it since.
  const std::map<OrgId, Collected> collected = ctx.tx.dues().collected_in(org.path, month);
  for (const auto& [id, c] : collected) {
    book.collected += c.amount;
    book.extra += c.extra;
  }
  for (const DuesAdjustment& a : book.adjustments) book.collected += a.amount;
  book.may_write = org.active() && reach_of(ctx, Permission::kDuesWrite).covers(org.path);
  return book;
}

nlohmann::json money_json(int64_t amount) { return amount; }

}  // namespace dues_detail

using namespace dues_detail;

Result<MemberDues> get_member_dues(Context& ctx, MemberId id, std::optional<Month> from,
                                   std::optional<Month> to) {
  Result<Member> member = readable_member(ctx, id);
  if (!member) return std::move(member).error();
  if (Status window = check_window(from, to); !window) return std::move(window).error();
  return member_dues_of(ctx, *member, from, to);
}

Result<MemberDues> get_my_dues(Context& ctx, std::optional<Month> from, std::optional<Month> to) {
  const std::optional<MemberId> own = ctx.actor.principal.member_id;
  if (!own) return Error::conflict("account_not_linked_to_member");
  std::optional<Member> member = ctx.tx.members().find(*own);
  if (!member) return Error::conflict("account_not_linked_to_member");
  if (Status window = check_window(from, to); !window) return std::move(window).error();
  return member_dues_of(ctx, *member, from, to);
}

Result<MemberDues> set_dues_basis(Context& ctx, MemberId id, const BasisRequest& request) {
  Result<Member> member = writable_member(ctx, id);
  if (!member) return std::move(member).error();
  DuesBasis basis;
  basis.valid_from = request.valid_from;
  basis.category = request.category;
  basis.income = request.income;
  basis.fixed_amount = request.fixed_amount;
  basis.note = request.note;
  std::vector<FieldError> errors;
  check_amount("income", request.income, false, errors);
  check_amount("fixed_amount", request.fixed_amount, false, errors);
  check_length("note", request.note, kDuesNoteChars, errors);
  if (errors.empty()) {
    for (const auto& problem : domain::dues::check_basis(basis, ctx.services.rules))
      errors.push_back(field_error(problem));
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  const auto existing = ctx.tx.dues().bases_of({id});
  if (auto found = existing.find(id); found != existing.end()) {
    for (const DuesBasis& b : found->second) {
      if (b.valid_from == basis.valid_from)
        return Error::invalid_field("valid_from", "basis_exists", {{"month", b.valid_from.iso()}});
    }
  }
  // A closed month's dues are locked: a basis may not change them.
  if (ctx.tx.dues().find_closing(member->org_id, basis.valid_from))
    return Error::conflict("month_closed", {{"month", basis.valid_from.iso()}});
  ctx.tx.dues().insert_basis(id, basis, ctx.now(), ctx.actor.name);
  AuditEntry entry = AuditEntry::about_member("dues.basis_set", *member);
  entry.with("basis_id", basis.id)
      .with("valid_from", basis.valid_from.iso())
      .with("category", basis.category)
      .with("income", money_json(basis.income))
      .with("fixed_amount", money_json(basis.fixed_amount));
  ctx.audit(entry);
  return member_dues_of(ctx, *member, std::nullopt, std::nullopt);
}

Result<MemberDues> record_dues_relief(Context& ctx, MemberId id, const ReliefRequest& request) {
  Result<Member> member = writable_member(ctx, id);
  if (!member) return std::move(member).error();
  DuesRelief relief;
  relief.kind = request.kind;
  relief.percent = request.kind == "exemption" ? 100 : request.percent;
  relief.from = request.from;
  relief.months = request.months;
  relief.decision_number = request.decision.number;
  relief.decision_authority = request.decision.authority;
  relief.reason = request.reason;
  std::vector<FieldError> errors;
  for (const auto& problem : domain::dues::check_relief(relief, ctx.services.rules))
    errors.push_back(field_error(problem));
  if (request.decision.number.empty()) errors.push_back({"decision.number", "required", {}});
  check_length("decision.number", request.decision.number, kDecisionChars, errors);
  check_length("decision.authority", request.decision.authority, kDecisionChars, errors);
  check_length("reason", request.reason, kDuesNoteChars, errors);
  if (request.decision_date && *request.decision_date > ctx.today())
    errors.push_back({"decision_date", "date_in_future", {}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  ctx.tx.dues().insert_relief(id, relief, request.decision_date, ctx.now(), ctx.actor.name);
  AuditEntry entry = AuditEntry::about_member("dues.relief_record", *member);
  entry.with("relief_id", relief.id)
      .with("kind", relief.kind)
      .with("percent", relief.percent)
      .with("from", relief.from.iso())
      .with("months", relief.months ? nlohmann::json(*relief.months) : nlohmann::json(nullptr))
      .with_document(request.decision, request.decision_date.value_or(relief.from.first_day()));
  ctx.audit(entry);
  return member_dues_of(ctx, *member, std::nullopt, std::nullopt);
}

Result<MemberDues> record_dues_payment(Context& ctx, MemberId id, const PaymentRequest& request) {
  Result<Member> member = writable_member(ctx, id);
  if (!member) return std::move(member).error();
  std::vector<FieldError> errors;
  check_amount("amount", request.amount, true, errors);
  check_amount("extra", request.extra, false, errors);
  if (request.paid_on > ctx.today()) errors.push_back({"paid_on", "date_in_future", {}});
  if (request.months < 1 || request.months > kMaxMonths) {
    errors.push_back(
        {"months", "out_of_range", {{"min", "1"}, {"max", std::to_string(kMaxMonths)}}});
  }
  if (std::find(std::begin(kChannels), std::end(kChannels), request.channel) ==
      std::end(kChannels)) {
    errors.push_back({"channel", request.channel.empty() ? "required" : "unknown_code", {}});
  }
  check_length("reference", request.reference, kReferenceChars, errors);
  check_length("note", request.note, kDuesNoteChars, errors);
  if (request.channel == "portal" && request.reference.empty())
    errors.push_back({"reference", "required", {}});
  if (const std::optional<Month> joined = joined_cell(ctx, *member);
      joined && request.first_month < *joined) {
    errors.push_back({"first_month", "before_joining_cell", {{"joined", joined->iso()}}});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (!request.reference.empty() &&
      ctx.tx.dues().reference_taken(request.channel, request.reference)) {
    return Error::invalid_field("reference", "reference_taken");
  }
  const Month book = Month::of(request.paid_on);
  if (ctx.tx.dues().find_closing(member->org_id, book))
    return Error::conflict("month_closed", {{"month", book.iso()}});
  DuesPayment payment;
  payment.member_id = member->id;
  payment.org_id = member->org_id;
  payment.org_path = member->org_path;
  payment.paid_on = request.paid_on;
  payment.first_month = request.first_month;
  payment.months = request.months;
  payment.amount = request.amount;
  payment.extra = request.extra;
  payment.channel = request.channel;
  payment.reference = request.reference;
  payment.note = request.note;
  payment.created_at = ctx.now();
  payment.created_by = ctx.actor.name;
  ctx.tx.dues().insert_payment(payment);
  AuditEntry entry = AuditEntry::about_member("dues.payment_record", *member);
  entry.with("payment_id", payment.id)
      .with("paid_on", payment.paid_on.iso())
      .with("first_month", payment.first_month.iso())
      .with("months", payment.months)
      .with("amount", money_json(payment.amount))
      .with("extra", money_json(payment.extra))
      .with("channel", payment.channel)
      .with("reference", payment.reference);
  ctx.audit(entry);
  return member_dues_of(ctx, *member, std::nullopt, std::nullopt);
}

Result<DuesBook> get_dues_book(Context& ctx, OrgId id, Month month) {
  Result<Organization> org = readable_cell(ctx, id);
  if (!org) return std::move(org).error();
  return book_of(ctx, *org, month);
}

Result<DuesBook> close_dues_month(Context& ctx, OrgId id, Month month) {
  Result<Organization> org = writable_cell(ctx, id);
  if (!org) return std::move(org).error();
  if (!(month < Month::of(ctx.today())))
    return Error::invalid_field("month", "month_not_over", {{"month", month.iso()}});
  if (ctx.tx.dues().find_closing(id, month))
    return Error::conflict("month_closed", {{"month", month.iso()}});
  DuesBook book = book_of(ctx, *org, month);
  const domain::dues::RemittanceLine split =
      domain::dues::split(id.value, org->kind, org->parent_id.valid(), book.collected + book.extra,
                          0, ctx.services.rules, month.last_day());
  DuesClosing closing;
  closing.org_id = id;
  closing.org_path = org->path;
  closing.month = month;
  closing.members = static_cast<int64_t>(book.lines.size());
  closing.due = book.due;
  closing.collected = book.collected;
  closing.extra = book.extra;
  closing.kept = split.kept;
  closing.sent_up = split.sent_up;
  closing.keep_bp = split.keep_bp;
  closing.closed_at = ctx.now();
  closing.closed_by = ctx.actor.name;
  ctx.tx.dues().insert_closing(closing);
  AuditEntry entry =
      AuditEntry::about("dues.month_close", "organization", id.value, org->path.str());
  entry.with("month", month.iso())
      .with("members", closing.members)
      .with("due", closing.due)
      .with("collected", closing.collected)
      .with("extra", closing.extra)
      .with("kept", closing.kept)
      .with("sent_up", closing.sent_up)
      .with("rule", split.rule_key);
  ctx.audit(entry);
  book.closing = closing;
  return book;
}

Result<DuesBook> record_dues_adjustment(Context& ctx, OrgId id, Month month, int64_t amount,
                                        const std::string& reason) {
  Result<Organization> org = writable_cell(ctx, id);
  if (!org) return std::move(org).error();
  std::vector<FieldError> errors;
  if (amount == 0 || amount > kMaxAmount || amount < -kMaxAmount)
    errors.push_back({"amount", "out_of_range", {{"max", std::to_string(kMaxAmount)}}});
  if (reason.empty()) errors.push_back({"reason", "required", {}});
  check_length("reason", reason, kDuesNoteChars, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  // Only a closed month is corrected this way: an open one takes payments.
  if (!ctx.tx.dues().find_closing(id, month))
    return Error::conflict("month_not_closed", {{"month", month.iso()}});
  DuesAdjustment adjustment;
  adjustment.org_id = id;
  adjustment.month = month;
  adjustment.amount = amount;
  adjustment.reason = reason;
  adjustment.created_at = ctx.now();
  adjustment.created_by = ctx.actor.name;
  ctx.tx.dues().insert_adjustment(adjustment);
  AuditEntry entry =
      AuditEntry::about("dues.adjustment", "organization", id.value, org->path.str());
  entry.with("adjustment_id", adjustment.id)
      .with("month", month.iso())
      .with("amount", amount)
      .with("reason", reason);
  ctx.audit(entry);
  return book_of(ctx, *org, month);
}

Result<Reconciliation> get_dues_reconciliation(Context& ctx, OrgId id, Month month) {
  Result<Organization> org = readable_org(ctx, id);
  if (!org) return std::move(org).error();
  Reconciliation recon;
  recon.org = *org;
  recon.month = month;
  const std::vector<DuesOrg> orgs = ctx.tx.dues().orgs_in(org->path);
  std::map<OrgId, DuesClosing> closed;
  for (DuesClosing& c : ctx.tx.dues().closings_in(org->path, month))
    closed[c.org_id] = std::move(c);
  const std::map<OrgId, Collected> live = ctx.tx.dues().collected_in(org->path, month);
  std::vector<domain::dues::RemittanceNode> nodes;
  for (const DuesOrg& o : orgs) {
    const domain::OrgKind* kind = ctx.services.catalog.org_kind(o.kind);
    domain::dues::RemittanceNode node;
    node.org_id = o.id.value;
    node.parent_id = o.parent_id.value;
    node.kind = o.kind;
    node.depth = o.path.depth();
    if (kind && kind->holds_members) {
      if (auto c = closed.find(o.id); c != closed.end()) {
        node.collected = c->second.collected + c->second.extra;
      } else if (auto l = live.find(o.id); l != live.end()) {
        node.collected = l->second.amount + l->second.extra;
      }
    }
    nodes.push_back(node);
  }
  const auto lines = domain::dues::roll_up(nodes, ctx.services.rules, month.last_day());
  for (size_t i = 0; i < orgs.size(); ++i) {
    const domain::OrgKind* kind = ctx.services.catalog.org_kind(orgs[i].kind);
    ReconciliationLine line;
    line.org = orgs[i];
    line.line = lines[i];
    line.holds_members = kind && kind->holds_members;
    line.closed = closed.count(orgs[i].id) > 0;
    if (line.holds_members && !line.closed) ++recon.open_cells;
    recon.lines.push_back(std::move(line));
  }
  return recon;
}

Result<ArrearsList> get_dues_arrears(Context& ctx, OrgId id, int year) {
  Result<Organization> org = readable_org(ctx, id);
  if (!org) return std::move(org).error();
  ArrearsList list;
  list.org = *org;
  list.year = year;
  list.through = std::min(Month::of(year, 12), last_ended(ctx.today()));
  const std::vector<Member> members = members_of(ctx, *org);
  const auto ledgers = ledgers_of(ctx, members, std::max(list.through, Month::of(ctx.today())));
  std::map<OrgId, std::string> names;
  for (const Member& member : members) {
    const MemberLedger& ledger = ledgers.at(member.id);
    UnpaidYear unpaid =
        domain::dues::unpaid_in_year(ledger.allocation, year, list.through, ctx.services.rules);
    if (!unpaid.listed()) continue;
    ArrearsEntry entry;
    entry.member_id = member.id;
    entry.member_name = member.full_name;
    entry.org_id = member.org_id;
    auto name = names.find(member.org_id);
    if (name == names.end())
      name = names.emplace(member.org_id, org_name(ctx, member.org_id)).first;
    entry.org_name = name->second;
    entry.arrears = ledger.allocation.arrears_through(list.through);
    entry.unpaid = std::move(unpaid);
    list.items.push_back(std::move(entry));
  }
  return list;
}

}  // namespace chibo::app
