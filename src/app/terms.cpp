#include "app/terms.h"

#include <algorithm>
#include <map>

#include "app/access_control.h"

namespace chibo::app {

namespace {

using domain::Permission;

constexpr size_t kNameChars = 255;
constexpr size_t kNoteChars = 1000;
constexpr size_t kReasonChars = 500;
constexpr size_t kDecisionChars = 255;
// Counts beyond any real congress or committee (a national congress has about 1,600
// delegates): a typing error, not a size.
constexpr int kMaxCount = 100000;

const domain::OrgKind* kind_of(const Services& services, const Organization& org) {
  return services.catalog.org_kind(org.kind);
}

bool may_manage(const Context& ctx, const Organization& org) {
  return reach_of(ctx, Permission::kTermsManage).covers(org.path);
}

// The organization, when the actor may read it.
Result<Organization> readable_org(Context& ctx, OrgId id) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org || !reach_of(ctx, Permission::kOrgRead).covers(org->path))
    return Error::not_found("organization");
  return std::move(*org);
}

// The organization, when the actor may manage its terms; "forbidden" when they only read it.
Result<Organization> managed_org(Context& ctx, OrgId id) {
  std::optional<Organization> org = ctx.tx.orgs().find(id);
  if (!org) return Error::not_found("organization");
  if (!may_manage(ctx, *org)) return refusal(ctx, Permission::kOrgRead, org->path, "organization");
  if (!org->active()) return Error::conflict("org_not_active");
  return std::move(*org);
}

TermView view_of(const Services& services, const Organization& org, Term term, Date today) {
  TermView view;
  view.current =
      term.contains(today) || (!term.next_congress_closed_on && term.starts_on() > today);
  view.standing = running_standing(services, org, term, today);
  view.term = std::move(term);
  return view;
}

// Display order of positions: the catalog's order (secretary first), then the start date.
std::vector<SeatView> seat_views(Context& ctx, std::vector<TermSeat> seats) {
  const auto& positions = ctx.services.catalog.documents.positions;
  auto rank = [&](const std::string& code) {
    for (size_t i = 0; i < positions.size(); ++i) {
      if (positions[i].code == code) return i;
    }
    return positions.size();
  };
  std::stable_sort(seats.begin(), seats.end(), [&](const TermSeat& a, const TermSeat& b) {
    return std::make_tuple(rank(a.position), a.started_on, a.id) <
           std::make_tuple(rank(b.position), b.started_on, b.id);
  });
  std::map<MemberId, std::pair<std::string, OrgId>> members;
  std::map<OrgId, std::string> org_names;
  std::vector<SeatView> views;
  views.reserve(seats.size());
  for (TermSeat& seat : seats) {
    auto found = members.find(seat.member_id);
    if (found == members.end()) {
      std::optional<Member> member = ctx.tx.members().find(seat.member_id);
      found =
          members
              .emplace(seat.member_id, member ? std::make_pair(member->full_name, member->org_id)
                                              : std::make_pair(std::string(), OrgId()))
              .first;
    }
    SeatView view;
    view.member_name = found->second.first;
    const OrgId member_org = found->second.second;
    if (member_org.valid()) {
      auto name = org_names.find(member_org);
      if (name == org_names.end()) {
        std::optional<Organization> org = ctx.tx.orgs().find(member_org);
        name = org_names.emplace(member_org, org ? org->name : std::string()).first;
      }
      view.member_org_name = name->second;
    }
    view.seat = std::move(seat);
    views.push_back(std::move(view));
  }
  return views;
}

TermDetail detail_of(Context& ctx, const Organization& org, Term term) {
  TermDetail detail;
  detail.seats = seat_views(ctx, ctx.tx.terms().seats_of(term.id));
  detail.view = view_of(ctx.services, org, std::move(term), ctx.today());
  detail.may_manage = may_manage(ctx, org);
  detail.org = org;
  return detail;
}

void check_count(const std::string& field, const std::optional<int>& value,
                 std::vector<FieldError>& errors) {
  if (value && (*value < 0 || *value > kMaxCount)) {
    errors.push_back({field, "out_of_range", {{"min", "0"}, {"max", std::to_string(kMaxCount)}}});
  }
}

void check_length(const std::string& field, const std::string& value, size_t max,
                  std::vector<FieldError>& errors) {
  if (value.size() > max) errors.push_back({field, "too_long", {{"max", std::to_string(max)}}});
}

