#include "app/candidates.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "app/access_control.h"
#include "app/lifecycle_support.h"
#include "app/member_changes.h"
#include "domain/fields.h"
#include "domain/members/member_rules.h"
#include "text/clean.h"
#include "text/fold.h"

namespace chibo::app {

namespace {

using domain::AdmissionStep;
using nlohmann::json;

constexpr size_t kMaxReasonChars = 500;
constexpr size_t kMaxDocumentChars = 255;

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json step_json(const StepRecord& step) {
  json value = {{"step", std::string(domain::step_code(step.step))}, {"on", step.on.iso()}};
  if (!step.document.number.empty()) value["number"] = step.document.number;
  if (!step.document.authority.empty()) value["authority"] = step.document.authority;
  if (step.step == AdmissionStep::kCellResolution || step.step == AdmissionStep::kBaseResolution)
    value["vote"] = {step.vote.in_favour, step.vote.against, step.vote.entitled};
  if (!step.introducers.empty()) {
    json introducers = json::array();
    for (const domain::Introducer& introducer : step.introducers) {
      introducers.push_back({{"member_id", introducer.member_id.value},
                             {"known_since", introducer.known_since ? introducer.known_since->iso()
                                                                    : std::string()}});
    }
    value["introducers"] = std::move(introducers);
  }
  if (step.youth_union) value["youth_union"] = true;
  if (step.received_on) value["received_on"] = step.received_on->iso();
  if (!step.place.empty()) value["place"] = step.place;
  if (!step.note.empty()) value["note"] = step.note;
  return value;
}

std::optional<domain::ReadmissionFacts> former_of(Transaction& tx, const Candidate& candidate) {
  if (!candidate.readmission_of.valid()) return std::nullopt;
  std::optional<Member> former = tx.members().find(candidate.readmission_of);
  if (!former) return std::nullopt;
  return domain::ReadmissionFacts{former->status, former->exit_date, former->exit_ground,
                                  tx.candidates().readmissions_of(former->id)};
}

CandidateView view_of(Context& ctx, Candidate candidate, std::vector<StepRecord> steps,
                      const Organization& org,
                      std::map<OrgId, domain::AdmissionContext>* contexts = nullptr) {
  CandidateView view;
  if (contexts) {
    auto found = contexts->find(org.id);
    if (found == contexts->end())
      found =
          contexts->emplace(org.id, admission_context_of(ctx.tx, ctx.services.catalog, org)).first;
    view.context = found->second;
  } else {
    view.context = admission_context_of(ctx.tx, ctx.services.catalog, org);
  }
  view.progress =
      domain::admission_progress(candidate, steps, view.context, ctx.services.rules,
                                 ctx.services.calendar, ctx.today(), former_of(ctx.tx, candidate));
  view.org_name = org.name;
  view.candidate = std::move(candidate);
  view.steps = std::move(steps);
  return view;
}

Result<CandidateDetail> detail(Context& ctx, CandidateId id) {
  std::optional<Candidate> candidate = ctx.tx.candidates().find(id);
  if (!candidate) return Error::not_found("candidate");
  std::optional<Organization> org = ctx.tx.orgs().find(candidate->person.org_id);
  if (!org) return Error::internal("candidate without organization");
  CandidateDetail detail;
  detail.former = former_of(ctx.tx, *candidate);
  std::vector<StepRecord> steps = ctx.tx.candidates().steps(id);
  detail.view = view_of(ctx, std::move(*candidate), std::move(steps), *org);
  detail.to_go = domain::steps_to_go(detail.view.steps, detail.view.context);
  detail.history = ctx.tx.candidates().history(id);
  std::vector<MemberId> introducers;
  for (const StepRecord& step : detail.view.steps) {
    for (const domain::Introducer& introducer : step.introducers)
      introducers.push_back(introducer.member_id);
  }
  for (const auto& [member, org_name] : ctx.tx.lifecycle().members_with_org(introducers))
    detail.introducer_names[member.id] = member.full_name;
  return detail;
}

// Applies `input` to `candidate`; problems go to `errors`.
void apply_input(Candidate& candidate, const CandidateInput& input, const domain::Catalog& catalog,
                 std::vector<FieldError>& errors) {
  const std::vector<std::string>& allowed = domain::candidate_person_fields();
  domain::MemberPatch person;
  for (const auto& [name, value] : input.person) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      errors.push_back({name, "unknown_field", {}});
    } else {
      person[name] = value;
    }
  }
  domain::apply_member_patch(candidate.person, person, catalog, errors);
  if (input.youth_union_member) candidate.youth_union_member = *input.youth_union_member;
  if (input.readmission_of) {
    candidate.readmission_of = MemberId(input.readmission_of->value_or(0));
    if (*input.readmission_of && **input.readmission_of <= 0)
      errors.push_back({"readmission_of", "invalid_id", {}});
  }
  if (input.record_cleared_on) {
    candidate.record_cleared_on.reset();
    if (*input.record_cleared_on && !input.record_cleared_on->value().empty()) {
      candidate.record_cleared_on =
          domain::parse_date_field("record_cleared_on", **input.record_cleared_on, errors);
    }
  }
  if (input.over_age_approval) {
    candidate.over_age_approval.clear();
    if (*input.over_age_approval) {
      if (auto text = domain::clean_text_field("over_age_approval", **input.over_age_approval,
                                               kMaxDocumentChars, errors))
        candidate.over_age_approval = *text;
    }
  }
}

