#include "app/dues.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "app/access_control.h"
#include "io/xlsx/xlsx_reader.h"
#include "io/xlsx/xlsx_writer.h"
#include "text/fold.h"
#include "text/person_name.h"

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

// The day the member joined, for their dues: admission, or a later arrival from outside the tree
// (a completed incoming transfer); the months before it were owed elsewhere.
std::optional<Date> joined_party(const Member& member, std::optional<Date> arrived) {
  if (arrived && (!member.admission_date || *member.admission_date < *arrived)) return arrived;
  return member.admission_date;
}

MemberDuesFacts facts_of(const Services& services, const Member& member,
                         std::vector<DuesBasis> bases, std::vector<DuesRelief> reliefs,
                         std::optional<Date> arrived) {
  MemberDuesFacts facts;
  facts.owed =
      domain::dues::owed_span(joined_party(member, arrived), member.exit_date, services.rules);
  facts.bases = std::move(bases);
  facts.reliefs = std::move(reliefs);
  facts.party_age_anchor =
      member.party_age_anchor ? member.party_age_anchor : member.admission_date;
  return facts;
}

// The same from the few member columns the removal list reads (ArrearsFacts).
MemberDuesFacts facts_of(const Services& services, ArrearsFacts& candidate) {
  Member member;
  member.admission_date = candidate.admission_date;
  member.exit_date = candidate.exit_date;
  member.party_age_anchor = candidate.party_age_anchor;
  return facts_of(services, member, std::move(candidate.bases), std::move(candidate.reliefs),
                  candidate.arrived);
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
  const auto arrivals = ctx.tx.dues().arrivals_of(ids);
  std::map<MemberId, MemberLedger> ledgers;
  for (const Member& m : members) {
    const auto arrived = arrivals.find(m.id);
    ledgers.emplace(
        m.id, ledger_of(ctx.services,
                        facts_of(ctx.services, m, std::move(bases[m.id]), std::move(reliefs[m.id]),
                                 arrived == arrivals.end() ? std::nullopt
                                                           : std::optional(arrived->second)),
                        std::move(payments[m.id]), horizon));
  }
  return ledgers;
}