// "Nhiệm kỳ 2025-2030": the congress's year to the year the term length rule ends it.
std::string default_term_name(const Services& services, const domain::OrgKind& kind,
                              Date closed_on) {
  int last = closed_on.year();
  if (const domain::RuleParameter* length =
          services.rules.in_force("term." + kind.term_class + "_months", closed_on)) {
    last = closed_on.add_months(static_cast<int>(length->value)).year();
  }
  return "Nhiệm kỳ " + std::to_string(closed_on.year()) + "-" + std::to_string(last);
}

nlohmann::json term_json(const Term& term) {
  auto date = [](const std::optional<Date>& on) {
    return on ? nlohmann::json(on->iso()) : nlohmann::json(nullptr);
  };
  auto count = [](const std::optional<int>& n) {
    return n ? nlohmann::json(*n) : nlohmann::json(nullptr);
  };
  return {{"name", term.name},
          {"congress_opened_on", date(term.congress_opened_on)},
          {"congress_closed_on", term.congress_closed_on.iso()},
          {"next_congress_closed_on", date(term.next_congress_closed_on)},
          {"congress_delegates", count(term.congress_delegates)},
          {"approved_committee_size", count(term.approved_committee_size)},
          {"approved_standing_size", count(term.approved_standing_size)}};
}

std::vector<domain::FieldChange> term_changes(const Term& before, const Term& after) {
  std::vector<domain::FieldChange> changes;
  auto add = [&](const char* field, const std::string& a, const std::string& b) {
    if (a != b) changes.push_back({field, a, b});
  };
  auto date = [](const std::optional<Date>& on) { return on ? on->iso() : std::string(); };
  auto count = [](const std::optional<int>& n) { return n ? std::to_string(*n) : std::string(); };
  add("name", before.name, after.name);
  add("congress_opened_on", date(before.congress_opened_on), date(after.congress_opened_on));
  add("congress_delegates", count(before.congress_delegates), count(after.congress_delegates));
  add("approved_committee_size", count(before.approved_committee_size),
      count(after.approved_committee_size));
  add("approved_standing_size", count(before.approved_standing_size),
      count(after.approved_standing_size));
  add("note", before.note, after.note);
  return changes;
}

// The term and its organization, when the actor may read it.
Result<std::pair<Term, Organization>> readable_term(Context& ctx, int64_t term_id) {
  std::optional<Term> term = ctx.tx.terms().find(term_id);
  if (!term) return Error::not_found("term");
  std::optional<Organization> org = ctx.tx.orgs().find(OrgId(term->org_id));
  if (!org || !reach_of(ctx, Permission::kOrgRead).covers(org->path))
    return Error::not_found("term");
  return std::make_pair(std::move(*term), std::move(*org));
}

// The same, when the actor may manage it ("forbidden" when they only read it).
Result<std::pair<Term, Organization>> managed_term(Context& ctx, int64_t term_id) {
  auto found = readable_term(ctx, term_id);
  if (!found) return found;
  if (!may_manage(ctx, found->second)) return Error::forbidden("forbidden");
  if (!found->second.active()) return Error::conflict("org_not_active");
  return found;
}

}  // namespace

std::optional<domain::TermStanding> running_standing(const Services& services,
                                                     const Organization& org, const Term& term,
                                                     Date today) {
  const domain::OrgKind* kind = kind_of(services, org);
  if (!kind || !org.active()) return std::nullopt;
  return domain::term_standing(term, *kind, today, services.rules);
}

std::optional<domain::StructureWarning> term_warning(const Services& services,
                                                     const Organization& org, const Term& term,
                                                     Date today) {
  const std::optional<domain::TermStanding> standing = running_standing(services, org, term, today);
  if (!standing || standing->code.empty() || !standing->length) return std::nullopt;
  const Date from = term.congress_closed_on;
  int months = (today.year() - from.year()) * 12 + today.month() - from.month();
  if (today.day() < from.day()) --months;
  return domain::StructureWarning{standing->code, standing->length->key, standing->length->value,
                                  months, standing->length->source};
}

Result<TermList> list_terms(Context& ctx, OrgId id) {
  Result<Organization> org = readable_org(ctx, id);
  if (!org) return std::move(org).error();
  TermList list;
  const domain::OrgKind* kind = kind_of(ctx.services, *org);
  list.has_congress = kind && !kind->term_class.empty();
  std::vector<Term> terms = ctx.tx.terms().terms_of(id);
  for (auto it = terms.rbegin(); it != terms.rend(); ++it) {
    list.terms.push_back(view_of(ctx.services, *org, std::move(*it), ctx.today()));
  }
  list.may_manage = list.has_congress && org->active() && may_manage(ctx, *org);
  list.org = std::move(*org);
  return list;
}

