#include "demo/lifecycle_demo.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "domain/lifecycle/badges.h"
#include "domain/members/member_rules.h"
#include "storage/sql/lifecycle/candidate_repository.h"
#include "storage/sql/lifecycle/lifecycle_repository.h"
#include "storage/sql/lifecycle/transfer_repository.h"
#include "storage/sql/registry/member_repository.h"

namespace chibo::demo {

namespace {

using domain::AdmissionStep;
using domain::Member;
using domain::StepRecord;

constexpr const char* kLifecycleActor = "demo";

using domain::on_roll;

// Days between one step and the next, as files move in practice.
int pause_before(AdmissionStep step, Rng& rng) {
  switch (step) {
    case AdmissionStep::kApplication:
      return static_cast<int>(rng.between(3, 20));
    case AdmissionStep::kPersonalHistory:
      return static_cast<int>(rng.between(5, 20));
    case AdmissionStep::kVerification:
      return static_cast<int>(rng.between(15, 45));
    case AdmissionStep::kIntroduction:
    case AdmissionStep::kEndorsement:
      return static_cast<int>(rng.between(3, 10));
    case AdmissionStep::kCellResolution:
      return static_cast<int>(rng.between(5, 25));
    case AdmissionStep::kSubCommitteeAppraisal:
      return static_cast<int>(rng.between(5, 15));
    case AdmissionStep::kBaseResolution:
      return static_cast<int>(rng.between(5, 20));
    case AdmissionStep::kDecision:
      return static_cast<int>(rng.between(10, 75));  // some past the 60 working days
    default:
      return 0;
  }
}

}  // namespace

LifecycleDemo::LifecycleDemo(const domain::Catalog& catalog, const domain::RuleSet& rules,
                             const domain::WorkingCalendar& calendar, Rng& rng, Date today,
                             std::string now)
    : catalog_(catalog),
      rules_(rules),
      calendar_(calendar),
      rng_(rng),
      today_(today),
      now_(std::move(now)),
      last_occasion_(domain::previous_occasion(rules, today.add_days(1)).value_or(today)) {}

void LifecycleDemo::shape_member(Member& member, const CellPlace& place) {
  std::vector<domain::Gap> gaps;  // this member's party-age gaps
  if (on_roll(member)) {
    const double roll = rng_.real();
    if (roll < 0.004) {
      // Away on a temporary transfer: study or work elsewhere, registration at home.
      domain::Transfer away;
      away.kind = domain::TransferKind::kTemporary;
      away.direction = domain::TransferDirection::kOutgoing;
      away.purpose = rng_.chance(0.6) ? "study" : "work";
      away.member_id = member.id;
      away.from_org = place.cell.id;
      away.from_path = place.cell.path;
      away.external_org = away.purpose == "study" ? "Chi bộ lớp Cao cấp lý luận chính trị"
                                                  : "Chi bộ cơ quan nơi công tác tạm thời";
      away.letter_date = today_.add_days(-static_cast<int32_t>(rng_.between(10, 250)));
      away.letter = {std::to_string(rng_.between(1, 90)) + "-GGT/CB", place.cell.name};
      away.started_on = away.letter_date;
      away.until = away.letter_date.add_months(
          static_cast<int>(away.purpose == "study" ? rng_.between(6, 24) : rng_.between(4, 11)));
      away.state = domain::TransferState::kAway;
      away.standing = member.status;
      transfers_.push_back(std::move(away));
    } else if (roll < 0.0055 && member.status == domain::status::kOfficial) {
      // Transferred out of the bloc: in transit (recent) or long confirmed.
      const bool recent = rng_.chance(0.4);
      domain::Transfer out;
      out.kind = domain::TransferKind::kOfficial;
      out.direction = domain::TransferDirection::kOutgoing;
      out.member_id = member.id;
      out.from_org = place.cell.id;
      out.from_path = place.cell.path;
      out.external_org = rng_.chance(0.5) ? "Đảng bộ Chính phủ" : "Đảng bộ thành phố Hà Nội";
      const Date earliest = std::max(member.official_date.value_or(today_), today_.add_years(-6));
      out.letter_date = recent ? today_.add_days(-static_cast<int32_t>(rng_.between(3, 70)))
                               : earliest.add_days(static_cast<int32_t>(rng_.below(
                                     std::max(1, today_.serial() - 90 - earliest.serial()))));
      out.letter_date = std::max(out.letter_date, earliest);
      out.letter = {std::to_string(rng_.between(1, 400)) + "-GGT/ĐUK", "Ban Tổ chức Đảng ủy Khối"};
      out.started_on = out.letter_date;
      out.standing = member.status;
      out.state = recent ? domain::TransferState::kInTransit : domain::TransferState::kCompleted;
      if (!recent)
        out.completed_on = out.letter_date.add_days(static_cast<int32_t>(rng_.between(5, 25)));
      member.status = std::string(domain::status::kTransferredOut);
      member.exit_date = out.letter_date;
      member.exit_ground = std::string(domain::status::kTransferredOut);
      transfers_.push_back(std::move(out));
    } else if (roll < 0.006 && member.status == domain::status::kOfficial &&
               member.admission_date && member.admission_date->year() < 2000) {
      // Removed once and readmitted years later: the time off the roll is a gap.
      const Date from = member.admission_date->add_years(static_cast<int>(rng_.between(4, 10)));
      const Date to = from.add_years(static_cast<int>(rng_.between(3, 6)))
                          .add_days(static_cast<int32_t>(rng_.below(200)));
      if (to < today_.add_years(-2)) {
        gaps.push_back({from, to});
        gaps_.push_back({member.id, {from, to}});
      }
    }
  }
  badges_of(member, gaps);
  domain::derive_member_facts(member, rules_, gaps);
}

void LifecycleDemo::badges_of(Member& member, const std::vector<domain::Gap>& gaps) {
  if (member.status != domain::status::kOfficial && member.status != domain::status::kExempted)
    return;
  const domain::RuleParameter* milestones = rules_.latest("badge.milestone_years");
  if (!milestones || !member.admission_date) return;
  for (const int64_t years : milestones->values) {
    const Date reached =
        domain::milestone_date(*member.admission_date, gaps, static_cast<int>(years));
    if (reached > last_occasion_) break;
    // Almost everyone received it at the first occasion after; a few were missed.
    if (!rng_.chance(0.985)) continue;
    const std::optional<Date> occasion = domain::next_occasion(rules_, reached);
    if (!occasion || *occasion > last_occasion_) continue;
    awards_.push_back({member.id, static_cast<int>(years), *occasion});
    member.highest_badge = static_cast<int>(years);
  }
}

void LifecycleDemo::member_written(const Member& member, const CellPlace& place) {
  if (member.status == domain::status::kOfficial && member.official_date) {
    officials_by_base_[place.base.value].push_back({member.id, *member.official_date});
    ++officials_by_cell_[place.cell.id.value];
  }
  if (member.status == domain::status::kProbationary && member.probation_ends_on &&
      *member.probation_ends_on < today_.add_days(-3) && rng_.chance(0.5)) {
    domain::RecognitionRecord cell;
    cell.step = domain::RecognitionStep::kCellResolution;
    cell.on = std::min(
        today_, member.probation_ends_on->add_days(static_cast<int32_t>(rng_.between(1, 25))));
    cell.document = {std::to_string(rng_.between(1, 60)) + "-NQ/CB", place.cell.name};
    const int entitled = static_cast<int>(rng_.between(5, 15));
    cell.vote = {entitled - static_cast<int>(rng_.between(0, 1)), 0, entitled};
    cell.recognized = true;
    cell.recorded_by = kLifecycleActor;
    cell.recorded_at = now_;
    recognitions_.emplace_back(member, std::move(cell));
  }
}

int LifecycleDemo::cell_officials(OrgId cell) const {
  const auto found = officials_by_cell_.find(cell.value);
  return found == officials_by_cell_.end() ? 0 : found->second;
}

void LifecycleDemo::make_candidate(const CellPlace& place, Member person) {
  domain::Candidate candidate;
  person.id = MemberId();
  person.org_id = place.cell.id;
  person.org_path = place.cell.path;
  person.party_card_no.clear();
  person.admission_date.reset();
  person.ceremony_date.reset();
  person.official_date.reset();
  person.status.clear();
  candidate.person = std::move(person);
  const int age = whole_years_between(*candidate.person.birth_date, today_);
  candidate.youth_union_member = age <= 30 && rng_.chance(0.85);
  candidate.created_at = candidate.updated_at = now_;

  const std::vector<AdmissionStep> sequence = domain::steps_to_go({}, place.context);
  // How far the file has gone: any step short of the ceremony.
  const size_t target =
      static_cast<size_t>(rng_.between(1, static_cast<int64_t>(sequence.size()) - 1));
  Date on = today_.add_days(-static_cast<int32_t>(rng_.between(40, 330)));
  std::vector<StepRecord> steps;
  std::vector<domain::IntroducerFacts> facts;
  for (size_t index = 0; index < target; ++index) {
    const AdmissionStep kind = sequence[index];
    on = on.add_days(pause_before(kind, rng_));
    if (on > today_) break;
    StepRecord step;
    step.step = kind;
    step.on = on;
    step.recorded_by = kLifecycleActor;
    step.recorded_at = now_;
    const std::string number = std::to_string(rng_.between(1, 300));
    switch (kind) {
      case AdmissionStep::kCourse:
        step.document = {number + "/GCN-TTCT", "Trung tâm Chính trị"};
        break;
      case AdmissionStep::kVerification:
        step.document = {number + "-BC/CB", place.cell.name};
        break;
      case AdmissionStep::kIntroduction: {
        const auto found = officials_by_base_.find(place.base.value);
        std::vector<Official> eligible;
        if (found != officials_by_base_.end()) {
          for (const Official& official : found->second)
            if (official.official_since <= on) eligible.push_back(official);
        }
        const bool youth = candidate.youth_union_member && rng_.chance(0.5);
        const size_t needed = youth ? 1 : 2;
        if (eligible.size() < needed) return;  // nobody to introduce: no file yet
        step.youth_union = youth;
        facts.clear();
        // Two different people (or one, with the Youth Union).
        const size_t first = rng_.below(eligible.size());
        const size_t second =
            (first + 1 + rng_.below(eligible.size() - 1 + (needed == 1))) % eligible.size();
        for (const size_t pick : {first, second}) {
          if (step.introducers.size() == needed) break;
          const Official& chosen = eligible[pick];
          step.introducers.push_back(
              {chosen.id, on.add_months(-static_cast<int>(rng_.between(13, 72)))});
          facts.push_back({chosen.id, true, "", "official", chosen.official_since, true});
        }
        break;
      }
      case AdmissionStep::kEndorsement:
        step.document = {"", rng_.chance(0.5) ? "Công đoàn cơ sở" : "Đoàn Thanh niên cơ sở"};
        break;
      case AdmissionStep::kCellResolution: {
        step.document = {number + "-NQ/CB", place.cell.name};
        const int entitled = std::max(3, cell_officials(place.cell.id));
        step.vote = {entitled - static_cast<int>(rng_.below(entitled / 4 + 1)), 0, entitled};
        break;
      }
      case AdmissionStep::kSubCommitteeAppraisal:
        step.document = {number + "-BC/ĐUBP", "Đảng ủy bộ phận"};
        break;
      case AdmissionStep::kBaseResolution: {
        step.document = {number + "-NQ/ĐU", "Đảng ủy cơ sở"};
        const int entitled = static_cast<int>(rng_.between(7, 15));
        step.vote = {entitled, 0, entitled};
        break;
      }
      case AdmissionStep::kDecision:
        step.document = {number + "-QĐ/ĐU", "Ban Thường vụ Đảng ủy cấp trên cơ sở"};
        step.received_on = std::min(today_, on.add_days(static_cast<int32_t>(rng_.between(1, 5))));
        break;
      default:
        break;
    }
    std::vector<FieldError> errors =
        domain::check_admission_step(candidate, steps, step, place.context, facts, std::nullopt,
                                     catalog_, rules_, calendar_, today_);
    if (!errors.empty() && errors.front().code == "decision_late") {
      step.note = "Chờ thẩm tra bổ sung lý lịch";
      errors = domain::check_admission_step(candidate, steps, step, place.context, facts,
                                            std::nullopt, catalog_, rules_, calendar_, today_);
    }
    if (!errors.empty()) break;  // as far as the rules allow
    steps.push_back(std::move(step));
  }
  if (steps.empty()) return;
  candidate.phase = std::string(domain::phase_code(
      domain::admission_progress(candidate, steps, place.context, rules_, calendar_, today_)
          .phase));
  report_.steps += static_cast<long long>(steps.size());
  ++report_.candidates;
  candidates_.emplace_back(std::move(candidate), std::move(steps));
}

void LifecycleDemo::write_awards(storage::BulkWriter& writer) {
  for (const PendingAward& award : awards_) {
    writer.add_award(award.member, award.milestone, award.occasion, award.occasion.add_days(-14),
                     std::to_string(100 + award.occasion.serial() % 900) + "-QĐ/ĐUK",
                     "Ban Thường vụ Đảng ủy Khối", kLifecycleActor, now_);
  }
  report_.awards = static_cast<long long>(awards_.size());
}

void LifecycleDemo::write(soci::session& session) {
  const std::vector<std::string> on_roll_statuses = catalog_.on_roll_statuses();
  storage::SqlCandidateRepository candidates(session);
  storage::SqlTransferRepository transfers(session);
  storage::SqlLifecycleRepository lifecycle(session, on_roll_statuses);
  storage::SqlMemberRepository members(session, on_roll_statuses);
  for (auto& [candidate, steps] : candidates_) {
    candidates.insert(candidate);
    candidates.append_event({0, candidate.id, now_, kLifecycleActor, "create", "{}"});
    for (const StepRecord& step : steps) {
      candidates.add_step(candidate.id, step);
      candidates.append_event({0, candidate.id, now_, kLifecycleActor, "step",
                               nlohmann::json{{"step", std::string(domain::step_code(step.step))},
                                              {"on", step.on.iso()}}
                                   .dump()});
    }
  }
  for (auto& [member, step] : recognitions_) {
    lifecycle.add_recognition(member.id, *member.probation_ends_on, step);
    members.append_event(
        {0, member.id, now_, kLifecycleActor, "recognition_proposed", {}, step.on, step.document});
  }
  report_.recognitions = static_cast<long long>(recognitions_.size());
  for (domain::Transfer& transfer : transfers_) {
    transfer.created_at = transfer.updated_at = now_;
    transfers.insert(transfer);
  }
  report_.transfers = static_cast<long long>(transfers_.size());
  for (const PendingGap& gap : gaps_)
    lifecycle.add_gap(gap.member, {gap.gap, "readmission", TransferId()}, now_);
}

}  // namespace chibo::demo