// Keeps the member's derived dues standing (migration 0019) in the transaction of a dues write.
void refresh_standing(Context& ctx, const Member& member) {
  const std::vector<MemberId> one{member.id};
  auto bases = ctx.tx.dues().bases_of(one);
  auto reliefs = ctx.tx.dues().reliefs_of(one);
  auto payments = ctx.tx.dues().payments_of(one);
  const auto arrivals = ctx.tx.dues().arrivals_of(one);
  const MemberDuesFacts facts =
      facts_of(ctx.services, member, std::move(bases[member.id]), std::move(reliefs[member.id]),
               arrivals.count(member.id) ? std::optional(arrivals.at(member.id)) : std::nullopt);
  int64_t paid = 0;
  for (const DuesPayment& p : payments[member.id]) paid += p.amount;
  ctx.tx.dues().put_standing(
      member.id,
      domain::dues::dues_standing(facts, paid, ctx.services.rules, Month::of(ctx.today())), paid,
      ctx.now());
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
std::optional<Date> joined_cell_on(Context& ctx, const Member& member) {
  std::optional<Date> joined = member.admission_date;
  for (const MemberEvent& event : ctx.tx.members().history(member.id)) {
    if (event.action != "move" && event.action != "transfer" && event.action != "merge" &&
        event.action != "transfer_in")
      continue;
    std::optional<Date> on = event.effective_on;
    if (!on && event.at.size() >= 10) on = Date::parse(event.at.substr(0, 10));
    if (on && (!joined || *joined < *on)) joined = on;
  }
  return joined;
}

std::optional<Month> joined_cell(Context& ctx, const Member& member) {
  const std::optional<Date> joined = joined_cell_on(ctx, member);
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

// The members on a cell's book for `month`: those who belonged to it that month, from the month
// they joined it (admission, a transfer in, a move) to the month they left (exit_date), by the
// rules of domain::dues::owed_span. Members who have left since are still on the months before.
std::vector<Member> book_members_of(Context& ctx, const Organization& org, Month month) {
  std::vector<Member> candidates = members_of(ctx, org);
  MemberFilter left;
  left.subtree = org.path;
  for (const auto& status : ctx.services.catalog.member_statuses)
    if (!status.on_roll) left.statuses.push_back(status.code);
  if (!left.statuses.empty()) {
    ctx.tx.members().scan(left, [&](const Member& m, const std::string&) {
      if (m.exit_date && month <= Month::of(*m.exit_date)) candidates.push_back(m);
    });
  }
  std::vector<Member> members;
  for (Member& m : candidates) {
    if (domain::dues::owed_span(joined_cell_on(ctx, m), m.exit_date, ctx.services.rules)
            .covers(month))
      members.push_back(std::move(m));
  }
  // Name order, as the roll's scan gives it (the members who left are merged in).
  std::stable_sort(members.begin(), members.end(), [](const Member& a, const Member& b) {
    return text::name_sort_key(a.full_name) < text::name_sort_key(b.full_name);
  });
  return members;
}

// What is wrong with a payment for `member` (its fields alone, and the month it is for against
// the member's joining the cell); the reference's uniqueness and the closed month are checked
// by the callers.
std::vector<FieldError> payment_errors(Context& ctx, const Member& member,
                                       const PaymentRequest& request) {
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
  if (const std::optional<Month> joined = joined_cell(ctx, member);
      joined && request.first_month < *joined) {
    errors.push_back({"first_month", "before_joining_cell", {{"joined", joined->iso()}}});
  }
  return errors;
}

// Records a checked payment and its audit entry (`import_row`: the spreadsheet row it came from).
DuesPayment insert_payment(Context& ctx, const Member& member, const PaymentRequest& request,
                           const int64_t* import_row) {
  DuesPayment payment;
  payment.member_id = member.id;
  payment.org_id = member.org_id;
  payment.org_path = member.org_path;
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
  AuditEntry entry = AuditEntry::about_member("dues.payment_record", member);
  entry.with("payment_id", payment.id)
      .with("paid_on", payment.paid_on.iso())
      .with("first_month", payment.first_month.iso())
      .with("months", payment.months)
      .with("amount", payment.amount)
      .with("extra", payment.extra)
      .with("channel", payment.channel)
      .with("reference", payment.reference);
  if (import_row) entry.with("import_row", *import_row);
  ctx.audit(entry);
  return payment;
}

DuesBook book_of(Context& ctx, const Organization& org, Month month) {
  DuesBook book;
  book.org = org;
  book.month = month;
  book.closing = ctx.tx.dues().find_closing(org.id, month);
  book.adjustments = ctx.tx.dues().adjustments_of(org.id, month);
  const std::vector<Member> members = book_members_of(ctx, org, month);
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
  refresh_standing(ctx, *member);
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
  refresh_standing(ctx, *member);
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
  std::vector<FieldError> errors = payment_errors(ctx, *member, request);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  if (!request.reference.empty() &&
      ctx.tx.dues().reference_taken(request.channel, request.reference)) {
    return Error::invalid_field("reference", "reference_taken");
  }
  const Month book = Month::of(request.paid_on);
  if (ctx.tx.dues().find_closing(member->org_id, book))
    return Error::conflict("month_closed", {{"month", book.iso()}});
  insert_payment(ctx, *member, request, nullptr);
  refresh_standing(ctx, *member);
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
  // The breadcrumb: the organizations above it that the reader reaches, from the top down.
  const domain::Reach reach = reach_of(ctx, Permission::kDuesRead);
  std::vector<OrgId> above;
  for (const OrgId& on_path : org->path.ids())
    if (on_path != org->id) above.push_back(on_path);
  std::map<OrgId, Organization> above_orgs;
  for (Organization& o : ctx.tx.orgs().find_many(above)) above_orgs[o.id] = std::move(o);
  for (const OrgId& crumb : above) {
    auto it = above_orgs.find(crumb);
    if (it != above_orgs.end() && reach.covers(it->second.path)) recon.path.push_back(it->second);
  }
  recon.path.push_back(*org);
  // The whole subtree's remittance in memory (three statements), then only the drill-down leaves.
  const std::vector<DuesOrg> orgs = ctx.tx.dues().orgs_in(org->path);
  std::map<OrgId, DuesClosing> closed;
  for (DuesClosing& c : ctx.tx.dues().closings_in(org->path, month))
    closed[c.org_id] = std::move(c);
  const std::map<OrgId, Collected> live = ctx.tx.dues().collected_in(org->path, month);
  std::vector<domain::dues::RemittanceNode> nodes;
  nodes.reserve(orgs.size());
  for (const DuesOrg& o : orgs) {
    const domain::OrgKind* kind = ctx.services.catalog.org_kind(o.kind);
    domain::dues::RemittanceNode node;
    node.org_id = o.id.value;
    node.parent_id = o.parent_id.value;
    node.kind = o.kind;
    node.depth = o.path.depth();
    node.holds_members = kind && kind->holds_members;
    if (node.holds_members) {
      if (auto c = closed.find(o.id); c != closed.end()) {
        node.collected = c->second.collected + c->second.extra;
      } else {
        node.open = true;
        if (auto l = live.find(o.id); l != live.end())
          node.collected = l->second.amount + l->second.extra;
      }
    }
    nodes.push_back(std::move(node));
  }
  const Date on = month.last_day();
  const auto lines = domain::dues::roll_up(nodes, ctx.services.rules, on);
  domain::dues::DrillDown drill = domain::dues::drill_down(nodes, lines, org->id.value);
  std::map<int64_t, size_t> index;
  for (size_t i = 0; i < orgs.size(); ++i) index[orgs[i].id.value] = i;
  auto line_of = [&](domain::dues::SubtreeLine sums) {
    ReconciliationLine line;
    const size_t i = index.at(sums.org_id);
    line.org = orgs[i];
    line.holds_members = nodes[i].holds_members;
    line.sums = std::move(sums);
    return line;
  };
  if (index.count(org->id.value)) {
    recon.line = line_of(std::move(drill.top));
  } else {
    // Not active (dissolved, merged): nothing of its own; its line stays empty.
    recon.line.org = {org->id, org->parent_id, org->path, org->kind, org->name};
    recon.line.sums.org_id = org->id.value;
  }
  for (domain::dues::SubtreeLine& child : drill.children)
    recon.children.push_back(line_of(std::move(child)));
  // Each share's rule once, in the order first met.
  std::set<std::string> seen;
  auto add_rule = [&](const std::string& key) {
    if (key.empty() || !seen.insert(key).second) return;
    if (const domain::RuleParameter* rule = ctx.services.rules.in_force(key, on))
      recon.rules.push_back({key, rule->value, rule->source});
  };
  add_rule(recon.line.sums.rule_key);
  for (const ReconciliationLine& child : recon.children) add_rule(child.sums.rule_key);
  return recon;
}

Result<ArrearsList> get_dues_arrears(Context& ctx, OrgId id, int year) {
  return get_dues_arrears_page(ctx, id, year, ArrearsPage{});
}

Result<ArrearsList> get_dues_arrears_page(Context& ctx, OrgId id, int year,
                                          const ArrearsPage& page) {
  Result<Organization> org = readable_org(ctx, id);
  if (!org) return std::move(org).error();
  ArrearsList list;
  list.org = *org;
  list.year = year;
  list.through = std::min(Month::of(year, 12), last_ended(ctx.today()));
  const domain::RuleParameter* threshold =
      ctx.services.rules.in_force("dues.unpaid_months_for_removal", list.through.last_day());
  if (!threshold || threshold->value <= 0) return list;
  // Only members whose standing says they owe since `cut` can have `threshold` unpaid months of
  // the year up to `through` (payments are applied oldest month first): they are read through the
  // standings' index, then checked exactly on their ledger.
  const Month cut = list.through.plus(-static_cast<int>(threshold->value - 1));
  if (cut < Month::of(year, 1)) return list;
  const std::vector<std::string> statuses = on_roll_statuses(ctx.services);
  const size_t limit = page.limit ? *page.limit : SIZE_MAX;
  MemberId after = page.after;
  // Batches of candidates with their dues facts, four statements each: 5,000 for the whole list
  // (65,000 members owe a few thousand), twice its size for a page until it is full.
  const size_t batch = page.limit ? std::clamp<size_t>(*page.limit * 2, 50, 500) : 5000;
  while (list.items.size() < limit) {
    std::vector<ArrearsFacts> candidates =
        ctx.tx.dues().arrears_facts(org->path, statuses, cut, after, batch);
    for (ArrearsFacts& candidate : candidates) {
      // The months up to `through` only, from the payments' sum: they come out as in the
      // member's whole ledger (domain::dues::allocate_through).
      const Allocation allocation = domain::dues::allocate_through(
          facts_of(ctx.services, candidate), candidate.paid, ctx.services.rules, list.through);
      UnpaidYear unpaid =
          domain::dues::unpaid_in_year(allocation, year, list.through, ctx.services.rules);
      if (!unpaid.listed()) continue;
      ArrearsEntry entry;
      entry.member_id = candidate.member_id;
      entry.member_name = std::move(candidate.full_name);
      entry.org_id = candidate.org_id;
      entry.org_name = std::move(candidate.org_name);
      entry.arrears = allocation.arrears_through(list.through);
      entry.unpaid = std::move(unpaid);
      list.items.push_back(std::move(entry));
      if (list.items.size() == limit) {
        list.next_after = candidate.member_id;
        break;
      }
    }
    if (candidates.size() < batch) break;
    after = candidates.back().member_id;
  }
  // A page that ended exactly with the last candidate says there is more; the next page is empty.
  return list;
}

Result<std::vector<std::string>> check_dues_standings(Context& ctx) {
  std::vector<std::string> problems;
  const auto stored = ctx.tx.dues().all_standings();
  const auto stored_paid = ctx.tx.dues().all_standing_paid();
  const std::vector<MemberId> with_bases = ctx.tx.dues().members_with_bases();
  constexpr size_t kChunk = 500;
  for (size_t from = 0; from < with_bases.size(); from += kChunk) {
    std::vector<Member> members;
    for (size_t i = from; i < with_bases.size() && i < from + kChunk; ++i) {
      if (std::optional<Member> member = ctx.tx.members().find(with_bases[i]))
        members.push_back(std::move(*member));
    }
    std::vector<MemberId> ids;
    for (const Member& m : members) ids.push_back(m.id);
    auto bases = ctx.tx.dues().bases_of(ids);
    auto reliefs = ctx.tx.dues().reliefs_of(ids);
    auto payments = ctx.tx.dues().payments_of(ids);
    const auto arrivals = ctx.tx.dues().arrivals_of(ids);
    for (const Member& member : members) {
      const std::string who = "member " + std::to_string(member.id.value);
      auto found = stored.find(member.id);
      if (found == stored.end() || !found->second) {
        problems.push_back(who + ": has a dues basis but no dues standing (dues_standings)");
        continue;
      }
      const MemberDuesFacts facts = facts_of(
          ctx.services, member, std::move(bases[member.id]), std::move(reliefs[member.id]),
          arrivals.count(member.id) ? std::optional(arrivals.at(member.id)) : std::nullopt);
      int64_t paid = 0;
      for (const DuesPayment& p : payments[member.id]) paid += p.amount;
      // The kept sum of payments (the removal list reads it instead of the payments).
      if (const auto kept = stored_paid.find(member.id);
          kept != stored_paid.end() && kept->second != paid) {
        problems.push_back(who + ": dues standing keeps " + std::to_string(kept->second) +
                           " paid, the payments sum to " + std::to_string(paid));
      }
      // The stored month may be earlier than the truth, never later.
      if (auto earlier = domain::dues::first_unpaid_month(facts, paid, ctx.services.rules,
                                                          found->second->plus(-1))) {
        problems.push_back(who + ": dues standing " + found->second->iso() +
                           " is later than the first unpaid month " + earlier->iso());
      }
    }
  }
  return problems;
}

// ---- XLSX: the book out, a month's payments in -----------------------------------------------

namespace dues_xlsx_detail {

using io::xlsx::Cell;
using io::xlsx::CellValue;
using io::xlsx::Style;

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// "1%", "0,5%": a rate in basis points as Vietnamese write it.
std::string rate_text(int64_t basis_points) {
  std::string text = std::to_string(basis_points / 100);
  int64_t rest = basis_points % 100;
  if (rest) {
    std::string decimals = two_digits(static_cast<int>(rest));
    if (decimals.back() == '0') decimals.pop_back();
    text += "," + decimals;
  }
  return text + "%";
}

std::string rate_of(const DueAmount& due) {
  if (due.status == "exempt_party_age" || due.status == "exempt_decision") return "Miễn";
  for (const auto& rule : due.rules) {
    if (rule.key.size() > 8 && rule.key.compare(rule.key.size() - 8, 8, "_rate_bp") == 0)
      return rate_text(rule.value);
  }
  return due.status == "due" ? "Mức cố định" : "";
}

std::string remark_of(const DueAmount& due) {
  if (due.status == "exempt_party_age") return "Miễn (đủ 50 năm tuổi đảng)";
  if (due.status == "exempt_decision") return "Miễn theo quyết định";
  if (due.status == "no_basis") return "Chưa có mức đóng";
  if (due.status == "no_rule") return "Không có quy định áp dụng";
  if (due.reduction_percent > 0) return "Giảm " + std::to_string(due.reduction_percent) + "%";
  return "";
}

std::string vi_date(Date date) {
  return two_digits(date.day()) + "/" + two_digits(date.month()) + "/" +
         std::to_string(date.year());
}

void write_book_sheet(io::xlsx::Writer& out, const DuesBook& book, const Date& today) {
  const int month = book.month.month();
  const int year = book.month.year();
  out.add_sheet("Tháng " + two_digits(month) + "-" + std::to_string(year),
                {6, 30, 16, 12, 14, 14, 16, 26});
  std::string name = book.org.name;
  out.title(name, Style::kSubtitle);
  out.title("SỔ THU ĐẢNG PHÍ", Style::kTitle);
  out.title("Tháng " + two_digits(month) + " năm " + std::to_string(year), Style::kSubtitle);
  out.title("Đơn vị tính: đồng", Style::kNote);
  out.row({Cell::of("STT", Style::kHeader), Cell::of("Họ và tên", Style::kHeader),
           Cell::of("Mức căn cứ đóng", Style::kHeader), Cell::of("Tỷ lệ", Style::kHeader),
           Cell::of("Số phải đóng", Style::kHeader), Cell::of("Đã nộp", Style::kHeader),
           Cell::of("Còn nợ (lũy kế)", Style::kHeader), Cell::of("Ghi chú", Style::kHeader)});
  int64_t number = 0;
  for (const BookLine& line : book.lines) {
    const int64_t due = line.due.status == "due" ? line.due.amount : 0;
    out.row({Cell::of(++number), Cell::of(line.member_name),
             line.due.base ? Cell::of(line.due.base) : Cell::empty(), Cell::of(rate_of(line.due)),
             Cell::of(due), Cell::of(line.paid_for_month), Cell::of(line.arrears),
             Cell::of(remark_of(line.due))});
  }
  out.row({Cell::empty(Style::kTotalLabel), Cell::of("Tổng cộng", Style::kTotalLabel),
           Cell::empty(Style::kTotalLabel), Cell::empty(Style::kTotalLabel),
           Cell::of(book.due, Style::kTotalNumber),
           Cell::of(book.paid_for_month, Style::kTotalNumber),
           Cell::of(book.arrears, Style::kTotalNumber), Cell::empty(Style::kTotalLabel)});
  out.blank_row();
  out.row({Cell::empty(Style::kNote), Cell::of("Thu trong tháng (đảng phí)", Style::kNote),
           Cell::empty(Style::kNote), Cell::empty(Style::kNote),
           Cell::of(book.collected, Style::kNumber)});
  out.row({Cell::empty(Style::kNote), Cell::of("Đóng thêm tự nguyện", Style::kNote),
           Cell::empty(Style::kNote), Cell::empty(Style::kNote),
           Cell::of(book.extra, Style::kNumber)});
  if (book.closing) {
    out.row({Cell::empty(Style::kNote), Cell::of("Trích giữ lại", Style::kNote),
             Cell::empty(Style::kNote), Cell::empty(Style::kNote),
             Cell::of(book.closing->kept, Style::kNumber)});
    out.row({Cell::empty(Style::kNote), Cell::of("Nộp cấp trên", Style::kNote),
             Cell::empty(Style::kNote), Cell::empty(Style::kNote),
             Cell::of(book.closing->sent_up, Style::kNumber)});
    out.title(
        "Đã khóa sổ: " + book.closing->closed_at.substr(0, 10) + ", " + book.closing->closed_by,
        Style::kNote);
  } else {
    out.title("Sổ chưa khóa (số liệu đến ngày " + vi_date(today) + ")", Style::kNote);
  }
}

// The import's columns: their API names, and the labels they are recognized by (folded).
struct ImportColumn {
  const char* key;
  std::vector<const char*> labels;
};

const std::vector<ImportColumn>& import_columns() {
  static const std::vector<ImportColumn> columns = {
      {"stt", {"stt", "so thu tu", "no"}},
      {"member_id", {"ma dang vien", "ma so", "ma so dang vien", "id", "member id", "member_id"}},
      {"party_card_no", {"so the dang vien", "so the dang", "so the", "party card no"}},
      {"full_name", {"ho va ten", "ho ten", "ten dang vien", "full name", "full_name"}},
      {"amount", {"so tien", "so tien dang phi", "dang phi", "so tien nop", "amount"}},
      {"extra", {"dong them", "dong them tu nguyen", "tu nguyen", "extra"}},
      {"paid_on", {"ngay nop", "ngay dong", "paid on", "paid_on"}},
      {"first_month", {"nop cho thang", "tu thang", "thang", "first month", "first_month"}},
      {"months", {"so thang", "months"}},
      {"channel", {"hinh thuc", "hinh thuc nop", "kenh", "kenh nop", "channel"}},
      {"reference", {"ma giao dich", "so tham chieu", "reference"}},
      {"note", {"ghi chu", "note"}},
  };
  return columns;
}

// A header cell's column key ("" when unknown). "Số tiền (đồng)" reads as "Số tiền".
std::string import_key(const std::string& header) {
  std::string label = header;
  if (const size_t paren = label.find('('); paren != std::string::npos && paren > 0)
    label = label.substr(0, paren);
  const std::string folded = text::fold(label);
  for (const ImportColumn& column : import_columns()) {
    for (const char* known : column.labels) {
      if (folded == known) return column.key;
    }
  }
  return std::string();
}

std::optional<std::string> channel_of(const std::string& cell) {
  const std::string folded = text::fold(cell);
  if (folded == "tien mat" || folded == "cash" || folded == "nop tai chi bo") return "cash";
  if (folded == "chuyen khoan" || folded == "ngan hang" || folded == "bank") return "bank";
  if (folded == "cong dich vu cong" || folded == "dich vu cong" || folded == "portal")
    return "portal";
  return std::nullopt;
}

// Whole đồng from a number cell or text ("50000", "50.000", "50,000", "50 000").
std::optional<int64_t> whole_dong(const CellValue& cell, std::string& code) {
  if (cell.type == CellValue::Type::kNumber) {
    if (std::floor(cell.number) != cell.number || std::fabs(cell.number) > 1e15) {
      code = "not_whole_dong";
      return std::nullopt;
    }
    return static_cast<int64_t>(cell.number);
  }
  std::string text = cell.text;
  while (!text.empty() && text.back() == ' ') text.pop_back();
  while (!text.empty() && text.front() == ' ') text.erase(text.begin());
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.erase(text.begin());
  // Thousands separators only between groups of three digits.
  std::string digits;
  size_t group = 0;
  bool grouped = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      ++group;
    } else if ((c == '.' || c == ',' || c == ' ') && i > 0 &&
               (!grouped ? group <= 3 : group == 3)) {
      grouped = true;
      group = 0;
    } else {
      code = "not_whole_dong";
      return std::nullopt;
    }
  }
  if (digits.empty() || (grouped && group != 3) || digits.size() > 15) {
    code = "not_whole_dong";
    return std::nullopt;
  }
  int64_t value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return negative ? -value : value;
}

std::optional<Month> month_cell(const CellValue& cell, bool date1904) {
  if (cell.type == CellValue::Type::kText) {
    std::string text = cell.text;
    if (auto iso = Month::parse(text)) return iso;
    // "03/2026", "3/2026"
    const size_t slash = text.find('/');
    if (slash != std::string::npos && text.size() - slash - 1 == 4 && slash >= 1 && slash <= 2) {
      if (auto date =
              Date::parse(text.substr(slash + 1) + "-" +
                          (slash == 1 ? "0" + text.substr(0, 1) : text.substr(0, 2)) + "-01"))
        return Month::of(*date);
    }
  }
  if (auto date = io::xlsx::cell_date(cell, date1904)) return Month::of(*date);
  return std::nullopt;
}

struct ImportRow {
  int64_t line = 0;
  std::optional<MemberId> member_id;
  std::string card_no;
  std::string full_name;
  PaymentRequest request;
};

}  // namespace dues_xlsx_detail

