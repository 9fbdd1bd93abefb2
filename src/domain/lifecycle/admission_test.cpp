#include "domain/lifecycle/admission.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

Candidate candidate_born(const char* birth) {
  Candidate candidate;
  candidate.id = CandidateId(1);
  candidate.person.full_name = "Trần Thị Hoa";
  candidate.person.sex = "female";
  candidate.person.birth_date = date(birth);
  candidate.person.ethnicity = "01";
  candidate.person.religion = "none";
  candidate.person.org_id = OrgId(10);
  return candidate;
}

StepRecord step(AdmissionStep kind, const char* on) {
  StepRecord record;
  record.step = kind;
  record.on = date(on);
  record.document = {"12-NQ/CB", "Chi bộ Vụ Tổng hợp"};
  record.vote = {9, 0, 10};
  return record;
}

// Every preparation step, recorded before 2026-01-05, with two introducers 1 and 2.
std::vector<StepRecord> prepared(const char* course_on = "2025-06-01") {
  StepRecord introduction = step(AdmissionStep::kIntroduction, "2025-12-01");
  introduction.introducers = {{MemberId(1), date("2020-01-01")}, {MemberId(2), date("2021-05-01")}};
  return {step(AdmissionStep::kCourse, course_on),
          step(AdmissionStep::kApplication, "2025-09-01"),
          step(AdmissionStep::kPersonalHistory, "2025-09-15"),
          step(AdmissionStep::kVerification, "2025-11-20"),
          introduction,
          step(AdmissionStep::kEndorsement, "2025-12-10")};
}

IntroducerFacts official(int64_t id, bool same_base = true,
                         const char* official_on = "2015-01-01") {
  return {MemberId(id),      true,     "Đảng viên " + std::to_string(id), "official",
          date(official_on), same_base};
}

struct Check {
  Candidate candidate = candidate_born("1995-04-10");
  std::vector<StepRecord> recorded;
  AdmissionContext context;
  std::vector<IntroducerFacts> introducers = {official(1), official(2)};
  std::optional<ReadmissionFacts> former;
  const RuleSet* rules = &chibo::testing::rules();
  Date today = date("2026-12-02");

  std::vector<FieldError> run(const StepRecord& next) const {
    return check_admission_step(candidate, recorded, next, context, introducers, former,
                                chibo::testing::catalog(), *rules, chibo::testing::calendar(),
                                today);
  }
};

std::string param(const std::vector<FieldError>& errors, const std::string& code,
                  const std::string& name) {
  for (const FieldError& error : errors) {
    if (error.code != code) continue;
    for (const auto& [key, value] : error.params) {
      if (key == name) return value;
    }
  }
  return "";
}

TEST(Admission, StepsHaveCodesInTheirOrder) {
  EXPECT_EQ(admission_steps().size(), 11u);
  EXPECT_EQ(step_code(admission_steps().front()), "course");
  EXPECT_EQ(step_code(admission_steps().back()), "ceremony");
  EXPECT_EQ(parse_admission_step("cell_resolution"), AdmissionStep::kCellResolution);
  EXPECT_FALSE(parse_admission_step("party"));
  EXPECT_TRUE(is_preparation(AdmissionStep::kEndorsement));
  EXPECT_FALSE(is_preparation(AdmissionStep::kCellResolution));
}