Result<TermDetail> get_term(Context& ctx, int64_t term_id) {
  auto found = readable_term(ctx, term_id);
  if (!found) return std::move(found).error();
  return detail_of(ctx, found->second, std::move(found->first));
}

Result<CommitteeView> get_committee(Context& ctx, OrgId id) {
  Result<Organization> org = readable_org(ctx, id);
  if (!org) return std::move(org).error();
  CommitteeView view;
  const Date today = ctx.today();
  const domain::OrgKind* kind = kind_of(ctx.services, *org);
  const std::map<OrgId, MemberCounts> counts = ctx.tx.orgs().counts({id});
  if (auto found = counts.find(id); found != counts.end())
    view.official_members = found->second.official;
  std::vector<Term> terms = ctx.tx.terms().terms_of(id);
  // The running term: the last one, while no later congress closed it.
  const Term* running = nullptr;
  if (!terms.empty() && !terms.back().next_congress_closed_on) running = &terms.back();
  if (running) {
    std::vector<TermSeat> held;
    for (const TermSeat& seat : ctx.tx.terms().seats_of(running->id)) {
      if (seat.active_on(today)) held.push_back(seat);
    }
    std::vector<domain::CommitteeSeat> seats;
    for (const TermSeat& seat : held) seats.push_back({seat.member_id.value, seat.position});
    if (kind) {
      view.warnings =
          domain::composition_warnings(*kind, view.official_members, *running, seats,
                                       ctx.services.catalog.documents, ctx.services.rules, today);
    }
    view.seats = seat_views(ctx, std::move(held));
    view.current = view_of(ctx.services, *org, *running, today);
    if (view.current->standing) view.standing_code = view.current->standing->code;
  } else if (kind && !kind->term_class.empty() && org->active()) {
    view.standing_code = "no_term";
  }
  view.may_manage = kind && !kind->term_class.empty() && org->active() && may_manage(ctx, *org);
  view.org = std::move(*org);
  return view;
}