Result<DuesBookFile> export_dues_book(Context& ctx, OrgId id, const DuesBookPeriod& period) {
  using namespace dues_xlsx_detail;
  Result<Organization> org = readable_cell(ctx, id);
  if (!org) return std::move(org).error();
  std::vector<Month> months;
  if (period.month) {
    months.push_back(*period.month);
  } else if (period.year) {
    const Month last = std::min(Month::of(*period.year, 12), Month::of(ctx.today()));
    for (Month m = Month::of(*period.year, 1); m <= last; m = m.plus(1)) months.push_back(m);
    if (months.empty()) return Error::invalid_field("year", "year_not_started");
  } else {
    return Error::invalid_field("month", "required");
  }
  Result<std::unique_ptr<io::xlsx::Writer>> writer = io::xlsx::Writer::create();
  if (!writer) return std::move(writer).error();
  for (const Month& month : months)
    write_book_sheet(**writer, book_of(ctx, *org, month), ctx.today());
  Result<std::string> bytes = (*writer)->finish();
  if (!bytes) return std::move(bytes).error();
  DuesBookFile file;
  const std::string period_text = period.month ? period.month->iso() : std::to_string(*period.year);
  file.file_name = "so-dang-phi-" + (org->code.empty() ? std::to_string(id.value) : org->code) +
                   "-" + period_text + ".xlsx";
  file.content = std::move(*bytes);
  AuditEntry entry =
      AuditEntry::about("dues.book_export", "organization", id.value, org->path.str());
  entry.with("period", period_text).with("months", static_cast<int64_t>(months.size()));
  ctx.audit(entry);
  return file;
}