TEST(Admission, TheCellConsidersOnlyACompleteFile) {
  Check check;
  check.recorded = {step(AdmissionStep::kCourse, "2025-06-01")};
  const auto errors = check.run(step(AdmissionStep::kCellResolution, "2026-01-05"));
  ASSERT_TRUE(testing::has_error(errors, "step", "step_requires"));
  EXPECT_EQ(param(errors, "step_requires", "steps"),
            "application,personal_history,verification,introduction,endorsement");
  check.recorded = prepared();
  EXPECT_TRUE(check.run(step(AdmissionStep::kCellResolution, "2026-01-05")).empty());
  // Not before a step it rests on, not twice, not in the future.
  EXPECT_TRUE(testing::has_error(check.run(step(AdmissionStep::kCellResolution, "2025-12-09")),
                                 "on", "step_before_prerequisite"));
  EXPECT_TRUE(testing::has_error(check.run(step(AdmissionStep::kCellResolution, "2026-12-03")),
                                 "on", "date_in_future"));
  check.recorded.push_back(step(AdmissionStep::kCellResolution, "2026-01-05"));
  EXPECT_TRUE(testing::has_error(check.run(step(AdmissionStep::kCellResolution, "2026-01-06")),
                                 "step", "step_already_recorded"));
  // Verification needs the personal history first.
  Check early;
  EXPECT_TRUE(testing::has_error(early.run(step(AdmissionStep::kVerification, "2025-01-01")),
                                 "step", "step_requires"));
}

TEST(Admission, OneDayShortOf18IsTooYoung) {
  Check check;
  check.candidate = candidate_born("2008-03-15");
  check.recorded = prepared();
  const auto errors = check.run(step(AdmissionStep::kCellResolution, "2026-03-14"));
  ASSERT_TRUE(testing::has_error(errors, "on", "candidate_under_age"));
  EXPECT_EQ(param(errors, "candidate_under_age", "eligible_from"), "2026-03-15");
  EXPECT_EQ(param(errors, "candidate_under_age", "rule"), "admission.min_age_months");
  EXPECT_NE(param(errors, "candidate_under_age", "source").find("294-QĐ/TW"), std::string::npos);
  EXPECT_TRUE(check.run(step(AdmissionStep::kCellResolution, "2026-03-15")).empty());
}

TEST(Admission, SixtyYearsAndOneMonthIsTooOldWithoutApproval) {
  Check check;
  check.candidate = candidate_born("1966-02-10");
  check.recorded = prepared();
  // 60 years and 0 months (and 29 days) is still within "đủ 60 tuổi, tính theo tháng".
  EXPECT_TRUE(check.run(step(AdmissionStep::kCellResolution, "2026-03-09")).empty());
  const auto errors = check.run(step(AdmissionStep::kCellResolution, "2026-03-10"));
  ASSERT_TRUE(testing::has_error(errors, "on", "candidate_over_age"));
  EXPECT_EQ(param(errors, "candidate_over_age", "last_day"), "2026-03-09");
  check.candidate.over_age_approval = "15-CV/ĐU";
  EXPECT_TRUE(check.run(step(AdmissionStep::kCellResolution, "2026-03-10")).empty());
}

TEST(Admission, IntroducersAreOfficialMembersOfTheSameBaseWhoKnewTheCandidate12Months) {
  Check check;
  check.recorded = {step(AdmissionStep::kApplication, "2025-09-01")};
  StepRecord introduction = step(AdmissionStep::kIntroduction, "2026-03-10");
  introduction.introducers = {{MemberId(1), date("2025-04-10")}, {MemberId(2), date("2025-03-10")}};
  // 11 months for the first, 12 for the second.
  auto errors = check.run(introduction);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "introducers[0].known_since");
  EXPECT_EQ(errors[0].code, "introducer_known_too_short");
  EXPECT_EQ(param(errors, "introducer_known_too_short", "months"), "11");
  introduction.introducers[0].known_since = date("2025-03-10");
  EXPECT_TRUE(check.run(introduction).empty());

  check.introducers = {official(1, false),
                       {MemberId(2), true, "Lê Văn Dự", "probationary", {}, true}};
  errors = check.run(introduction);
  EXPECT_TRUE(testing::has_error(errors, "introducers[0].member_id", "introducer_other_base"));
  EXPECT_TRUE(testing::has_error(errors, "introducers[1].member_id", "introducer_not_official"));
  // Official only since after the introduction: not official on that day.
  check.introducers = {official(1), official(2, true, "2026-04-01")};
  EXPECT_TRUE(testing::has_error(check.run(introduction), "introducers[1].member_id",
                                 "introducer_not_official"));
  check.introducers = {official(1)};
  EXPECT_TRUE(testing::has_error(check.run(introduction), "introducers[1].member_id",
                                 "introducer_not_found"));
  introduction.introducers = {{MemberId(1), date("2020-01-01")}, {MemberId(1), date("2020-01-01")}};
  EXPECT_TRUE(testing::has_error(check.run(introduction), "introducers[1].member_id",
                                 "introducer_repeated"));
  introduction.introducers = {{MemberId(1), date("2020-01-01")}};
  EXPECT_TRUE(testing::has_error(check.run(introduction), "introducers", "introducer_count"));
}