// The checks against stored data: the cell, the person not already a member or an open
// candidate, a readmission's former membership.
Status check_references(Context& ctx, Candidate& candidate) {
  std::vector<FieldError> errors;
  const domain::Reach write = reach_of(ctx, domain::Permission::kMemberWrite);
  const domain::Reach read = reach_of(ctx, domain::Permission::kMemberRead);
  if (std::optional<Organization> org =
          check_member_org(ctx, candidate.person.org_id, write, "org_id", errors))
    candidate.person.org_path = org->path;
  std::optional<Member> former;
  if (candidate.readmission_of.valid()) {
    former = ctx.tx.members().find(candidate.readmission_of);
    if (!former || !read.covers(former->org_path)) {
      errors.push_back({"readmission_of", "member_not_found", {}});
      former.reset();
    } else {
      const domain::MemberStatusInfo* status = ctx.services.catalog.member_status(former->status);
      if (status && status->on_roll) {
        errors.push_back({"readmission_of", "readmission_not_former_member", {}});
      } else if (former->citizen_id != candidate.person.citizen_id) {
        errors.push_back({"citizen_id", "readmission_citizen_mismatch", {}});
      } else {
        // The waiting period is checked when the cell resolves; the rest holds from now.
        const domain::ReadmissionFacts facts{former->status, former->exit_date, former->exit_ground,
                                             ctx.tx.candidates().readmissions_of(former->id)};
        for (FieldError& error :
             domain::check_readmission(candidate, facts, ctx.today(), ctx.services.catalog,
                                       ctx.services.rules, "readmission_of")) {
          if (error.code != "readmission_too_early") errors.push_back(std::move(error));
        }
      }
    }
  }
  bool duplicate = false;
  if (!candidate.person.citizen_id.empty()) {
    if (std::optional<MemberId> owner =
            ctx.tx.members().find_by_citizen_id(candidate.person.citizen_id);
        owner && (!former || *owner != former->id)) {
      std::optional<Member> member = ctx.tx.members().find(*owner);
      const domain::MemberStatusInfo* status =
          member ? ctx.services.catalog.member_status(member->status) : nullptr;
      if (status && status->on_roll) {
        errors.push_back({"citizen_id", "duplicate", {}});
        duplicate = true;
      } else {
        errors.push_back({"citizen_id", "former_member_readmission", {}});
      }
    }
    if (std::optional<CandidateId> open =
            ctx.tx.candidates().find_open_by_citizen_id(candidate.person.citizen_id);
        open && *open != candidate.id) {
      errors.push_back({"citizen_id", "duplicate_candidate", {}});
      duplicate = true;
    }
  }
  if (errors.empty()) return Ok();
  const bool only_duplicates = duplicate && std::all_of(errors.begin(), errors.end(), [](auto& e) {
                                 return e.code == "duplicate" || e.code == "duplicate_candidate";
                               });
  if (only_duplicates) {
    Error conflict = Error::conflict("duplicate_candidate");
    conflict.fields = std::move(errors);
    return conflict;
  }
  return Error::invalid(std::move(errors));
}