Result<DuesImportReport> import_dues_payments(Context& ctx, OrgId id, Month month,
                                              const std::string& xlsx) {
  using namespace dues_xlsx_detail;
  Result<Organization> org = writable_cell(ctx, id);
  if (!org) return std::move(org).error();
  if (Month::of(ctx.today()) < month)
    return Error::invalid_field("month", "month_in_future", {{"month", month.iso()}});
  if (ctx.tx.dues().find_closing(id, month))
    return Error::conflict("month_closed", {{"month", month.iso()}});

  Result<io::xlsx::Reader> reader = io::xlsx::Reader::open_bytes(xlsx);
  if (!reader) {
    Error why = std::move(reader).error();
    return Error::invalid({{"file", why.reason, why.params}});
  }
  if (reader->sheet_names().empty()) return Error::invalid({{"file", "xlsx_sheet_missing", {}}});
  const bool date1904 = reader->date1904();

  std::vector<FieldError> errors;
  size_t error_count = 0;
  auto add_error = [&](FieldError error) {
    ++error_count;
    if (errors.size() < 1000) errors.push_back(std::move(error));
  };
  std::map<std::string, int> columns;  // key -> column (0-based)
  auto letter = [](int column) {
    std::string letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
      letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
  };
  auto at = [&](const std::string& key, std::string code, int64_t line, Params params = {}) {
    params.emplace_back("line", std::to_string(line));
    if (auto c = columns.find(key); c != columns.end())
      params.emplace_back("column", letter(c->second));
    add_error({key, std::move(code), std::move(params)});
  };
  bool header_found = false;
  int64_t header_line = 0;
  std::vector<ImportRow> rows;
  bool too_many = false;

  Status read = reader->read_sheet(0, [&](int64_t line, const io::xlsx::Row& cells) -> bool {
    auto cell = [&](const std::string& key) -> const CellValue* {
      auto c = columns.find(key);
      if (c == columns.end() || static_cast<size_t>(c->second) >= cells.size()) return nullptr;
      const CellValue& value = cells[static_cast<size_t>(c->second)];
      return value.empty() ? nullptr : &value;
    };
    if (!header_found) {
      std::map<std::string, int> found;
      std::set<std::string> duplicates;
      for (size_t i = 0; i < cells.size(); ++i) {
        if (cells[i].type != CellValue::Type::kText) continue;
        const std::string key = import_key(cells[i].text);
        if (key.empty()) continue;
        if (!found.emplace(key, static_cast<int>(i)).second) duplicates.insert(key);
      }
      const bool names_member = found.count("member_id") || found.count("party_card_no");
      if (!names_member || !found.count("amount")) return line < 30;  // titles above the header
      header_found = true;
      header_line = line;
      columns = std::move(found);
      for (const std::string& key : duplicates) at(key, "column_duplicate", line);
      for (const char* required : {"paid_on", "channel"}) {
        if (!columns.count(required))
          add_error({required, "column_missing", {{"line", std::to_string(line)}}});
      }
      return true;
    }
    // A totals line ends the payments.
    if (const CellValue* name = cell("full_name");
        name && text::fold(io::xlsx::cell_text(*name)) == "tong cong")
      return false;
    bool any = false;
    for (const auto& [key, column] : columns) {
      if (key != "stt" && cell(key)) any = true;
    }
    if (!any) return true;
    if (static_cast<int64_t>(rows.size()) >= kMaxDuesImportRows) {
      too_many = true;
      return false;
    }
    ImportRow row;
    row.line = line;
    if (const CellValue* v = cell("member_id")) {
      const std::string text = io::xlsx::cell_text(*v);
      int64_t number = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (ec != std::errc() || end != text.data() + text.size() || number <= 0) {
        at("member_id", "member_not_in_cell", line);
      } else {
        row.member_id = MemberId(number);
      }
    }
    if (const CellValue* v = cell("party_card_no")) row.card_no = io::xlsx::cell_text(*v);
    if (!cell("member_id") && row.card_no.empty())
      at(columns.count("member_id") ? "member_id" : "party_card_no", "required", line);
    if (const CellValue* v = cell("full_name")) row.full_name = io::xlsx::cell_text(*v);
    if (const CellValue* v = cell("amount")) {
      std::string code;
      if (auto amount = whole_dong(*v, code)) {
        row.request.amount = *amount;
      } else {
        at("amount", code, line);
        row.request.amount = 1;  // reported; keeps the later checks quiet
      }
    } else {
      at("amount", "required", line);
      row.request.amount = 1;
    }
    if (const CellValue* v = cell("extra")) {
      std::string code;
      if (auto extra = whole_dong(*v, code)) {
        row.request.extra = *extra;
      } else {
        at("extra", code, line);
      }
    }
    if (const CellValue* v = cell("paid_on")) {
      if (auto date = io::xlsx::cell_date(*v, date1904)) {
        row.request.paid_on = *date;
        if (Month::of(*date) != month)
          at("paid_on", "paid_on_outside_month", line, {{"month", month.iso()}});
      } else {
        at("paid_on", "xlsx_date", line);
        row.request.paid_on = month.first_day();
      }
    } else {
      if (columns.count("paid_on")) at("paid_on", "required", line);
      row.request.paid_on = month.first_day();
    }
    row.request.first_month = month;
    if (const CellValue* v = cell("first_month")) {
      if (auto first = month_cell(*v, date1904)) {
        row.request.first_month = *first;
      } else {
        at("first_month", "month_format", line);
      }
    }
    if (const CellValue* v = cell("months")) {
      if (v->type == CellValue::Type::kNumber && std::floor(v->number) == v->number &&
          v->number >= 1 && v->number <= kMaxMonths) {
        row.request.months = static_cast<int>(v->number);
      } else {
        at("months", "out_of_range", line, {{"min", "1"}, {"max", std::to_string(kMaxMonths)}});
      }
    }
    if (const CellValue* v = cell("channel")) {
      if (auto channel = channel_of(io::xlsx::cell_text(*v))) {
        row.request.channel = *channel;
      } else {
        at("channel", "unknown_code", line);
        row.request.channel = "cash";
      }
    } else {
      if (columns.count("channel")) at("channel", "required", line);
      row.request.channel = "cash";
    }
    if (const CellValue* v = cell("reference")) row.request.reference = io::xlsx::cell_text(*v);
    if (const CellValue* v = cell("note")) row.request.note = io::xlsx::cell_text(*v);
    rows.push_back(std::move(row));
    return true;
  });
  if (!read) {
    Error why = std::move(read).error();
    return Error::invalid({{"file", why.reason, why.params}});
  }
  if (!header_found) return Error::invalid({{"file", "header_not_found", {}}});
  if (too_many)
    return Error::invalid(
        {{"file", "too_many_rows", {{"max", std::to_string(kMaxDuesImportRows)}}}});
  if (rows.empty() && error_count == 0)
    return Error::invalid({{"file", "no_rows", {{"line", std::to_string(header_line)}}}});

  // Each row against the store: the member in this cell and on the roll, the payment's own rules,
  // references unique in the file and among those recorded.
  std::map<std::pair<std::string, std::string>, int64_t> references;
  std::vector<std::pair<const ImportRow*, Member>> checked;
  for (const ImportRow& row : rows) {
    std::optional<Member> member;
    if (row.member_id) {
      member = ctx.tx.members().find(*row.member_id);
    } else if (!row.card_no.empty()) {
      if (auto found = ctx.tx.members().find_by_card_no(row.card_no))
        member = ctx.tx.members().find(*found);
    }
    const std::string member_key =
        row.member_id || row.card_no.empty() ? "member_id" : "party_card_no";
    if (!row.member_id && row.card_no.empty()) continue;  // reported
    // Outside the cell (or unknown): the same answer, so nothing is revealed about other cells.
    if (!member || !org->path.contains(member->org_path)) {
      at(member_key, "member_not_in_cell", row.line);
      continue;
    }
    if (!on_roll(ctx.services, *member)) {
      at(member_key, "member_not_on_roll", row.line, {{"status", member->status}});
      continue;
    }
    if (!row.full_name.empty() && text::fold(row.full_name) != text::fold(member->full_name))
      at("full_name", "name_mismatch", row.line);
    for (FieldError& error : payment_errors(ctx, *member, row.request)) {
      at(error.field, error.code, row.line, error.params);
    }
    if (!row.request.reference.empty()) {
      auto [it, fresh] =
          references.emplace(std::pair{row.request.channel, row.request.reference}, row.line);
      if (!fresh) {
        at("reference", "duplicate_in_file", row.line,
           {{"first_line", std::to_string(it->second)}});
      } else if (ctx.tx.dues().reference_taken(row.request.channel, row.request.reference)) {
        at("reference", "reference_taken", row.line);
      }
    }
    if (member->org_id != id && ctx.tx.dues().find_closing(member->org_id, month))
      at("paid_on", "month_closed", row.line, {{"month", month.iso()}});
    checked.emplace_back(&row, std::move(*member));
  }
  if (error_count > 0) {
    Error error = Error::invalid(std::move(errors));
    error.reason = "import_failed";
    error.params = {{"count", std::to_string(error_count)}};
    return error;
  }
  DuesImportReport report;
  report.rows = static_cast<int64_t>(rows.size());
  std::map<MemberId, const Member*> paid_by;
  for (const auto& [row, member] : checked) {
    insert_payment(ctx, member, row->request, &row->line);
    paid_by.emplace(member.id, &member);
    ++report.imported;
    report.amount += row->request.amount;
    report.extra += row->request.extra;
  }
  for (const auto& [member_id, member] : paid_by) refresh_standing(ctx, *member);
  AuditEntry entry =
      AuditEntry::about("dues.payments_import", "organization", id.value, org->path.str());
  entry.with("month", month.iso())
      .with("rows", report.imported)
      .with("amount", report.amount)
      .with("extra", report.extra);
  ctx.audit(entry);
  report.book = book_of(ctx, *org, month);
  return report;
}

}  // namespace chibo::app