TEST(Admission, TheYouthUnionIntroducesWithOneMember) {
  Check check;
  check.candidate = candidate_born("2000-06-01");
  check.candidate.youth_union_member = true;
  StepRecord introduction = step(AdmissionStep::kIntroduction, "2026-03-10");
  introduction.youth_union = true;
  introduction.introducers = {{MemberId(1), date("2020-01-01")}};
  EXPECT_TRUE(check.run(introduction).empty());
  introduction.introducers.push_back({MemberId(2), date("2020-01-01")});
  EXPECT_EQ(param(check.run(introduction), "introducer_count", "needed"), "1");
  introduction.introducers.pop_back();
  check.candidate.youth_union_member = false;
  EXPECT_TRUE(testing::has_error(check.run(introduction), "youth_union", "not_youth_union_member"));
  check.candidate = candidate_born("1990-01-01");  // 36: past youth age
  check.candidate.youth_union_member = true;
  EXPECT_TRUE(testing::has_error(check.run(introduction), "youth_union", "past_youth_age"));
}

TEST(Admission, TheCellsVoteNeedsTwoThirdsOfThoseEntitled) {
  Check check;
  check.recorded = prepared();
  StepRecord resolution = step(AdmissionStep::kCellResolution, "2026-01-05");
  resolution.vote = {2, 1, 3};  // exactly 2/3
  EXPECT_TRUE(check.run(resolution).empty());
  resolution.vote = {5, 0, 8};  // 5/8 < 2/3, though nobody voted against
  auto errors = check.run(resolution);
  ASSERT_TRUE(testing::has_error(errors, "vote.in_favour", "vote_short"));
  EXPECT_EQ(param(errors, "vote_short", "share"), "2/3");
  resolution.vote = {6, 3, 8};
  EXPECT_TRUE(testing::has_error(check.run(resolution), "vote.in_favour", "votes_exceed_entitled"));
  resolution.vote = {0, 0, 0};
  EXPECT_TRUE(testing::has_error(check.run(resolution), "vote.entitled", "out_of_range"));
  resolution.document.number.clear();
  EXPECT_TRUE(testing::has_error(check.run(resolution), "document.number", "required"));
}

TEST(Admission, TheCourseCertificateIsValidForFiveYears) {
  Check check;
  check.recorded = prepared("2021-01-10");
  EXPECT_TRUE(check.run(step(AdmissionStep::kCellResolution, "2026-01-10")).empty());
  const auto errors = check.run(step(AdmissionStep::kCellResolution, "2026-01-11"));
  ASSERT_TRUE(testing::has_error(errors, "on", "course_expired"));
  EXPECT_EQ(param(errors, "course_expired", "expired_on"), "2026-01-10");
}