Result<TermDetail> record_congress(Context& ctx, OrgId id, const CongressRequest& congress) {
  Result<Organization> org = managed_org(ctx, id);
  if (!org) return std::move(org).error();
  const domain::OrgKind* kind = kind_of(ctx.services, *org);
  if (!kind || kind->term_class.empty())
    return Error::conflict("org_holds_no_congress", {{"kind", org->kind}});
  std::vector<FieldError> errors;
  if (congress.closed_on > ctx.today()) errors.push_back({"closed_on", "date_in_future", {}});
  if (congress.opened_on && *congress.opened_on > congress.closed_on)
    errors.push_back({"opened_on", "congress_dates", {}});
  check_count("delegates", congress.delegates, errors);
  check_count("approved_committee_size", congress.approved_committee_size, errors);
  check_count("approved_standing_size", congress.approved_standing_size, errors);
  check_length("name", congress.name, kNameChars, errors);
  check_length("note", congress.note, kNoteChars, errors);
  std::vector<Term> terms = ctx.tx.terms().terms_of(id);
  // A congress opens the next term: it closes after the running term's opening congress.
  if (!terms.empty() && congress.closed_on <= terms.back().congress_closed_on) {
    errors.push_back(
        {"closed_on", "term_order", {{"after", terms.back().congress_closed_on.iso()}}});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  Term term;
  term.org_id = id.value;
  term.name = congress.name.empty() ? default_term_name(ctx.services, *kind, congress.closed_on)
                                    : congress.name;
  term.congress_opened_on = congress.opened_on;
  term.congress_closed_on = congress.closed_on;
  term.congress_delegates = congress.delegates;
  term.approved_committee_size = congress.approved_committee_size;
  term.approved_standing_size = congress.approved_standing_size;
  term.note = congress.note;
  term.created_at = term.updated_at = ctx.now();
  int64_t seats_ended = 0;
  std::optional<Term> closed;
  if (!terms.empty()) {
    Term& previous = terms.back();
    const Term before = previous;
    previous.next_congress_closed_on = congress.closed_on;
    previous.updated_at = ctx.now();
    // The old committee serves until the new one is elected: its seats end that day.
    for (const TermSeat& seat : ctx.tx.terms().seats_of(previous.id)) {
      if (seat.ended_on && *seat.ended_on <= congress.closed_on) continue;
      TermSeat ended = seat;
      ended.ended_on = std::max(congress.closed_on, seat.started_on);
      if (ended.end_reason.empty()) ended.end_reason = "term_ended";
      ended.updated_at = ctx.now();
      if (!ctx.tx.terms().update_seat(ended, seat)) return Error::stale_version();
      ++seats_ended;
    }
    if (!ctx.tx.terms().update(previous, before)) return Error::stale_version();
    closed = previous;
  }
  terms.push_back(term);
  if (std::vector<FieldError> order = domain::check_terms(terms); !order.empty())
    return Error::invalid_field("closed_on", order.front().code, order.front().params);
  ctx.tx.terms().insert(term);
  AuditEntry entry = AuditEntry::about("term.congress", "term", term.id, org->path.str());
  entry.with("organization_id", id.value).with("term", term_json(term));
  if (closed) {
    entry.with("closed_term_id", closed->id).with("seats_ended", seats_ended);
  }
  ctx.audit(entry);
  return detail_of(ctx, *org, std::move(term));
}

Result<TermDetail> update_term(Context& ctx, int64_t term_id, int64_t version,
                               const TermPatch& patch) {
  auto found = managed_term(ctx, term_id);
  if (!found) return std::move(found).error();
  auto& [term, org] = *found;
  if (term.version != version) return Error::stale_version();
  const Term before = term;
  std::vector<FieldError> errors;
  if (patch.name) {
    if (patch.name->empty()) errors.push_back({"name", "required", {}});
    check_length("name", *patch.name, kNameChars, errors);
    term.name = *patch.name;
  }
  if (patch.opened_on) {
    term.congress_opened_on = *patch.opened_on;
    if (term.congress_opened_on && *term.congress_opened_on > term.congress_closed_on)
      errors.push_back({"opened_on", "congress_dates", {}});
  }
  if (patch.delegates) {
    check_count("delegates", *patch.delegates, errors);
    term.congress_delegates = *patch.delegates;
  }
  if (patch.approved_committee_size) {
    check_count("approved_committee_size", *patch.approved_committee_size, errors);
    term.approved_committee_size = *patch.approved_committee_size;
  }
  if (patch.approved_standing_size) {
    check_count("approved_standing_size", *patch.approved_standing_size, errors);
    term.approved_standing_size = *patch.approved_standing_size;
  }
  if (patch.note) {
    check_length("note", *patch.note, kNoteChars, errors);
    term.note = *patch.note;
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  const std::vector<domain::FieldChange> changes = term_changes(before, term);
  if (changes.empty()) return detail_of(ctx, org, std::move(term));
  term.updated_at = ctx.now();
  if (!ctx.tx.terms().update(term, before)) return Error::stale_version();
  AuditEntry entry = AuditEntry::about("term.update", "term", term.id, org.path.str());
  entry.with_changes(changes);
  ctx.audit(entry);
  return detail_of(ctx, org, std::move(term));
}

Result<SeatView> appoint_seat(Context& ctx, int64_t term_id, const SeatRequest& request) {
  auto found = managed_term(ctx, term_id);
  if (!found) return std::move(found).error();
  const auto& [term, org] = *found;
  const domain::OrgKind* kind = kind_of(ctx.services, org);
  std::vector<FieldError> errors;
  // The position: known, and a seat this kind of organization has.
  const domain::CommitteePosition* position =
      ctx.services.catalog.documents.position(request.position);
  if (request.position.empty()) {
    errors.push_back({"position", "required", {}});
  } else if (!position) {
    errors.push_back({"position", "unknown_code", {{"value", request.position.substr(0, 40)}}});
  } else if (!kind || !domain::position_fits_kind(*position, *kind)) {
    errors.push_back({"position", "position_not_in_kind", {{"kind", org.kind}}});
  }
  // The member: in the registry, official, registered in the organization's subtree.
  std::optional<Member> member;
  if (!request.member.valid()) {
    errors.push_back({"member_id", "required", {}});
  } else {
    member = ctx.tx.members().find(request.member);
    if (!member || !reach_of(ctx, Permission::kOrgRead).covers(member->org_path)) {
      errors.push_back({"member_id", "member_not_found", {}});
      member.reset();
    } else if (!org.path.contains(member->org_path)) {
      errors.push_back({"member_id", "member_outside_org", {}});
    } else if (member->status != domain::status::kOfficial) {
      errors.push_back({"member_id", "member_not_official", {{"status", member->status}}});
    }
  }
  // The dates: inside the term, not in the future.
  if (!term.contains(request.started_on)) {
    errors.push_back({"started_on",
                      "date_outside_term",
                      {{"from", term.starts_on().iso()},
                       {"to", term.ends_on() ? term.ends_on()->iso() : std::string()}}});
  } else if (request.started_on > ctx.today()) {
    errors.push_back({"started_on", "date_in_future", {}});
  }
  if (request.decision_date && *request.decision_date > ctx.today())
    errors.push_back({"decision_date", "date_in_future", {}});
  check_length("decision.number", request.decision.number, kDecisionChars, errors);
  check_length("decision.authority", request.decision.authority, kDecisionChars, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  // One holder at a time of a secretary's seat in each body, and one seat per position per
  // member.
  for (const TermSeat& seat : ctx.tx.terms().seats_of(term.id)) {
    if (!seat.active_on(request.started_on)) continue;
    if (seat.member_id == request.member && seat.position == request.position) {
      return Error::invalid_field("member_id", "seat_held", {{"seat_id", std::to_string(seat.id)}});
    }
    const domain::CommitteePosition* other = ctx.services.catalog.documents.position(seat.position);
    if (position->role == domain::position_role::kSecretary && other &&
        other->body == position->body && other->role == position->role) {
      return Error::invalid_field("position", "position_taken",
                                  {{"seat_id", std::to_string(seat.id)}});
    }
  }
  TermSeat seat;
  seat.term_id = term.id;
  seat.org_id = org.id;
  seat.member_id = request.member;
  seat.position = request.position;
  seat.started_on = request.started_on;
  seat.decision_number = request.decision.number;
  seat.decision_authority = request.decision.authority;
  seat.decision_date = request.decision_date;
  seat.created_at = seat.updated_at = ctx.now();
  ctx.tx.terms().insert_seat(seat);
  AuditEntry entry =
      AuditEntry::about("term.seat_appoint", "committee_seat", seat.id, org.path.str());
  entry.with("term_id", term.id)
      .with("member_id", member->id.value)
      .with("position", seat.position)
      .with("started_on", seat.started_on.iso())
      .with_document(request.decision, request.decision_date.value_or(seat.started_on));
  ctx.audit(entry);
  std::vector<SeatView> views = seat_views(ctx, {seat});
  return std::move(views.front());
}

Result<SeatView> end_seat(Context& ctx, int64_t seat_id, int64_t version, Date on,
                          const std::string& reason) {
  std::optional<TermSeat> seat = ctx.tx.terms().find_seat(seat_id);
  if (!seat) return Error::not_found("seat");
  auto found = readable_term(ctx, seat->term_id);
  if (!found) return Error::not_found("seat");
  const auto& [term, org] = *found;
  if (!may_manage(ctx, org)) return Error::forbidden("forbidden");
  if (!org.active()) return Error::conflict("org_not_active");
  if (seat->version != version) return Error::stale_version();
  if (seat->ended_on) return Error::conflict("seat_ended", {{"ended_on", seat->ended_on->iso()}});
  std::vector<FieldError> errors;
  if (on < seat->started_on) {
    errors.push_back({"on", "date_before_start", {{"started_on", seat->started_on.iso()}}});
  } else if (!term.contains(on)) {
    errors.push_back({"on",
                      "date_outside_term",
                      {{"from", term.starts_on().iso()},
                       {"to", term.ends_on() ? term.ends_on()->iso() : std::string()}}});
  } else if (on > ctx.today()) {
    errors.push_back({"on", "date_in_future", {}});
  }
  if (reason.empty()) errors.push_back({"reason", "required", {}});
  check_length("reason", reason, kReasonChars, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  const TermSeat before = *seat;
  seat->ended_on = on;
  seat->end_reason = reason;
  seat->updated_at = ctx.now();
  if (!ctx.tx.terms().update_seat(*seat, before)) return Error::stale_version();
  AuditEntry entry = AuditEntry::about("term.seat_end", "committee_seat", seat->id, org.path.str());
  entry.with("term_id", term.id)
      .with("member_id", seat->member_id.value)
      .with("position", seat->position)
      .with("ended_on", on.iso())
      .with("reason", reason);
  ctx.audit(entry);
  std::vector<SeatView> views = seat_views(ctx, {*seat});
  return std::move(views.front());
}

}  // namespace chibo::app