// Keeps the stored phase in step with the file.
void refresh_phase(Context& ctx, Candidate& candidate, const std::vector<StepRecord>& steps) {
  std::optional<Organization> org = ctx.tx.orgs().find(candidate.person.org_id);
  const domain::AdmissionContext context =
      org ? admission_context_of(ctx.tx, ctx.services.catalog, *org) : domain::AdmissionContext{};
  candidate.phase = std::string(
      domain::phase_code(domain::admission_progress(candidate, steps, context, ctx.services.rules,
                                                    ctx.services.calendar, ctx.today())
                             .phase));
}

Status save_candidate(Context& ctx, Candidate& candidate, const Candidate& before) {
  candidate.updated_at = ctx.now();
  if (!ctx.tx.candidates().update(candidate, before)) return Error::stale_version();
  return Ok();
}

// The file's history keeps the values; the audit trail keeps personal identifiers and contact
// details only as hashes (audit_changes).
json audited(const json& details) {
  std::vector<FieldChange> changes;
  json kept = json::object();
  for (const auto& [key, value] : details.items()) {
    if (value.is_array() && value.size() == 2 && value[0].is_string() && value[1].is_string()) {
      changes.push_back({key, value[0].get<std::string>(), value[1].get<std::string>()});
    } else {
      kept[key] = value;
    }
  }
  json merged = audit_changes(changes);
  for (const auto& [key, value] : kept.items()) merged[key] = value;
  return merged;
}

void record_event(Context& ctx, const Candidate& candidate, const std::string& action,
                  const json& details) {
  ctx.tx.candidates().append_event(
      {0, candidate.id, ctx.now(), ctx.actor.name, action, dump(details)});
  AuditEntry entry = AuditEntry::about("candidate." + action, "candidate", candidate.id.value,
                                       candidate.person.org_path.str());
  entry.details = audited(details);
  ctx.audit(entry);
}

json person_changes(const Candidate& before, const Candidate& after) {
  json changes = json::object();
  for (const std::string& name : domain::candidate_person_fields()) {
    const domain::MemberField* field = domain::find_member_field(name);
    const std::string old_text = domain::member_field_text(before.person, *field);
    const std::string new_text = domain::member_field_text(after.person, *field);
    if (old_text != new_text) changes[name] = {old_text, new_text};
  }
  if (before.youth_union_member != after.youth_union_member)
    changes["youth_union_member"] = {before.youth_union_member, after.youth_union_member};
  if (before.readmission_of != after.readmission_of)
    changes["readmission_of"] = {before.readmission_of.value, after.readmission_of.value};
  if (before.over_age_approval != after.over_age_approval)
    changes["over_age_approval"] = {before.over_age_approval, after.over_age_approval};
  if (before.record_cleared_on != after.record_cleared_on) {
    changes["record_cleared_on"] = {before.record_cleared_on ? before.record_cleared_on->iso() : "",
                                    after.record_cleared_on ? after.record_cleared_on->iso() : ""};
  }
  return changes;
}

const StepRecord* find_step(const std::vector<StepRecord>& steps, AdmissionStep step) {
  for (const StepRecord& record : steps) {
    if (record.step == step) return &record;
  }
  return nullptr;
}