TEST(Admission, TheDecisionComesWithin60WorkingDaysOrWithAReason) {
  Check check;
  check.recorded = prepared();
  check.recorded.push_back(step(AdmissionStep::kCellResolution, "2026-01-05"));
  check.recorded.push_back(step(AdmissionStep::kBaseResolution, "2026-01-20"));
  // 60 working days from Monday 2026-01-05, with Tết (16-20/2) off: 2026-04-06.
  const Date due = *chibo::testing::calendar().add_working_days(date("2026-01-05"), 60);
  EXPECT_EQ(due, date("2026-04-06"));
  StepRecord decision = step(AdmissionStep::kDecision, "2026-04-06");
  EXPECT_TRUE(check.run(decision).empty());
  decision.on = date("2026-04-07");
  auto errors = check.run(decision);
  ASSERT_TRUE(testing::has_error(errors, "note", "decision_late"));
  EXPECT_EQ(param(errors, "decision_late", "due"), "2026-04-06");
  decision.note = "Hồ sơ phải thẩm tra bổ sung";
  EXPECT_TRUE(check.run(decision).empty());
  decision.document.authority.clear();
  EXPECT_TRUE(testing::has_error(check.run(decision), "document.authority", "required"));
}

TEST(Admission, AHolidayInsideTheCeremonysThirtyWorkingDays) {
  Check check;
  check.recorded = prepared();
  for (StepRecord& record : check.recorded) record.on = date("2025-06-02");
  check.recorded.push_back(step(AdmissionStep::kCellResolution, "2025-07-10"));
  check.recorded.push_back(step(AdmissionStep::kBaseResolution, "2025-07-20"));
  StepRecord decision = step(AdmissionStep::kDecision, "2025-08-20");
  check.recorded.push_back(decision);
  // Thirty working days from Wednesday 2025-08-20 end on Wednesday 1/10 by the weekdays alone;
  // Quốc khánh (1/9 and 2/9) moves the end to Friday 3/10.
  EXPECT_TRUE(check.run(step(AdmissionStep::kCeremony, "2025-10-03")).empty());
  auto errors = check.run(step(AdmissionStep::kCeremony, "2025-10-06"));
  ASSERT_TRUE(testing::has_error(errors, "note", "ceremony_late"));
  EXPECT_EQ(param(errors, "ceremony_late", "due"), "2025-10-03");
  // The deadline counts from the day the cell received the decision, when known.
  check.recorded.back().received_on = date("2025-08-22");
  EXPECT_TRUE(check.run(step(AdmissionStep::kCeremony, "2025-10-06")).empty());
}

TEST(Admission, ARuleThatChangedOn1July2025) {
  // The decision deadline as it would read if 294-QĐ/TW had shortened it to 45 working days.
  auto rules = RuleSet::build(
      {{"admission.decision_working_days", 60, date("2011-01-19"), "232-QĐ/TW", "", {}},
       {"admission.decision_working_days", 45, date("2025-07-01"), "294-QĐ/TW", "", {}}},
      {});
  ASSERT_TRUE(rules);
  Check check;
  check.rules = &*rules;
  check.recorded = prepared();
  StepRecord decision = step(AdmissionStep::kDecision, "2025-09-15");
  // Resolved on 30 June: 60 working days (to 2025-09-24); on 1 July: 45 (to 2025-09-04).
  check.recorded.push_back(step(AdmissionStep::kCellResolution, "2025-06-30"));
  check.recorded.push_back(step(AdmissionStep::kBaseResolution, "2025-07-02"));
  EXPECT_TRUE(check.run(decision).empty());
  check.recorded[6].on = date("2025-07-01");
  auto errors = check.run(decision);
  ASSERT_TRUE(testing::has_error(errors, "note", "decision_late"));
  EXPECT_EQ(param(errors, "decision_late", "value"), "45");
  EXPECT_EQ(param(errors, "decision_late", "source"), "294-QĐ/TW");

  // The shipped rules kept the figures and changed the document: a refusal cites the one in
  // force on the day of the step.
  Check real;
  real.candidate = candidate_born("2007-07-15");
  real.recorded = prepared();
  for (StepRecord& record : real.recorded) record.on = date("2025-06-02");
  auto before = real.run(step(AdmissionStep::kCellResolution, "2025-06-30"));
  auto after = real.run(step(AdmissionStep::kCellResolution, "2025-07-01"));
  EXPECT_NE(param(before, "candidate_under_age", "source").find("232-QĐ/TW"), std::string::npos);
  EXPECT_NE(param(after, "candidate_under_age", "source").find("294-QĐ/TW"), std::string::npos);
}

