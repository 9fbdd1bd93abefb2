// Admission (kết nạp đảng viên): a candidate's file in a cell, its steps in the order of
// 12-HD/BTCTW and the Charter, and the checks each step must pass under the rules in force on
// its date. Rules-reference.md §2 (the admission file) and §3 (eligibility, introducers,
// deadlines). Pure: the caller looks up the registry facts (introducers, a former membership)
// and the tree (which resolutions the candidate's cell needs).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/ids.h"
#include "domain/calendar/working_calendar.h"
#include "domain/catalog/catalog.h"
#include "domain/lifecycle/decision.h"
#include "domain/lifecycle/party_age.h"
#include "domain/members/member.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

enum class AdmissionStep {
  kCourse,           // lớp bồi dưỡng nhận thức về Đảng (certificate)
  kApplication,      // đơn xin vào Đảng (1-KNĐ)
  kPersonalHistory,  // lý lịch người xin vào Đảng (2-KNĐ)
  kVerification,     // thẩm tra lý lịch
  kIntroduction,     // giới thiệu: two official members, or the Youth Union and one
  kEndorsement,      // nhận xét của đoàn thể và chi ủy nơi cư trú (5-KNĐ)
  kCellResolution,   // nghị quyết chi bộ đề nghị kết nạp (6-KNĐ)
  kSubCommitteeAppraisal,  // thẩm định của đảng ủy bộ phận (only under a đảng bộ bộ phận)
  kBaseResolution,  // nghị quyết đảng ủy cơ sở (8-KNĐ; not when the cell is the base)
  kDecision,        // quyết định kết nạp (9-KNĐ)
  kCeremony,        // lễ kết nạp: the member is on the roll, probation begins
};

// Every step, in order.
const std::vector<AdmissionStep>& admission_steps();
std::string_view step_code(AdmissionStep step);
std::optional<AdmissionStep> parse_admission_step(std::string_view code);
// The steps of the file that the cell's resolution needs first.
bool is_preparation(AdmissionStep step);

// Where a candidate stands, for the board of a cell.
enum class AdmissionPhase {
  kPreparing,       // the file is being put together
  kCellReview,      // complete; the cell is to consider it
  kSuperiorReview,  // the cell has resolved; the committees are to appraise and decide
  kCeremony,        // decided; the cell is to hold the ceremony
  kAdmitted,
  kClosed,  // withdrawn or refused
};
std::string_view phase_code(AdmissionPhase phase);

struct Introducer {
  MemberId member_id;
  std::optional<Date> known_since;  // since when they have worked, studied or lived together
};

struct StepRecord {
  AdmissionStep step = AdmissionStep::kCourse;
  Date on;                              // the step's date (a resolution's or decision's own date)
  Document document;                    // certificate, resolution or decision number, and issuer
  Vote vote;                            // resolutions
  std::vector<Introducer> introducers;  // introduction
  bool youth_union = false;             // introduction: the Youth Union's committee introduces
  std::optional<Date> received_on;      // decision: when the cell received it
  std::string place;                    // ceremony
  std::string note;  // a late step's reason, or the superior's consent to a late ceremony
  std::string recorded_by;
  std::string recorded_at;
};

namespace candidate_status {
inline constexpr std::string_view kOpen = "open";
inline constexpr std::string_view kAdmitted = "admitted";
inline constexpr std::string_view kWithdrawn = "withdrawn";
}  // namespace candidate_status

struct Candidate {
  CandidateId id;
  // The person as the future member record: name, sex, birth date, CCCD, ethnicity ... and the
  // cell (org_id, org_path) considering them.
  Member person;
  bool youth_union_member = false;        // đoàn viên
  MemberId readmission_of;                // a former member applying to be readmitted
  std::optional<Date> record_cleared_on;  // a minor criminal record cleared (readmission wait)
  std::string over_age_approval;  // the approval of the committee under the Central Committee
                                  // for a candidate over the age limit (its number)
  std::string status = std::string(candidate_status::kOpen);
  std::string phase = "preparing";  // phase_code() of admission_progress, kept with each step
  MemberId member_id;               // the member record, once admitted
  std::optional<Date> closed_on;
  std::string close_reason;
  int64_t version = 0;
  std::string created_at;
  std::string updated_at;
};

