#include "domain/lifecycle/admission.h"

#include <algorithm>
#include <set>

#include "domain/members/member_rules.h"

namespace chibo::domain {

namespace {

struct StepInfo {
  AdmissionStep step;
  const char* code;
};

constexpr StepInfo kSteps[] = {
    {AdmissionStep::kCourse, "course"},
    {AdmissionStep::kApplication, "application"},
    {AdmissionStep::kPersonalHistory, "personal_history"},
    {AdmissionStep::kVerification, "verification"},
    {AdmissionStep::kIntroduction, "introduction"},
    {AdmissionStep::kEndorsement, "endorsement"},
    {AdmissionStep::kCellResolution, "cell_resolution"},
    {AdmissionStep::kSubCommitteeAppraisal, "sub_committee_appraisal"},
    {AdmissionStep::kBaseResolution, "base_resolution"},
    {AdmissionStep::kDecision, "decision"},
    {AdmissionStep::kCeremony, "ceremony"},
};

const StepRecord* find_step(const std::vector<StepRecord>& recorded, AdmissionStep step) {
  for (const StepRecord& record : recorded) {
    if (record.step == step) return &record;
  }
  return nullptr;
}

bool applies(AdmissionStep step, const AdmissionContext& context) {
  if (step == AdmissionStep::kSubCommitteeAppraisal) return context.needs_sub_committee_appraisal;
  if (step == AdmissionStep::kBaseResolution) return context.needs_base_resolution;
  return true;
}

// The steps that must be recorded before `step`.
std::vector<AdmissionStep> prerequisites(AdmissionStep step, const AdmissionContext& context) {
  std::vector<AdmissionStep> before;
  switch (step) {
    case AdmissionStep::kVerification:
      before = {AdmissionStep::kPersonalHistory};
      break;
    case AdmissionStep::kCellResolution:
      for (const StepInfo& info : kSteps) {
        if (is_preparation(info.step)) before.push_back(info.step);
      }
      break;
    case AdmissionStep::kSubCommitteeAppraisal:
      before = {AdmissionStep::kCellResolution};
      break;
    case AdmissionStep::kBaseResolution:
      before = {AdmissionStep::kCellResolution, AdmissionStep::kSubCommitteeAppraisal};
      break;
    case AdmissionStep::kDecision:
      before = {AdmissionStep::kCellResolution, AdmissionStep::kSubCommitteeAppraisal,
                AdmissionStep::kBaseResolution};
      break;
    case AdmissionStep::kCeremony:
      before = {AdmissionStep::kDecision};
      break;
    default:
      break;
  }
  before.erase(std::remove_if(before.begin(), before.end(),
                              [&](AdmissionStep s) { return !applies(s, context); }),
               before.end());
  return before;
}

std::string codes_of(const std::vector<AdmissionStep>& steps) {
  std::string text;
  for (AdmissionStep step : steps) {
    if (!text.empty()) text += ",";
    text += step_code(step);
  }
  return text;
}

// The last day someone born on `birth` is within `max_months` whole months of age.
Date last_day_within(Date birth, int64_t max_months) {
  return birth.add_months(static_cast<int>(max_months + 1)).add_days(-1);
}

void require_document(const StepRecord& next, bool number, bool authority,
                      std::vector<FieldError>& errors) {
  if (number && next.document.number.empty()) errors.push_back({"document.number", "required", {}});
  if (authority && next.document.authority.empty())
    errors.push_back({"document.authority", "required", {}});
}

void check_age(const Candidate& candidate, Date on, const RuleSet& rules,
               std::vector<FieldError>& errors) {
  if (!candidate.person.birth_date) return;
  const int months = whole_months_between(*candidate.person.birth_date, on);
  if (const RuleParameter* min = rule_on(rules, "admission.min_age_months", on, "on", errors);
      min && months < min->value) {
    errors.push_back(rule_error(
        "on", "candidate_under_age", *min,
        {{"eligible_from",
          candidate.person.birth_date->add_months(static_cast<int>(min->value)).iso()}}));
  }
  if (const RuleParameter* max = rule_on(rules, "admission.max_age_months", on, "on", errors);
      max && months > max->value && candidate.over_age_approval.empty()) {
    errors.push_back(rule_error(
        "on", "candidate_over_age", *max,
        {{"last_day", last_day_within(*candidate.person.birth_date, max->value).iso()}}));
  }
}

void check_introduction(const Candidate& candidate, const StepRecord& next,
                        const std::vector<IntroducerFacts>& facts, const RuleSet& rules,
                        std::vector<FieldError>& errors) {
  const RuleParameter* count = rule_on(rules, "admission.introducers", next.on, "on", errors);
  const RuleParameter* known =
      rule_on(rules, "admission.introducer_known_months", next.on, "on", errors);
  if (!count || !known) return;
  int64_t needed = count->value;
  if (next.youth_union) {
    const RuleParameter* replaces =
        rule_on(rules, "admission.youth_union_replaces_introducer", next.on, "youth_union", errors);
    const RuleParameter* youth =
        rule_on(rules, "admission.youth_max_age_years", next.on, "youth_union", errors);
    if (!candidate.youth_union_member) {
      errors.push_back({"youth_union", "not_youth_union_member", {}});
    } else if (replaces && youth && replaces->value > 0 && candidate.person.birth_date) {
      if (whole_years_between(*candidate.person.birth_date, next.on) > youth->value) {
        errors.push_back(rule_error("youth_union", "past_youth_age", *youth));
      } else {
        needed -= 1;
      }
    }
  }
  if (static_cast<int64_t>(next.introducers.size()) != needed) {
    errors.push_back(rule_error("introducers", "introducer_count", *count,
                                {{"needed", std::to_string(needed)}}));
  }
  std::set<int64_t> seen;
  for (size_t index = 0; index < next.introducers.size(); ++index) {
    const Introducer& introducer = next.introducers[index];
    const std::string prefix = "introducers[" + std::to_string(index) + "]";
    if (!seen.insert(introducer.member_id.value).second) {
      errors.push_back({prefix + ".member_id", "introducer_repeated", {}});
      continue;
    }
    const auto fact = std::find_if(facts.begin(), facts.end(), [&](const IntroducerFacts& f) {
      return f.id == introducer.member_id;
    });
    if (fact == facts.end() || !fact->found) {
      errors.push_back({prefix + ".member_id", "introducer_not_found", {}});
      continue;
    }
    const bool official_then =
        fact->status == status::kOfficial && fact->official_date && *fact->official_date <= next.on;
    if (!official_then) {
      errors.push_back(
          {prefix + ".member_id",
           "introducer_not_official",
           {{"name", fact->full_name}, {"rule", count->key}, {"source", count->source}}});
    }
    if (!fact->same_base_organization) {
      errors.push_back(
          {prefix + ".member_id",
           "introducer_other_base",
           {{"name", fact->full_name}, {"rule", known->key}, {"source", known->source}}});
    }
    if (!introducer.known_since) {
      errors.push_back({prefix + ".known_since", "required", {}});
    } else if (*introducer.known_since > next.on) {
      errors.push_back({prefix + ".known_since", "date_after_step", {}});
    } else if (whole_months_between(*introducer.known_since, next.on) < known->value) {
      errors.push_back(rule_error(
          prefix + ".known_since", "introducer_known_too_short", *known,
          {{"name", fact->full_name},
           {"months", std::to_string(whole_months_between(*introducer.known_since, next.on))}}));
    }
  }
}

void check_cell_resolution(const Candidate& candidate, const std::vector<StepRecord>& recorded,
                           const StepRecord& next, const std::optional<ReadmissionFacts>& former,
                           const Catalog& catalog, const RuleSet& rules,
                           std::vector<FieldError>& errors) {
  require_document(next, true, false, errors);
  check_vote(next.vote, rule_on(rules, "admission.cell_vote_share", next.on, "vote", errors),
             "vote", errors);
  check_age(candidate, next.on, rules, errors);
  if (const StepRecord* course = find_step(recorded, AdmissionStep::kCourse)) {
    const RuleParameter* valid =
        rule_on(rules, "admission.course_valid_months", next.on, "on", errors);
    if (valid && next.on > course->on.add_months(static_cast<int>(valid->value))) {
      errors.push_back(rule_error(
          "on", "course_expired", *valid,
          {{"expired_on", course->on.add_months(static_cast<int>(valid->value)).iso()}}));
    }
  }
  if (former) {
    for (FieldError& error : check_readmission(candidate, *former, next.on, catalog, rules, "on"))
      errors.push_back(std::move(error));
  }
}

// A step past its deadline needs a reason (`note`), which the file then keeps.
void check_deadline(const std::string& key, Date from, const StepRecord& next,
                    const std::string& code, const RuleSet& rules, const WorkingCalendar& calendar,
                    std::vector<FieldError>& errors) {
  const RuleParameter* days = rule_on(rules, key, from, "on", errors);
  if (!days) return;
  const Result<Date> due = calendar.add_working_days(from, static_cast<int>(days->value));
  if (!due) {
    errors.push_back(calendar_field_error("on", due.error()));
  } else if (next.on > *due && next.note.empty()) {
    errors.push_back(rule_error("note", code, *days, {{"due", due->iso()}}));
  }
}

}  // namespace

const std::vector<AdmissionStep>& admission_steps() {
  static const std::vector<AdmissionStep> steps = [] {
    std::vector<AdmissionStep> all;
    for (const StepInfo& info : kSteps) all.push_back(info.step);
    return all;
  }();
  return steps;
}

std::string_view step_code(AdmissionStep step) {
  for (const StepInfo& info : kSteps) {
    if (info.step == step) return info.code;
  }
  return "";
}

std::optional<AdmissionStep> parse_admission_step(std::string_view code) {
  for (const StepInfo& info : kSteps) {
    if (code == info.code) return info.step;
  }
  return std::nullopt;
}

bool is_preparation(AdmissionStep step) {
  return static_cast<int>(step) < static_cast<int>(AdmissionStep::kCellResolution);
}

std::string_view phase_code(AdmissionPhase phase) {
  switch (phase) {
    case AdmissionPhase::kPreparing:
      return "preparing";
    case AdmissionPhase::kCellReview:
      return "cell_review";
    case AdmissionPhase::kSuperiorReview:
      return "superior_review";
    case AdmissionPhase::kCeremony:
      return "ceremony";
    case AdmissionPhase::kAdmitted:
      return "admitted";
    case AdmissionPhase::kClosed:
      return "closed";
  }
  return "";
}

const std::vector<std::string>& candidate_person_fields() {
  static const std::vector<std::string> fields = {
      "full_name",
      "birth_name",
      "sex",
      "birth_date",
      "place_of_birth",
      "home_town",
      "permanent_residence",
      "current_residence",
      "ethnicity",
      "religion",
      "citizen_id",
      "phone",
      "email",
      "general_education",
      "professional_qualification",
      "political_theory",
      "occupation",
      "work_unit",
      "position",
      "org_id",
  };
  return fields;
}

std::vector<FieldError> check_candidate(const Candidate& candidate, const Catalog& catalog,
                                        Date today) {
  std::vector<FieldError> errors;
  const Member& person = candidate.person;
  const std::pair<const char*, bool> required[] = {
      {"full_name", !person.full_name.empty()},
      {"sex", !person.sex.empty()},
      {"birth_date", person.birth_date.has_value()},
      {"ethnicity", !person.ethnicity.empty()},
      {"religion", !person.religion.empty()},
      {"citizen_id", !person.citizen_id.empty()},
      {"org_id", person.org_id.valid()},
  };
  for (const auto& [field, present] : required) {
    if (!present) errors.push_back({field, "required", {}});
  }
  if (person.birth_date && *person.birth_date > today)
    errors.push_back({"birth_date", "date_in_future", {}});
  if (!person.citizen_id.empty()) {
    if (auto problem =
            citizen_id_problem(person.citizen_id, person.sex, person.birth_date, catalog))
      errors.push_back({"citizen_id", *problem, {}});
  }
  if (candidate.record_cleared_on && *candidate.record_cleared_on > today)
    errors.push_back({"record_cleared_on", "date_in_future", {}});
  return errors;
}

std::vector<FieldError> check_readmission(const Candidate& candidate,
                                          const ReadmissionFacts& former, Date on,
                                          const Catalog& catalog, const RuleSet& rules,
                                          const std::string& field) {
  std::vector<FieldError> errors;
  const ExitGround* ground = catalog.exit_ground(former.exit_ground);
  if (!ground || !former.exit_date) {
    errors.push_back({"readmission_of", "readmission_not_former_member", {}});
    return errors;
  }
  if (!ground->readmission_allowed) {
    errors.push_back({"readmission_of",
                      "readmission_never",
                      {{"ground", ground->name_vi}, {"source", ground->source}}});
  }
  if (const RuleParameter* times = rule_on(rules, "readmission.max_times", on, field, errors);
      times && former.previous_readmissions >= times->value) {
    errors.push_back(rule_error("readmission_of", "readmission_once", *times));
  }
  const RuleParameter* wait = rule_on(rules, "readmission.wait_months", on, field, errors);
  if (!wait) return errors;
  Date eligible = former.exit_date->add_months(static_cast<int>(wait->value));
  const RuleParameter* binding = wait;
  if (candidate.record_cleared_on) {
    const RuleParameter* after_record =
        rule_on(rules, "readmission.wait_after_record_months", on, field, errors);
    if (after_record) {
      const Date later =
          candidate.record_cleared_on->add_months(static_cast<int>(after_record->value));
      if (later > eligible) {
        eligible = later;
        binding = after_record;
      }
    }
  }
  if (on < eligible)
    errors.push_back(
        rule_error(field, "readmission_too_early", *binding, {{"eligible_from", eligible.iso()}}));
  return errors;
}

std::vector<FieldError> check_admission_step(
    const Candidate& candidate, const std::vector<StepRecord>& recorded, const StepRecord& next,
    const AdmissionContext& context, const std::vector<IntroducerFacts>& introducers,
    const std::optional<ReadmissionFacts>& former, const Catalog& catalog, const RuleSet& rules,
    const WorkingCalendar& calendar, Date today) {
  std::vector<FieldError> errors;
  if (candidate.status != candidate_status::kOpen) {
    errors.push_back({"step", "candidate_closed", {{"status", candidate.status}}});
    return errors;
  }
  if (find_step(recorded, next.step)) {
    errors.push_back({"step", "step_already_recorded", {}});
    return errors;
  }
  if (!applies(next.step, context)) {
    errors.push_back({"step", "step_not_applicable", {}});
    return errors;
  }
  std::vector<AdmissionStep> missing;
  for (AdmissionStep before : prerequisites(next.step, context)) {
    const StepRecord* done = find_step(recorded, before);
    if (!done) {
      missing.push_back(before);
    } else if (next.on < done->on) {
      errors.push_back({"on",
                        "step_before_prerequisite",
                        {{"step", std::string(step_code(before))}, {"date", done->on.iso()}}});
    }
  }
  if (!missing.empty()) {
    errors.push_back({"step", "step_requires", {{"steps", codes_of(missing)}}});
    return errors;
  }
  check_step_date("on", next.on, today, errors);
  if (candidate.person.birth_date && next.on < *candidate.person.birth_date)
    errors.push_back({"on", "date_before_birth", {}});
  switch (next.step) {
    case AdmissionStep::kCourse:
      require_document(next, true, true, errors);
      break;
    case AdmissionStep::kIntroduction:
      check_introduction(candidate, next, introducers, rules, errors);
      break;
    case AdmissionStep::kEndorsement:
      require_document(next, false, true, errors);
      break;
    case AdmissionStep::kCellResolution:
      check_cell_resolution(candidate, recorded, next, former, catalog, rules, errors);
      break;
    case AdmissionStep::kSubCommitteeAppraisal:
      require_document(next, false, true, errors);
      break;
    case AdmissionStep::kBaseResolution:
      require_document(next, true, false, errors);
      check_vote(next.vote, rule_on(rules, "admission.base_vote_share", next.on, "vote", errors),
                 "vote", errors);
      break;
    case AdmissionStep::kDecision: {
      require_document(next, true, true, errors);
      const StepRecord* cell = find_step(recorded, AdmissionStep::kCellResolution);
      check_deadline("admission.decision_working_days", cell->on, next, "decision_late", rules,
                     calendar, errors);
      if (next.received_on) {
        if (*next.received_on < next.on)
          errors.push_back({"received_on", "received_before_decision", {}});
        if (*next.received_on > today) errors.push_back({"received_on", "date_in_future", {}});
      }
      break;
    }
    case AdmissionStep::kCeremony: {
      const StepRecord* decision = find_step(recorded, AdmissionStep::kDecision);
      check_deadline("admission.ceremony_working_days",
                     decision->received_on.value_or(decision->on), next, "ceremony_late", rules,
                     calendar, errors);
      break;
    }
    default:
      break;
  }
  return errors;
}

std::vector<AdmissionStep> steps_to_go(const std::vector<StepRecord>& recorded,
                                       const AdmissionContext& context) {
  std::vector<AdmissionStep> to_go;
  for (const StepInfo& info : kSteps) {
    if (applies(info.step, context) && !find_step(recorded, info.step)) to_go.push_back(info.step);
  }
  return to_go;
}

AdmissionProgress admission_progress(const Candidate& candidate,
                                     const std::vector<StepRecord>& recorded,
                                     const AdmissionContext& context, const RuleSet& rules,
                                     const WorkingCalendar& calendar, Date today,
                                     const std::optional<ReadmissionFacts>& former) {
  AdmissionProgress progress;
  if (candidate.status == candidate_status::kAdmitted) {
    progress.phase = AdmissionPhase::kAdmitted;
    return progress;
  }
  if (candidate.status != candidate_status::kOpen) {
    progress.phase = AdmissionPhase::kClosed;
    return progress;
  }
  const std::vector<AdmissionStep> to_go = steps_to_go(recorded, context);
  const auto has = [&](AdmissionStep step) { return find_step(recorded, step) != nullptr; };
  if (has(AdmissionStep::kDecision)) {
    progress.phase = AdmissionPhase::kCeremony;
  } else if (has(AdmissionStep::kCellResolution)) {
    progress.phase = AdmissionPhase::kSuperiorReview;
  } else if (std::any_of(to_go.begin(), to_go.end(), is_preparation)) {
    progress.phase = AdmissionPhase::kPreparing;
  } else {
    progress.phase = AdmissionPhase::kCellReview;
  }
  for (AdmissionStep step : to_go) {
    const bool in_phase =
        (progress.phase == AdmissionPhase::kPreparing && is_preparation(step)) ||
        (progress.phase == AdmissionPhase::kCellReview && step == AdmissionStep::kCellResolution) ||
        (progress.phase == AdmissionPhase::kSuperiorReview && step != AdmissionStep::kCeremony) ||
        (progress.phase == AdmissionPhase::kCeremony && step == AdmissionStep::kCeremony);
    if (in_phase) progress.missing.push_back(step);
  }

  const auto notice = [&](std::string code, Date date, const RuleParameter* rule) {
    progress.notices.push_back({std::move(code), date, rule});
  };
  const bool before_cell = !has(AdmissionStep::kCellResolution);
  const std::optional<Date>& birth = candidate.person.birth_date;
  if (before_cell && birth) {
    if (const RuleParameter* min = rules.in_force("admission.min_age_months", today);
        min && whole_months_between(*birth, today) < min->value) {
      notice("eligible_from", birth->add_months(static_cast<int>(min->value)), min);
    }
    if (const RuleParameter* max = rules.in_force("admission.max_age_months", today);
        max && candidate.over_age_approval.empty()) {
      const Date last = last_day_within(*birth, max->value);
      // Shown from half a year ahead, so that the cell can consider the candidate in time.
      if (last < today.add_days(183)) notice(last < today ? "over_age" : "age_limit", last, max);
    }
  }
  if (former && former->exit_date && before_cell) {
    if (const RuleParameter* wait = rules.in_force("readmission.wait_months", today)) {
      Date eligible = former->exit_date->add_months(static_cast<int>(wait->value));
      const RuleParameter* binding = wait;
      const RuleParameter* after_record =
          rules.in_force("readmission.wait_after_record_months", today);
      if (candidate.record_cleared_on && after_record) {
        const Date later =
            candidate.record_cleared_on->add_months(static_cast<int>(after_record->value));
        if (later > eligible) {
          eligible = later;
          binding = after_record;
        }
      }
      if (eligible > today) notice("readmission_from", eligible, binding);
    }
  }
  if (const StepRecord* course = find_step(recorded, AdmissionStep::kCourse);
      course && before_cell) {
    if (const RuleParameter* valid = rules.in_force("admission.course_valid_months", today)) {
      const Date expires = course->on.add_months(static_cast<int>(valid->value));
      if (expires < today.add_days(183))
        notice(expires < today ? "course_expired" : "course_expires", expires, valid);
    }
  }
  if (const StepRecord* cell = find_step(recorded, AdmissionStep::kCellResolution);
      cell && !has(AdmissionStep::kDecision)) {
    if (const RuleParameter* days = rules.in_force("admission.decision_working_days", cell->on)) {
      // A deadline in a year without a calendar is not guessed: no notice.
      if (const Result<Date> due =
              calendar.add_working_days(cell->on, static_cast<int>(days->value)))
        notice(today > *due ? "decision_overdue" : "decision_due", *due, days);
    }
  }
  if (const StepRecord* decision = find_step(recorded, AdmissionStep::kDecision)) {
    const Date from = decision->received_on.value_or(decision->on);
    if (const RuleParameter* days = rules.in_force("admission.ceremony_working_days", from)) {
      if (const Result<Date> due = calendar.add_working_days(from, static_cast<int>(days->value)))
        notice(today > *due ? "ceremony_overdue" : "ceremony_due", *due, days);
    }
  }
  return progress;
}

Member admitted_member(const Candidate& candidate, const StepRecord& decision,
                       const StepRecord& ceremony, const RuleSet& rules) {
  Member member = candidate.person;
  member.id = MemberId();
  member.status = std::string(status::kProbationary);
  member.admission_date = decision.on;
  member.ceremony_date = ceremony.on;
  member.official_date.reset();
  member.exit_date.reset();
  member.exit_ground.clear();
  derive_member_facts(member, rules, {});
  return member;
}

std::optional<Gap> readmit(Member& former, const StepRecord& decision, const StepRecord& ceremony,
                           const RuleSet& rules, std::span<const Gap> earlier) {
  const Date left = former.exit_date.value_or(decision.on);
  std::optional<Gap> gap;
  if (decision.on > left) gap = Gap{left, decision.on};
  former.status = std::string(status::kProbationary);
  former.ceremony_date = ceremony.on;
  former.official_date.reset();
  former.exit_date.reset();
  former.exit_ground.clear();
  former.party_card_no.clear();  // a card is issued to official members only
  std::vector<Gap> gaps(earlier.begin(), earlier.end());
  if (gap) gaps.push_back(*gap);
  derive_member_facts(former, rules, gaps);
  return gap;
}

}  // namespace chibo::domain