TEST(Admission, TheResolutionsACellNeedsDependOnWhereItSits) {
  Check check;
  check.recorded = prepared();
  check.recorded.push_back(step(AdmissionStep::kCellResolution, "2026-01-05"));
  // A chi bộ cơ sở is its own base organization: no base committee's resolution.
  check.context.needs_base_resolution = false;
  EXPECT_TRUE(testing::has_error(check.run(step(AdmissionStep::kBaseResolution, "2026-01-20")),
                                 "step", "step_not_applicable"));
  EXPECT_TRUE(check.run(step(AdmissionStep::kDecision, "2026-02-02")).empty());
  // Under a đảng bộ bộ phận its appraisal comes before the base committee's resolution.
  check.context = {true, true};
  EXPECT_EQ(param(check.run(step(AdmissionStep::kBaseResolution, "2026-01-20")), "step_requires",
                  "steps"),
            "sub_committee_appraisal");
  EXPECT_EQ(
      param(check.run(step(AdmissionStep::kDecision, "2026-01-20")), "step_requires", "steps"),
      "sub_committee_appraisal,base_resolution");
}

TEST(Admission, ProgressShowsThePhaseWhatIsMissingAndTheDeadlines) {
  const RuleSet& rules = chibo::testing::rules();
  const WorkingCalendar& calendar = chibo::testing::calendar();
  Candidate candidate = candidate_born("1995-04-10");
  AdmissionContext context;
  std::vector<StepRecord> recorded = {step(AdmissionStep::kApplication, "2026-10-01")};
  auto progress =
      admission_progress(candidate, recorded, context, rules, calendar, date("2026-12-02"));
  EXPECT_EQ(progress.phase, AdmissionPhase::kPreparing);
  ASSERT_EQ(progress.missing.size(), 5u);
  EXPECT_EQ(progress.missing.front(), AdmissionStep::kCourse);

  recorded = prepared("2021-12-20");
  progress = admission_progress(candidate, recorded, context, rules, calendar, date("2026-12-02"));
  EXPECT_EQ(progress.phase, AdmissionPhase::kCellReview);
  ASSERT_EQ(progress.missing.size(), 1u);
  ASSERT_EQ(progress.notices.size(), 1u);
  EXPECT_EQ(progress.notices[0].code, "course_expires");
  EXPECT_EQ(progress.notices[0].date, date("2026-12-20"));

  recorded.push_back(step(AdmissionStep::kCellResolution, "2026-09-01"));
  progress = admission_progress(candidate, recorded, context, rules, calendar, date("2026-12-02"));
  EXPECT_EQ(progress.phase, AdmissionPhase::kSuperiorReview);
  EXPECT_EQ(progress.missing,
            (std::vector<AdmissionStep>{AdmissionStep::kBaseResolution, AdmissionStep::kDecision}));
  ASSERT_EQ(progress.notices.size(), 1u);
  EXPECT_EQ(progress.notices[0].code, "decision_overdue");
  EXPECT_EQ(progress.notices[0].date, *calendar.add_working_days(date("2026-09-01"), 60));

  Candidate young = candidate_born("2009-02-01");
  progress = admission_progress(young, {}, context, rules, calendar, date("2026-12-02"));
  ASSERT_EQ(progress.notices.size(), 1u);
  EXPECT_EQ(progress.notices[0].code, "eligible_from");
  EXPECT_EQ(progress.notices[0].date, date("2027-02-01"));
  young.status = "admitted";
  EXPECT_EQ(admission_progress(young, {}, context, rules, calendar, date("2026-12-02")).phase,
            AdmissionPhase::kAdmitted);
}