// The ceremony: the member on the roll (or a former member reinstated).
Status admit(Context& ctx, Candidate& candidate, const std::vector<StepRecord>& steps,
             const StepRecord& ceremony) {
  const StepRecord* decision = find_step(steps, AdmissionStep::kDecision);
  if (!decision) return Error::internal("ceremony without decision");
  const domain::Reach write = reach_of(ctx, domain::Permission::kMemberWrite);
  if (candidate.readmission_of.valid()) {
    std::optional<Member> former = ctx.tx.members().find(candidate.readmission_of);
    if (!former) return Error::internal("readmission without former member");
    const Member before = *former;
    const std::optional<domain::Gap> gap = domain::readmit(
        *former, *decision, ceremony, ctx.services.rules, gaps_of(ctx.tx, former->id));
    former->org_id = candidate.person.org_id;
    std::vector<FieldError> errors = check_member_references(ctx, *former, write);
    if (!errors.empty()) return Error::invalid(std::move(errors));
    // Stored before the change is saved, which derives the party-age facts from all the gaps.
    if (gap) ctx.tx.lifecycle().add_gap(former->id, {*gap, "readmission", TransferId()}, ctx.now());
    Status saved =
        save_lifecycle_change(ctx, before, *former, "readmission", ceremony.on, decision->document,
                              {{"candidate_id", candidate.id.value}});
    if (!saved) return saved;
    candidate.member_id = former->id;
  } else {
    Member member = domain::admitted_member(candidate, *decision, ceremony, ctx.services.rules);
    std::vector<FieldError> errors = check_member_references(ctx, member, write);
    for (FieldError& error :
         domain::check_member(member, ctx.services.catalog, ctx.services.rules, ctx.today()))
      errors.push_back(std::move(error));
    if (!errors.empty()) return Error::invalid(std::move(errors));
    const std::string now = ctx.now();
    member.created_at = member.updated_at = now;
    ctx.tx.members().insert(member);
    std::vector<FieldChange> changes = domain::diff_members(Member(), member);
    ctx.audit(AuditEntry::about_member("member.admission", member)
                  .with("candidate_id", candidate.id.value)
                  .with_document(decision->document, decision->on)
                  .with_changes(changes));
    ctx.tx.members().append_event({0, member.id, now, ctx.actor.name, "admission",
                                   std::move(changes), ceremony.on, decision->document});
    candidate.member_id = member.id;
  }
  candidate.status = std::string(domain::candidate_status::kAdmitted);
  candidate.closed_on = ceremony.on;
  return Ok();
}

}  // namespace

domain::Permission step_permission(AdmissionStep step) {
  switch (step) {
    case AdmissionStep::kSubCommitteeAppraisal:
    case AdmissionStep::kBaseResolution:
    case AdmissionStep::kDecision:
      return domain::Permission::kMemberDecide;
    default:
      return domain::Permission::kMemberWrite;
  }
}

Result<CandidateList> list_candidates(Context& ctx, const CandidateQuery& query) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kMemberRead);
  if (reach.none()) return Error::forbidden("forbidden");
  std::vector<FieldError> errors;
  CandidateFilter filter;
  for (const std::string& status : query.statuses) {
    if (status != domain::candidate_status::kOpen &&
        status != domain::candidate_status::kAdmitted &&
        status != domain::candidate_status::kWithdrawn)
      errors.push_back({"status", "unknown_code", {{"value", status}}});
  }
  static const std::set<std::string> phases = {"preparing", "cell_review", "superior_review",
                                               "ceremony",  "admitted",    "closed"};
  for (const std::string& phase : query.phases) {
    if (!phases.count(phase)) errors.push_back({"phase", "unknown_code", {{"value", phase}}});
  }
  if (!errors.empty()) return Error::invalid(std::move(errors));
  filter.statuses = query.statuses;
  filter.phases = query.phases;
  filter.name_query = text::fold(query.q);
  filter.offset = query.offset;
  filter.limit = query.limit;
  CandidateList list;
  if (query.org.valid()) {
    std::optional<Organization> org = ctx.tx.orgs().find(query.org);
    if (!org || !reach.covers(org->path)) return Error::not_found("organization");
    filter.subtree = org->path;
  } else if (!reach.everything) {
    if (reach.subtrees.empty()) return list;  // one's own record only: no candidates
    filter.within = reach.subtrees;
  }
  CandidatePage page = ctx.tx.candidates().page(filter);
  list.total = page.total;
  std::vector<OrgId> org_ids;
  for (const Candidate& candidate : page.items) org_ids.push_back(candidate.person.org_id);
  std::map<OrgId, Organization> orgs;
  for (Organization& org : ctx.tx.orgs().find_many(org_ids)) orgs.emplace(org.id, std::move(org));
  std::map<OrgId, domain::AdmissionContext> contexts;  // one per cell of the page
  for (Candidate& candidate : page.items) {
    const auto org = orgs.find(candidate.person.org_id);
    if (org == orgs.end()) return Error::internal("candidate without organization");
    std::vector<StepRecord> steps = std::move(page.steps[candidate.id]);
    list.items.push_back(
        view_of(ctx, std::move(candidate), std::move(steps), org->second, &contexts));
  }
  return list;
}

Result<CandidateDetail> get_candidate(Context& ctx, CandidateId id) {
  const domain::Reach reach = reach_of(ctx, domain::Permission::kMemberRead);
  Result<CandidateDetail> found = detail(ctx, id);
  if (!found || !reach.covers(found->view.candidate.person.org_path))
    return Error::not_found("candidate");
  return found;
}

