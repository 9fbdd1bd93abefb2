#include "http/lifecycle_json.h"

#include "domain/fields.h"
#include "http/json_views.h"

namespace chibo::http {

namespace {

using nlohmann::json;

constexpr size_t kDocumentChars = 255;
constexpr int kMaxVotes = 100000;
constexpr size_t kMaxIntroducers = 4;

// A nested object's fields, with errors named "<name>.<field>".
template <class Read>
void read_nested(JsonFields& fields, const std::string& name, std::vector<FieldError>& errors,
                 Read read) {
  const json* value = fields.raw(name);
  if (!value || value->is_null()) return;
  if (!value->is_object()) {
    errors.push_back({name, "wrong_type", {{"expected_code", "object"}}});
    return;
  }
  JsonFields nested(*value);
  std::vector<FieldError> inner;
  read(nested, inner);
  for (FieldError& error : nested.finish()) inner.push_back(std::move(error));
  for (FieldError& error : inner) {
    error.field = name + "." + error.field;
    errors.push_back(std::move(error));
  }
}

json member_brief(const domain::Member& member, const std::string& org_name) {
  return {{"id", member.id.value}, {"full_name", member.full_name}, {"org_id", member.org_id.value},
          {"org_name", org_name},  {"status", member.status},       {"version", member.version}};
}

json rule_ref(const domain::RuleParameter* rule) {
  if (!rule) return nullptr;
  return {{"key", rule->key}, {"value", rule->value}, {"source", rule->source}};
}

}  // namespace

std::optional<Date> read_date_field(JsonFields& fields, const std::string& name, bool required,
                                    std::vector<FieldError>& errors) {
  const size_t before = errors.size();
  const auto value = fields.text(name);
  if (value && *value && !(*value)->empty()) return domain::parse_date_field(name, **value, errors);
  // Absent, null or "" are the same for a date; a wrong type is already reported elsewhere.
  const bool mistyped = value == std::nullopt && fields.has(name);
  if (required && !mistyped && errors.size() == before) errors.push_back({name, "required", {}});
  return std::nullopt;
}

std::string read_text_field(JsonFields& fields, const std::string& name, size_t max_chars,
                            std::vector<FieldError>& errors) {
  const auto value = fields.text(name);
  if (!value || !*value) return std::string();
  return domain::clean_text_field(name, **value, max_chars, errors).value_or(std::string());
}

domain::Document read_document(JsonFields& fields, const std::string& name,
                               std::vector<FieldError>& errors) {
  domain::Document document;
  read_nested(fields, name, errors, [&](JsonFields& nested, std::vector<FieldError>& inner) {
    document.number = read_text_field(nested, "number", kDocumentChars, inner);
    document.authority = read_text_field(nested, "authority", kDocumentChars, inner);
  });
  return document;
}

domain::Vote read_vote(JsonFields& fields, const std::string& name,
                       std::vector<FieldError>& errors) {
  domain::Vote vote;
  read_nested(fields, name, errors, [&](JsonFields& nested, std::vector<FieldError>& inner) {
    const std::pair<const char*, int domain::Vote::*> parts[] = {
        {"in_favour", &domain::Vote::in_favour},
        {"against", &domain::Vote::against},
        {"entitled", &domain::Vote::entitled}};
    for (const auto& [part, slot] : parts) {
      if (std::optional<long long> value = nested.integer(part, false)) {
        if (*value < 0 || *value > kMaxVotes) {
          inner.push_back(
              {part, "out_of_range", {{"min", "0"}, {"max", std::to_string(kMaxVotes)}}});
        } else {
          vote.*slot = static_cast<int>(*value);
        }
      }
    }
  });
  return vote;
}

std::vector<domain::Introducer> read_introducers(JsonFields& fields, const std::string& name,
                                                 std::vector<FieldError>& errors) {
  std::vector<domain::Introducer> introducers;
  const json* value = fields.raw(name);
  if (!value || value->is_null()) return introducers;
  if (!value->is_array() || value->size() > kMaxIntroducers) {
    errors.push_back({name,
                      value->is_array() ? "too_many" : "wrong_type",
                      {{"expected_code", "array"}, {"max", std::to_string(kMaxIntroducers)}}});
    return introducers;
  }
  for (size_t index = 0; index < value->size(); ++index) {
    const std::string prefix = name + "[" + std::to_string(index) + "]";
    const json& item = (*value)[index];
    if (!item.is_object()) {
      errors.push_back({prefix, "wrong_type", {{"expected_code", "object"}}});
      continue;
    }
    JsonFields nested(item);
    std::vector<FieldError> inner;
    domain::Introducer introducer;
    if (std::optional<long long> id = nested.integer("member_id", true)) {
      if (*id <= 0) inner.push_back({"member_id", "invalid_id", {}});
      introducer.member_id = MemberId(*id);
    }
    introducer.known_since = read_date_field(nested, "known_since", false, inner);
    for (FieldError& error : nested.finish()) inner.push_back(std::move(error));
    for (FieldError& error : inner) {
      error.field = prefix + "." + error.field;
      errors.push_back(std::move(error));
    }
    introducers.push_back(introducer);
  }
  return introducers;
}

json document_json(const domain::Document& document) {
  if (document.empty()) return nullptr;
  return {{"number", text_or_null(document.number)},
          {"authority", text_or_null(document.authority)}};
}

json notice_json(const domain::Notice& notice) {
  return {
      {"code", notice.code}, {"date", date_or_null(notice.date)}, {"rule", rule_ref(notice.rule)}};
}

json step_json(const domain::StepRecord& step) {
  json value = {{"step", std::string(domain::step_code(step.step))},
                {"on", step.on.iso()},
                {"document", document_json(step.document)},
                {"vote", nullptr},
                {"introducers", json::array()},
                {"youth_union", step.youth_union},
                {"received_on", date_or_null(step.received_on)},
                {"place", text_or_null(step.place)},
                {"note", text_or_null(step.note)},
                {"recorded_by", step.recorded_by},
                {"recorded_at", step.recorded_at}};
  if (step.step == domain::AdmissionStep::kCellResolution ||
      step.step == domain::AdmissionStep::kBaseResolution) {
    value["vote"] = {{"in_favour", step.vote.in_favour},
                     {"against", step.vote.against},
                     {"entitled", step.vote.entitled}};
  }
  for (const domain::Introducer& introducer : step.introducers) {
    value["introducers"].push_back({{"member_id", introducer.member_id.value},
                                    {"known_since", date_or_null(introducer.known_since)}});
  }
  return value;
}

json candidate_json(const app::CandidateView& view) {
  const domain::Candidate& candidate = view.candidate;
  json value = {{"id", candidate.id.value}};
  for (const std::string& name : domain::candidate_person_fields()) {
    const domain::MemberField* field = domain::find_member_field(name);
    if (name == "org_id") {
      value["org_id"] = candidate.person.org_id.value;
    } else {
      value[name] = text_or_null(domain::member_field_text(candidate.person, *field));
    }
  }
  value["org_name"] = view.org_name;
  value["youth_union_member"] = candidate.youth_union_member;
  value["readmission_of"] =
      candidate.readmission_of.valid() ? json(candidate.readmission_of.value) : json(nullptr);
  value["record_cleared_on"] = date_or_null(candidate.record_cleared_on);
  value["over_age_approval"] = text_or_null(candidate.over_age_approval);
  value["status"] = candidate.status;
  value["phase"] = std::string(domain::phase_code(view.progress.phase));
  value["member_id"] =
      candidate.member_id.valid() ? json(candidate.member_id.value) : json(nullptr);
  value["closed_on"] = date_or_null(candidate.closed_on);
  value["close_reason"] = text_or_null(candidate.close_reason);
  json missing = json::array();
  for (domain::AdmissionStep step : view.progress.missing)
    missing.push_back(std::string(domain::step_code(step)));
  value["missing"] = std::move(missing);
  json notices = json::array();
  for (const domain::Notice& notice : view.progress.notices) notices.push_back(notice_json(notice));
  value["notices"] = std::move(notices);
  json steps = json::array();
  for (const domain::StepRecord& step : view.steps) steps.push_back(step_json(step));
  value["steps"] = std::move(steps);
  value["needs_sub_committee_appraisal"] = view.context.needs_sub_committee_appraisal;
  value["needs_base_resolution"] = view.context.needs_base_resolution;
  value["version"] = candidate.version;
  value["created_at"] = candidate.created_at;
  value["updated_at"] = candidate.updated_at;
  return value;
}

json candidate_detail_json(const app::CandidateDetail& detail) {
  json value = candidate_json(detail.view);
  json to_go = json::array();
  for (domain::AdmissionStep step : detail.to_go)
    to_go.push_back(std::string(domain::step_code(step)));
  value["steps_to_go"] = std::move(to_go);
  json names = json::object();
  for (const auto& [id, name] : detail.introducer_names) names[std::to_string(id.value)] = name;
  value["introducer_names"] = std::move(names);
  json history = json::array();
  for (const app::CandidateEvent& event : detail.history) {
    json details = json::parse(event.details, nullptr, false);
    if (details.is_discarded()) details = json::object();
    history.push_back({{"id", event.id},
                       {"at", event.at},
                       {"actor", event.actor},
                       {"action", event.action},
                       {"details", std::move(details)}});
  }
  value["history"] = std::move(history);
  if (detail.former) {
    value["former"] = {{"status", detail.former->status},
                       {"exit_date", date_or_null(detail.former->exit_date)},
                       {"exit_ground", text_or_null(detail.former->exit_ground)},
                       {"previous_readmissions", detail.former->previous_readmissions}};
  } else {
    value["former"] = nullptr;
  }
  return value;
}

json transfer_json(const app::TransferView& view) {
  const domain::Transfer& t = view.transfer;
  return {{"id", t.id.value},
          {"kind", std::string(domain::transfer_kind_code(t.kind))},
          {"direction", std::string(domain::transfer_direction_code(t.direction))},
          {"purpose", text_or_null(t.purpose)},
          {"state", std::string(domain::transfer_state_code(t.state))},
          {"member_id", t.member_id.valid() ? json(t.member_id.value) : json(nullptr)},
          {"member_name", text_or_null(view.member_name)},
          {"from_org_id", t.from_org.valid() ? json(t.from_org.value) : json(nullptr)},
          {"from_name", text_or_null(view.from_name)},
          {"to_org_id", t.to_org.valid() ? json(t.to_org.value) : json(nullptr)},
          {"to_name", text_or_null(view.to_name)},
          {"external_org", text_or_null(t.external_org)},
          {"letter_date", t.letter_date.iso()},
          {"letter", document_json(t.letter)},
          {"started_on", t.started_on.iso()},
          {"until", date_or_null(t.until)},
          {"present_by", date_or_null(view.present_by)},
          {"completed_on", date_or_null(t.completed_on)},
          {"overdue", view.overdue},
          {"gap_days", t.gap_days},
          {"note", text_or_null(t.note)},
          {"guest_citizen_id", text_or_null(t.guest_citizen_id)},
          {"version", t.version},
          {"created_at", t.created_at},
          {"updated_at", t.updated_at}};
}

json recognition_json(const domain::RecognitionRecord& step) {
  json value = {
      {"step", step.step == domain::RecognitionStep::kDecision ? "decision" : "cell_resolution"},
      {"on", step.on.iso()},
      {"document", document_json(step.document)},
      {"recognized", step.recognized},
      {"vote", nullptr},
      {"note", text_or_null(step.note)},
      {"recorded_by", step.recorded_by},
      {"recorded_at", step.recorded_at}};
  if (step.step == domain::RecognitionStep::kCellResolution) {
    value["vote"] = {{"in_favour", step.vote.in_favour},
                     {"against", step.vote.against},
                     {"entitled", step.vote.entitled}};
  }
  return value;
}

json probation_lists_json(const app::ProbationLists& lists, size_t limit) {
  auto items = [limit](const std::vector<app::ProbationItem>& list) {
    json array = json::array();
    for (const app::ProbationItem& item : list) {
      if (array.size() >= limit) break;
      json value = member_brief(item.member, item.org_name);
      value["admission_date"] = date_or_null(item.member.admission_date);
      value["ceremony_date"] = date_or_null(item.member.ceremony_date);
      value["probation_ends_on"] = item.view.ends_on.iso();
      value["consider_by"] = date_or_null(item.view.consider_by);
      value["ceremony_known"] = item.view.ceremony_known;
      value["days_to_end"] = item.view.days_to_end;
      value["cell_resolution"] =
          item.cell_resolution ? recognition_json(*item.cell_resolution) : json(nullptr);
      value["decision_due"] = date_or_null(item.decision_due);
      array.push_back(std::move(value));
    }
    return array;
  };
  return {{"today", lists.today.iso()},
          {"within_days", lists.within_days},
          {"due", items(lists.due)},
          {"overdue", items(lists.overdue)},
          {"awaiting_decision", items(lists.awaiting)},
          {"counts",
           {{"due", lists.due.size()},
            {"overdue", lists.overdue.size()},
            {"awaiting_decision", lists.awaiting.size()}}}};
}

json badge_list_json(const app::BadgeList& list) {
  json items = json::array();
  for (const app::BadgeItem& item : list.items) {
    json value = member_brief(item.member, item.org_name);
    value["admission_date"] = date_or_null(item.member.admission_date);
    value["milestone"] = item.due.milestone;
    value["reached_on"] = item.due.reached_on.iso();
    value["since_last_occasion"] = item.due.since_last;
    value["highest_awarded"] = item.member.highest_badge;
    value["party_age_years"] = item.age_on_occasion.years;
    items.push_back(std::move(value));
  }
  json counts = json::object();
  for (const auto& [milestone, count] : list.by_milestone)
    counts[std::to_string(milestone)] = count;
  return {{"occasion", list.occasion.iso()},
          {"previous_occasion", list.previous.iso()},
          {"total", list.total},
          {"by_milestone", std::move(counts)},
          {"items", std::move(items)}};
}

json lifecycle_json(const app::MemberLifecycle& lifecycle) {
  const domain::Member& member = lifecycle.member;
  json gaps = json::array();
  for (const app::StoredGap& gap : lifecycle.gaps) {
    // The period is what party age subtracts (party_age.h); the days are shown beside it.
    const domain::Period period = domain::period_between(gap.gap.from, gap.gap.to);
    gaps.push_back({{"from", gap.gap.from.iso()},
                    {"to", gap.gap.to.iso()},
                    {"days", gap.gap.days()},
                    {"period",
                     {{"years", period.years_part()},
                      {"months", period.months_part()},
                      {"days", period.days}}},
                    {"reason", gap.reason}});
  }
  json probation = nullptr;
  if (lifecycle.probation) {
    probation = {{"ends_on", lifecycle.probation->ends_on.iso()},
                 {"consider_by", date_or_null(lifecycle.probation->consider_by)},
                 {"ceremony_known", lifecycle.probation->ceremony_known},
                 {"days_to_end", lifecycle.probation->days_to_end},
                 {"overdue", lifecycle.probation->overdue}};
  }
  json recognition = json::array();
  for (const auto& step : lifecycle.recognition) recognition.push_back(recognition_json(step));
  json transfers = json::array();
  for (const app::TransferView& view : lifecycle.transfers)
    transfers.push_back(transfer_json(view));
  json awards = json::array();
  for (const app::BadgeAward& award : lifecycle.awards) {
    awards.push_back({{"milestone", award.milestone},
                      {"occasion", award.occasion.iso()},
                      {"decided_on", award.decided_on.iso()},
                      {"document", document_json(award.document)}});
  }
  return {
      {"member_id", member.id.value},
      {"status", member.status},
      {"version", member.version},
      {"today", lifecycle.today.iso()},
      {"admission_date", date_or_null(member.admission_date)},
      {"ceremony_date", date_or_null(member.ceremony_date)},
      {"official_date", date_or_null(member.official_date)},
      {"exit_date", date_or_null(member.exit_date)},
      {"exit_ground", text_or_null(member.exit_ground)},
      {"party_age",
       {{"years", lifecycle.party_age.years},
        {"months", lifecycle.party_age.months},
        {"days", lifecycle.party_age.days},
        {"gap_days", member.party_age_gap_days}}},
      {"gaps", std::move(gaps)},
      {"probation", std::move(probation)},
      {"recognition", std::move(recognition)},
      {"transfers", std::move(transfers)},
      {"badges", std::move(awards)},
      {"next_badge", lifecycle.next_badge ? json({{"milestone", *lifecycle.next_badge},
                                                  {"on", date_or_null(lifecycle.next_badge_on)}})
                                          : json(nullptr)}};
}

}  // namespace chibo::http