TEST(Admission, TheCeremonyPutsAProbationaryMemberOnTheRoll) {
  const Candidate candidate = candidate_born("1995-04-10");
  Member member =
      admitted_member(candidate, step(AdmissionStep::kDecision, "2024-02-20"),
                      step(AdmissionStep::kCeremony, "2024-02-29"), chibo::testing::rules());
  EXPECT_EQ(member.status, "probationary");
  EXPECT_EQ(member.full_name, "Trần Thị Hoa");
  EXPECT_EQ(member.org_id, OrgId(10));
  EXPECT_EQ(member.admission_date, date("2024-02-20"));
  EXPECT_EQ(member.ceremony_date, date("2024-02-29"));
  // Probation from 29 February 2024 ends on 28 February 2025.
  EXPECT_EQ(member.probation_ends_on, date("2025-02-28"));
  EXPECT_EQ(member.party_age_anchor, date("2024-02-20"));
}

TEST(Admission, ReadmissionRules) {
  const Catalog& catalog = chibo::testing::catalog();
  const RuleSet& rules = chibo::testing::rules();
  Candidate candidate = candidate_born("1980-01-01");
  candidate.readmission_of = MemberId(9);
  ReadmissionFacts former{"removed", date("2022-03-01"), "no_progress_after_help", 0};
  EXPECT_TRUE(testing::has_error(
      check_readmission(candidate, former, date("2025-02-28"), catalog, rules, "on"), "on",
      "readmission_too_early"));
  EXPECT_TRUE(
      check_readmission(candidate, former, date("2025-03-01"), catalog, rules, "on").empty());
  candidate.record_cleared_on = date("2021-06-01");
  auto errors = check_readmission(candidate, former, date("2025-03-01"), catalog, rules, "on");
  ASSERT_TRUE(testing::has_error(errors, "on", "readmission_too_early"));
  EXPECT_EQ(param(errors, "readmission_too_early", "eligible_from"), "2026-06-01");
  EXPECT_EQ(param(errors, "readmission_too_early", "rule"), "readmission.wait_after_record_months");
  candidate.record_cleared_on.reset();
  former.previous_readmissions = 1;
  EXPECT_TRUE(testing::has_error(
      check_readmission(candidate, former, date("2026-01-01"), catalog, rules, "on"),
      "readmission_of", "readmission_once"));
  former = {"removed", date("2020-01-01"), "missed_activities_or_dues", 0};
  EXPECT_TRUE(testing::has_error(
      check_readmission(candidate, former, date("2026-01-01"), catalog, rules, "on"),
      "readmission_of", "readmission_never"));
}

TEST(Admission, AReadmittedMemberKeepsTheFirstAdmissionAndGainsAGap) {
  Member former;
  former.status = "removed";
  former.admission_date = date("2000-05-01");
  former.official_date = date("2001-05-01");
  former.exit_date = date("2020-01-01");
  former.exit_ground = "no_progress_after_help";
  former.party_card_no = "AB123";
  const std::optional<Gap> gap =
      readmit(former, step(AdmissionStep::kDecision, "2024-01-01"),
              step(AdmissionStep::kCeremony, "2024-01-15"), chibo::testing::rules(), {});
  ASSERT_TRUE(gap);
  EXPECT_EQ(gap->from, date("2020-01-01"));
  EXPECT_EQ(gap->to, date("2024-01-01"));
  EXPECT_EQ(former.status, "probationary");
  EXPECT_EQ(former.admission_date, date("2000-05-01"));
  EXPECT_FALSE(former.official_date);
  EXPECT_FALSE(former.exit_date);
  EXPECT_EQ(former.party_age_gap_days, 1461);
  EXPECT_EQ(former.party_age_anchor, date("2004-05-01"));
  EXPECT_EQ(former.probation_ends_on, date("2025-01-15"));
}

}  // namespace
}  // namespace chibo::domain