Result<CandidateDetail> create_candidate(Context& ctx, const CandidateInput& input) {
  if (reach_of(ctx, domain::Permission::kMemberWrite).none()) return Error::forbidden("forbidden");
  Candidate candidate;
  std::vector<FieldError> errors;
  apply_input(candidate, input, ctx.services.catalog, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  errors = domain::check_candidate(candidate, ctx.services.catalog, ctx.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  Status references = check_references(ctx, candidate);
  if (!references) return std::move(references).error();
  candidate.created_at = candidate.updated_at = ctx.now();
  refresh_phase(ctx, candidate, {});
  ctx.tx.candidates().insert(candidate);
  record_event(ctx, candidate, "create", person_changes(Candidate(), candidate));
  return detail(ctx, candidate.id);
}

Result<CandidateDetail> update_candidate(Context& ctx, CandidateId id, int64_t version,
                                         const CandidateInput& input) {
  std::optional<Candidate> stored = ctx.tx.candidates().find(id);
  if (!stored || !reach_of(ctx, domain::Permission::kMemberRead).covers(stored->person.org_path))
    return Error::not_found("candidate");
  Status allowed =
      require_reach(ctx, domain::Permission::kMemberWrite, domain::Permission::kMemberRead,
                    stored->person.org_path, "candidate");
  if (!allowed) return std::move(allowed).error();
  if (stored->version != version) return Error::stale_version();
  if (stored->status != domain::candidate_status::kOpen)
    return Error::conflict("candidate_closed", {{"status", stored->status}});
  Candidate candidate = *stored;
  std::vector<FieldError> errors;
  apply_input(candidate, input, ctx.services.catalog, errors);
  if (!errors.empty()) return Error::invalid(std::move(errors));
  errors = domain::check_candidate(candidate, ctx.services.catalog, ctx.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  Status references = check_references(ctx, candidate);
  if (!references) return std::move(references).error();
  const json changes = person_changes(*stored, candidate);
  if (changes.empty()) return detail(ctx, id);
  refresh_phase(ctx, candidate, ctx.tx.candidates().steps(id));
  Status saved = save_candidate(ctx, candidate, *stored);
  if (!saved) return std::move(saved).error();
  record_event(ctx, candidate, "update", changes);
  return detail(ctx, id);
}

Result<CandidateDetail> record_admission_step(Context& ctx, CandidateId id, StepRecord step) {
  std::optional<Candidate> stored = ctx.tx.candidates().find(id);
  if (!stored || !reach_of(ctx, domain::Permission::kMemberRead).covers(stored->person.org_path))
    return Error::not_found("candidate");
  Status allowed = require_reach(ctx, step_permission(step.step), domain::Permission::kMemberRead,
                                 stored->person.org_path, "candidate");
  if (!allowed) return std::move(allowed).error();
  std::optional<Organization> cell = ctx.tx.orgs().find(stored->person.org_id);
  if (!cell) return Error::internal("candidate without organization");
  std::vector<StepRecord> steps = ctx.tx.candidates().steps(id);
  // Introducers, as the registry knows them; one beyond the actor's reach is "not found".
  std::vector<domain::IntroducerFacts> introducers;
  const domain::Reach read = reach_of(ctx, domain::Permission::kMemberRead);
  const std::optional<Organization> base =
      base_organization_of(ctx.tx, ctx.services.catalog, cell->path);
  for (const domain::Introducer& introducer : step.introducers) {
    domain::IntroducerFacts facts;
    facts.id = introducer.member_id;
    if (std::optional<Member> member = ctx.tx.members().find(introducer.member_id);
        member && read.covers(member->org_path)) {
      facts.found = true;
      facts.full_name = member->full_name;
      facts.status = member->status;
      facts.official_date = member->official_date;
      const std::optional<Organization> theirs =
          base_organization_of(ctx.tx, ctx.services.catalog, member->org_path);
      facts.same_base_organization = base && theirs && base->id == theirs->id;
    }
    introducers.push_back(std::move(facts));
  }
  std::vector<FieldError> errors = domain::check_admission_step(
      *stored, steps, step, admission_context_of(ctx.tx, ctx.services.catalog, *cell), introducers,
      former_of(ctx.tx, *stored), ctx.services.catalog, ctx.services.rules, ctx.services.calendar,
      ctx.today());
  if (!errors.empty()) return Error::invalid(std::move(errors));
  step.recorded_by = ctx.actor.name;
  step.recorded_at = ctx.now();
  ctx.tx.candidates().add_step(id, step);
  steps.push_back(step);
  Candidate candidate = *stored;
  if (step.step == AdmissionStep::kCeremony) {
    Status admitted = admit(ctx, candidate, steps, step);
    if (!admitted) return std::move(admitted).error();
  }
  refresh_phase(ctx, candidate, steps);
  Status saved = save_candidate(ctx, candidate, *stored);
  if (!saved) return std::move(saved).error();
  record_event(ctx, candidate, "step", step_json(step));
  if (step.step == AdmissionStep::kCeremony)
    record_event(ctx, candidate, "admit", {{"member_id", candidate.member_id.value}});
  return detail(ctx, id);
}

Result<CandidateDetail> undo_admission_step(Context& ctx, CandidateId id, AdmissionStep step) {
  std::optional<Candidate> stored = ctx.tx.candidates().find(id);
  if (!stored || !reach_of(ctx, domain::Permission::kMemberRead).covers(stored->person.org_path))
    return Error::not_found("candidate");
  Status allowed = require_reach(ctx, step_permission(step), domain::Permission::kMemberRead,
                                 stored->person.org_path, "candidate");
  if (!allowed) return std::move(allowed).error();
  if (stored->status != domain::candidate_status::kOpen)
    return Error::conflict("candidate_closed", {{"status", stored->status}});
  std::vector<StepRecord> steps = ctx.tx.candidates().steps(id);
  const StepRecord* recorded = find_step(steps, step);
  if (!recorded) return Error::invalid_field("step", "step_not_recorded");
  // Only the latest step in the procedure's order: the later ones rest on it.
  for (const StepRecord& other : steps) {
    if (static_cast<int>(other.step) > static_cast<int>(step)) {
      return Error::invalid_field("step", "step_has_later",
                                  {{"later", std::string(domain::step_code(other.step))}});
    }
  }
  const json undone = step_json(*recorded);
  ctx.tx.candidates().remove_step(id, step);
  steps.erase(std::remove_if(steps.begin(), steps.end(),
                             [&](const StepRecord& r) { return r.step == step; }),
              steps.end());
  Candidate candidate = *stored;
  refresh_phase(ctx, candidate, steps);
  Status saved = save_candidate(ctx, candidate, *stored);
  if (!saved) return std::move(saved).error();
  record_event(ctx, candidate, "undo_step", undone);
  return detail(ctx, id);
}

Result<CandidateDetail> close_candidate(Context& ctx, CandidateId id, int64_t version, Date on,
                                        const std::string& reason) {
  std::vector<FieldError> errors;
  const std::optional<std::string> cleaned =
      domain::clean_text_field("reason", reason, kMaxReasonChars, errors);
  if (cleaned && cleaned->empty()) errors.push_back({"reason", "required", {}});
  if (on > ctx.today()) errors.push_back({"on", "date_in_future", {}});
  if (!errors.empty()) return Error::invalid(std::move(errors));
  std::optional<Candidate> stored = ctx.tx.candidates().find(id);
  if (!stored || !reach_of(ctx, domain::Permission::kMemberRead).covers(stored->person.org_path))
    return Error::not_found("candidate");
  Status allowed =
      require_reach(ctx, domain::Permission::kMemberWrite, domain::Permission::kMemberRead,
                    stored->person.org_path, "candidate");
  if (!allowed) return std::move(allowed).error();
  if (stored->version != version) return Error::stale_version();
  if (stored->status != domain::candidate_status::kOpen)
    return Error::conflict("candidate_closed", {{"status", stored->status}});
  Candidate candidate = *stored;
  candidate.status = std::string(domain::candidate_status::kWithdrawn);
  candidate.closed_on = on;
  candidate.close_reason = *cleaned;
  candidate.phase = std::string(domain::phase_code(domain::AdmissionPhase::kClosed));
  Status saved = save_candidate(ctx, candidate, *stored);
  if (!saved) return std::move(saved).error();
  record_event(ctx, candidate, "close", {{"on", on.iso()}, {"reason", *cleaned}});
  return detail(ctx, id);
}

}  // namespace chibo::app