// The candidate fields a request may set (a subset of the member record's, plus the
// candidate's own).
const std::vector<std::string>& candidate_person_fields();

// What the tree says about the candidate's cell.
struct AdmissionContext {
  bool needs_sub_committee_appraisal = false;  // the cell is inside a đảng bộ bộ phận
  bool needs_base_resolution = true;  // false for a chi bộ cơ sở (the cell is the base)
};

// An introducer as the registry knows them, on the day of the introduction.
struct IntroducerFacts {
  MemberId id;
  bool found = false;
  std::string full_name;
  std::string status;
  std::optional<Date> official_date;
  bool same_base_organization = false;
};

// The former membership of a readmission candidate.
struct ReadmissionFacts {
  std::string status;  // the exit status
  std::optional<Date> exit_date;
  std::string exit_ground;
  int previous_readmissions = 0;
};

// Checks the candidate's own data (required fields, the CCCD against sex and birth year, no
// future birth date). Field names are the request's.
std::vector<FieldError> check_candidate(const Candidate& candidate, const Catalog& catalog,
                                        Date today);

// Checks recording `next` after the steps already `recorded`. Errors name the request's fields:
// step, on, document.number, document.authority, vote.*, introducers[i].member_id,
// introducers[i].known_since, received_on, note.
std::vector<FieldError> check_admission_step(
    const Candidate& candidate, const std::vector<StepRecord>& recorded, const StepRecord& next,
    const AdmissionContext& context, const std::vector<IntroducerFacts>& introducers,
    const std::optional<ReadmissionFacts>& former, const Catalog& catalog, const RuleSet& rules,
    const WorkingCalendar& calendar, Date today);

// Whether a readmission may be considered on `on` at all (ground, count, waiting period);
// also checked when the candidate is created (with today's date).
std::vector<FieldError> check_readmission(const Candidate& candidate,
                                          const ReadmissionFacts& former, Date on,
                                          const Catalog& catalog, const RuleSet& rules,
                                          const std::string& field);

// A deadline, a limit or a warning about a candidate, with the rule it comes from.
struct Notice {
  std::string code;  // e.g. "decision_due", "decision_overdue", "course_expires"
  std::optional<Date> date;
  const RuleParameter* rule = nullptr;
};

struct AdmissionProgress {
  AdmissionPhase phase = AdmissionPhase::kPreparing;
  std::vector<AdmissionStep> missing;  // what the current phase still needs, in order
  std::vector<Notice> notices;
};

// `former`: the former membership of a readmission candidate (adds when the cell may consider
// the file).
AdmissionProgress admission_progress(const Candidate& candidate,
                                     const std::vector<StepRecord>& recorded,
                                     const AdmissionContext& context, const RuleSet& rules,
                                     const WorkingCalendar& calendar, Date today,
                                     const std::optional<ReadmissionFacts>& former = std::nullopt);

// The steps a candidate still lacks in `context`, in order (every applicable step).
std::vector<AdmissionStep> steps_to_go(const std::vector<StepRecord>& recorded,
                                       const AdmissionContext& context);

// The member record the ceremony puts on the roll: the person, probationary, admitted on the
// decision's date, probation from the ceremony.
Member admitted_member(const Candidate& candidate, const StepRecord& decision,
                       const StepRecord& ceremony, const RuleSet& rules);

// A former member readmitted: probationary again with a new ceremony, the first admission
// kept, and the time from leaving the roll to the decision a gap in party age, returned
// (nullopt when there is none); the derived facts count it after the `earlier` gaps.
std::optional<Gap> readmit(Member& former, const StepRecord& decision, const StepRecord& ceremony,
                           const RuleSet& rules, std::span<const Gap> earlier);

}  // namespace chibo::domain
