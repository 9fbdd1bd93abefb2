#include <gtest/gtest.h>

#include "domain/discipline/appeal.h"
#include "domain/discipline/deadlines.h"
#include "domain/discipline/limitation.h"
#include "domain/discipline/sanction.h"
#include "domain/discipline/suspension.h"
#include "domain/discipline/vote.h"
#include "testing/fixtures.h"

namespace chibo::domain::discipline {
namespace {

using chibo::testing::calendar;
using chibo::testing::date;
using chibo::testing::has_error;
using chibo::testing::rules;

TEST(DisciplineSanction, CodesRoundTrip) {
  for (const char* code : {"reprimand", "warning", "dismissal", "expulsion", "dissolution"}) {
    ASSERT_TRUE(parse_sanction(code));
    EXPECT_EQ(sanction_code(*parse_sanction(code)), code);
  }
  for (const char* code : {"organization", "official", "probationary"}) {
    ASSERT_TRUE(parse_subject(code));
    EXPECT_EQ(subject_code(*parse_subject(code)), code);
  }
  for (const char* code :
       {"ordinary", "internal_politics", "security_defence_foreign", "illegal_diploma"}) {
    ASSERT_TRUE(parse_category(code));
    EXPECT_EQ(category_code(*parse_category(code)), code);
  }
  EXPECT_FALSE(parse_sanction("Reprimand"));
  EXPECT_FALSE(parse_subject(""));
}

TEST(DisciplineSanction, AllowedPerSubjectAsTheCharterSays) {
  using enum Sanction;
  const auto allowed = [](Subject subject, std::vector<Sanction> expected) {
    for (Sanction sanction : {kReprimand, kWarning, kDismissal, kExpulsion, kDissolution}) {
      const bool in = std::find(expected.begin(), expected.end(), sanction) != expected.end();
      EXPECT_EQ(sanction_allowed(subject, sanction), in)
          << subject_code(subject) << " " << sanction_code(sanction);
    }
  };
  allowed(Subject::kOrganization, {kReprimand, kWarning, kDissolution});
  allowed(Subject::kOfficialMember, {kReprimand, kWarning, kDismissal, kExpulsion});
  allowed(Subject::kProbationaryMember, {kReprimand, kWarning});
}

TEST(DisciplineVote, CountsAreConsistent) {
  std::vector<FieldError> errors;
  check_vote({.in_favour = 5, .against = 3, .abstain = 1, .entitled = 9}, errors);
  EXPECT_TRUE(errors.empty());
  check_vote({.in_favour = 5, .against = 4, .abstain = 1, .entitled = 9}, errors);
  EXPECT_TRUE(has_error(errors, "vote.in_favour", "discipline_vote_above_entitled"));
  errors.clear();
  check_vote({.in_favour = -1, .entitled = 9}, errors);
  EXPECT_TRUE(has_error(errors, "vote.in_favour", "discipline_vote_negative"));
  errors.clear();
  check_vote({.entitled = 0}, errors);
  EXPECT_TRUE(has_error(errors, "vote.entitled", "discipline_vote_no_entitled"));
}

VoteAnswer voted(int in_favour, int entitled, Sanction sanction) {
  auto answer = vote_outcome({.in_favour = in_favour, .entitled = entitled}, sanction,
                             date("2026-03-01"), rules());
  EXPECT_TRUE(answer.has_value());
  return answer.value_or(VoteAnswer{});
}

TEST(DisciplineVote, MoreThanHalfOfAllEntitledForReprimandAndWarning) {
  EXPECT_FALSE(voted(5, 10, Sanction::kReprimand).passes);  // exactly half is not more
  EXPECT_TRUE(voted(6, 10, Sanction::kReprimand).passes);
  EXPECT_EQ(voted(0, 10, Sanction::kWarning).needed, 6);
  EXPECT_TRUE(voted(5, 9, Sanction::kWarning).passes);
  EXPECT_FALSE(voted(4, 9, Sanction::kWarning).passes);
  EXPECT_EQ(voted(5, 9, Sanction::kWarning).rule.key, "discipline.vote_share_reprimand");
}

TEST(DisciplineVote, MoreThanTwoThirdsForDismissalExpulsionDissolution) {
  EXPECT_FALSE(voted(6, 9, Sanction::kExpulsion).passes);  // exactly 2/3 is not more
  EXPECT_TRUE(voted(7, 9, Sanction::kExpulsion).passes);
  EXPECT_EQ(voted(0, 9, Sanction::kDismissal).needed, 7);
  EXPECT_TRUE(voted(7, 10, Sanction::kDissolution).passes);
  EXPECT_FALSE(voted(6, 10, Sanction::kDissolution).passes);
  EXPECT_EQ(voted(7, 9, Sanction::kDismissal).rule.key, "discipline.vote_share_expulsion");
}

LimitationAnswer clock(LimitationFacts facts, const char* on) {
  auto answer = limitation(facts, date(on), rules());
  EXPECT_TRUE(answer.has_value());
  return answer.value_or(LimitationAnswer{});
}

TEST(DisciplineLimitation, FiveYearsForReprimandTheDayBeforeAndAfterTheEnd) {
  const LimitationFacts facts{.level = Sanction::kReprimand, .breach_date = date("2020-03-10")};
  const LimitationAnswer last = clock(facts, "2025-03-10");
  EXPECT_EQ(last.ends_on, date("2025-03-10"));
  EXPECT_FALSE(last.expired);
  EXPECT_EQ(last.days_left, 0);
  EXPECT_EQ(last.rule->key, "discipline.limitation_reprimand_years");
  EXPECT_EQ(clock(facts, "2025-03-09").days_left, 1);
  EXPECT_TRUE(clock(facts, "2025-03-11").expired);
  EXPECT_FALSE(clock(facts, "2025-03-11").days_left);
}

TEST(DisciplineLimitation, TenYearsForWarningAndDismissal) {
  for (Sanction level : {Sanction::kWarning, Sanction::kDismissal}) {
    const LimitationFacts facts{.level = level, .breach_date = date("2019-06-01")};
    EXPECT_EQ(clock(facts, "2026-01-01").ends_on, date("2029-06-01"));
    EXPECT_EQ(clock(facts, "2026-01-01").rule->key, "discipline.limitation_warning_years");
    EXPECT_FALSE(clock(facts, "2029-06-01").expired);
    EXPECT_TRUE(clock(facts, "2029-06-02").expired);
  }
}

TEST(DisciplineLimitation, NoLimitForExpulsionLevelAndListedCategories) {
  for (Sanction level : {Sanction::kExpulsion, Sanction::kDissolution}) {
    const LimitationAnswer answer =
        clock({.level = level, .breach_date = date("1990-01-01")}, "2026-01-01");
    EXPECT_TRUE(answer.unlimited);
    EXPECT_EQ(answer.unlimited_reason, "expulsion_level");
    EXPECT_FALSE(answer.ends_on);
    EXPECT_FALSE(answer.expired);
  }
  for (Category category : {Category::kInternalPolitics, Category::kSecurityDefenceForeign,
                            Category::kIllegalDiploma}) {
    const LimitationAnswer answer = clock(
        {.level = Sanction::kReprimand, .category = category, .breach_date = date("2000-01-01")},
        "2026-01-01");
    EXPECT_TRUE(answer.unlimited);
    EXPECT_EQ(answer.unlimited_reason, "category");
  }
}

TEST(DisciplineLimitation, ADeferralMovesTheEnd) {
  // 2021-01-01 .. 2021-01-10: ten days of inpatient treatment inside the period.
  LimitationFacts facts{.level = Sanction::kReprimand,
                        .breach_date = date("2020-03-10"),
                        .deferrals = {{date("2021-01-01"), date("2021-01-10")}}};
  const LimitationAnswer answer = clock(facts, "2025-03-15");
  EXPECT_EQ(answer.deferred_days, 10);
  EXPECT_EQ(answer.ends_on, date("2025-03-20"));
  EXPECT_FALSE(answer.expired);
  EXPECT_TRUE(clock(facts, "2025-03-21").expired);
  // A deferral that starts before the breach counts only from the day after it.
  facts.deferrals = {{date("2020-03-01"), date("2020-03-12")}};
  EXPECT_EQ(clock(facts, "2025-01-01").ends_on, date("2025-03-12"));
  // A deferral straddling the original end: the moved end brings more of it inside.
  facts.deferrals = {{date("2025-03-01"), date("2025-04-30")}};
  EXPECT_EQ(clock(facts, "2025-01-01").ends_on, date("2025-03-10").add_days(61));
}

TEST(DisciplineLimitation, ANewBreachRestartsTheCount) {
  const LimitationFacts facts{.level = Sanction::kReprimand,
                              .breach_date = date("2018-05-01"),
                              .new_breach_date = date("2022-02-01")};
  const LimitationAnswer answer = clock(facts, "2024-01-01");
  EXPECT_EQ(answer.counted_from, date("2022-02-01"));
  EXPECT_EQ(answer.ends_on, date("2027-02-01"));
  EXPECT_FALSE(clock(facts, "2026-01-01").expired);  // past the first breach's 2023 end
}

// The board narrows by the breach date at the shortest period (5 years for reprimands): the
// last breach day whose period has ended by the day asked, 29 February included.
TEST(DisciplineLimitation, TheLatestBreachEndingByADayAtTheShortestPeriod) {
  EXPECT_EQ(latest_breach_ending_by(date("2026-03-10"), rules()), date("2021-03-10"));
  // 2024-02-29 + 5 years clamps to 2029-02-28: both 28 and 29 February end on that day.
  EXPECT_EQ(latest_breach_ending_by(date("2029-02-28"), rules()), date("2024-02-29"));
  EXPECT_EQ(latest_breach_ending_by(date("2029-02-27"), rules()), date("2024-02-27"));
  EXPECT_EQ(latest_breach_ending_by(date("2029-03-01"), rules()), date("2024-03-01"));
  // Every version of both rules counts: a later, shorter one narrows less.
  const auto param = [](const char* key, int64_t value, const char* from) {
    RuleParameter p;
    p.key = key;
    p.value = value;
    p.effective_from = date(from);
    return p;
  };
  const Result<RuleSet> versions =
      RuleSet::build({param("discipline.limitation_reprimand_years", 5, "2018-08-28"),
                      param("discipline.limitation_warning_years", 10, "2018-08-28"),
                      param("discipline.limitation_warning_years", 3, "2030-01-01")},
                     {});
  ASSERT_TRUE(versions);
  EXPECT_EQ(latest_breach_ending_by(date("2026-03-10"), *versions), date("2023-03-10"));
  EXPECT_FALSE(latest_breach_ending_by(date("2026-03-10"), *RuleSet::build({}, {})));
}

TEST(DisciplineLimitation, TheBoardWarnsWithinTheWindowOrOnceEnded) {
  const LimitationFacts facts{.level = Sanction::kReprimand, .breach_date = date("2020-03-10")};
  // Ends 2025-03-10: 90 days before it warns, 91 days before it does not.
  const auto warned = limitation_warning(facts, date("2024-12-10"), 90, rules());
  ASSERT_TRUE(warned);
  EXPECT_EQ(warned->days_left, 90);
  EXPECT_EQ(warned->ends_on, date("2025-03-10"));
  EXPECT_FALSE(limitation_warning(facts, date("2024-12-09"), 90, rules()));
  EXPECT_EQ(limitation_warning(facts, date("2025-03-10"), 90, rules())->days_left, 0);
  const auto ended = limitation_warning(facts, date("2025-03-11"), 90, rules());
  ASSERT_TRUE(ended);
  EXPECT_TRUE(ended->expired);
  // A deferral moves the end, and the warning with it.
  LimitationFacts deferred = facts;
  deferred.deferrals = {{date("2021-01-01"), date("2021-01-10")}};
  EXPECT_FALSE(limitation_warning(deferred, date("2024-12-10"), 90, rules()));
  EXPECT_EQ(limitation_warning(deferred, date("2024-12-20"), 90, rules())->ends_on,
            date("2025-03-20"));
  // Unlimited breaches and breaches before any rule never warn.
  EXPECT_FALSE(
      limitation_warning({.level = Sanction::kExpulsion, .breach_date = date("1990-01-01")},
                         date("2026-01-01"), 90, rules()));
  EXPECT_FALSE(limitation_warning({.level = Sanction::kReprimand,
                                   .category = Category::kIllegalDiploma,
                                   .breach_date = date("2000-01-01")},
                                  date("2026-01-01"), 90, rules()));
  EXPECT_FALSE(
      limitation_warning({.level = Sanction::kReprimand, .breach_date = date("2010-01-01")},
                         date("2026-01-01"), 90, rules()));
}

TEST(DisciplineDeadlines, AppealWithinThirtyWorkingDaysOfReceipt) {
  // Received Monday 2026-03-02: 30 working days (no holiday in March-April before 30/4).
  Result<Deadline> appeal =
      appeal_deadline(date("2026-03-02"), date("2026-03-02"), rules(), calendar());
  ASSERT_TRUE(appeal);
  EXPECT_TRUE(appeal->working_days);
  EXPECT_EQ(appeal->count, 30);
  EXPECT_EQ(appeal->rule.key, "discipline.appeal_period_days");
  const Date due = appeal->due;
  EXPECT_EQ(due, *calendar().add_working_days(date("2026-03-02"), 30));
  Result<Deadline> last = appeal_deadline(date("2026-03-02"), due, rules(), calendar());
  EXPECT_FALSE(last->overdue);
  EXPECT_EQ(last->days_left, 0);
  Result<Deadline> after =
      appeal_deadline(date("2026-03-02"), due.add_days(1), rules(), calendar());
  EXPECT_TRUE(after->overdue);
  EXPECT_FALSE(after->days_left);
}

TEST(DisciplineDeadlines, ResolutionAndStateNoticeClocks) {
  Result<Deadline> resolve =
      appeal_resolve_deadline(date("2026-03-02"), date("2026-03-02"), rules(), calendar());
  ASSERT_TRUE(resolve);
  EXPECT_EQ(resolve->rule.key, "discipline.appeal_resolve_days");
  // A state body decided on Friday 2026-03-06: 5 working days end on Friday 2026-03-13.
  Result<Deadline> notice =
      state_notice_deadline(date("2026-03-06"), date("2026-03-12"), rules(), calendar());
  ASSERT_TRUE(notice);
  EXPECT_EQ(notice->due, date("2026-03-13"));
  EXPECT_EQ(notice->days_left, 1);
  // Before 296-QĐ/TW took effect there is no such rule.
  EXPECT_FALSE(state_notice_deadline(date("2020-01-06"), date("2020-01-06"), rules(), calendar()));
}

TEST(DisciplineSuspension, NinetyDaysAtFirstOneHundredEightyWithExtensions) {
  const Date from = date("2026-03-02");
  Suspension first{from, from.add_days(90), "investigation"};
  SuspensionCheck check = check_suspension(Subject::kOfficialMember, first, {}, rules());
  EXPECT_TRUE(check.errors.empty());
  ASSERT_TRUE(check.rule);
  EXPECT_EQ(check.rule->key, "discipline.suspension_days");
  EXPECT_EQ(*check.latest_until, from.add_days(90));
  first.until = from.add_days(91);  // one day past the cap
  check = check_suspension(Subject::kOfficialMember, first, {}, rules());
  EXPECT_TRUE(has_error(check.errors, "until", "discipline_suspension_too_long"));

  // An extension keeps the start and ends later, within 180 days in all.
  const Suspension recorded{from, from.add_days(90), "investigation"};
  Suspension extended{from, from.add_days(180), "investigation"};
  check = check_suspension(Subject::kOfficialMember, extended, recorded, rules());
  EXPECT_TRUE(check.errors.empty());
  EXPECT_EQ(check.rule->key, "discipline.suspension_max_days");
  extended.until = from.add_days(181);
  check = check_suspension(Subject::kOfficialMember, extended, recorded, rules());
  EXPECT_TRUE(has_error(check.errors, "until", "discipline_suspension_too_long"));
  EXPECT_EQ(suspension_cap(Subject::kOfficialMember, recorded, rules())->key,
            "discipline.suspension_days");
  EXPECT_EQ(
      suspension_cap(Subject::kOfficialMember, {from, from.add_days(180), "investigation"}, rules())
          ->key,
      "discipline.suspension_max_days");
  extended = {from.add_days(1), from.add_days(100), "investigation"};
  check = check_suspension(Subject::kOfficialMember, extended, recorded, rules());
  EXPECT_TRUE(has_error(check.errors, "from", "discipline_suspension_start_fixed"));
  extended = {from, from.add_days(90), "investigation"};
  check = check_suspension(Subject::kOfficialMember, extended, recorded, rules());
  EXPECT_TRUE(has_error(check.errors, "until", "discipline_suspension_not_later"));
}

TEST(DisciplineSuspension, OrganizationsNinetyDaysNoExtensionNoProsecution) {
  const Date from = date("2026-03-02");
  const Suspension org{from, from.add_days(90), "investigation"};
  EXPECT_TRUE(check_suspension(Subject::kOrganization, org, {}, rules()).errors.empty());
  const Suspension longer{from, from.add_days(120), "investigation"};
  SuspensionCheck check = check_suspension(Subject::kOrganization, longer, org, rules());
  EXPECT_TRUE(has_error(check.errors, "until", "discipline_suspension_too_long"));
  EXPECT_EQ(check.rule->key, "discipline.org_suspension_days");
  const Suspension prosecuted{from, from.add_days(30), "prosecution"};
  check = check_suspension(Subject::kOrganization, prosecuted, {}, rules());
  EXPECT_TRUE(has_error(check.errors, "basis", "not_allowed"));
}

TEST(DisciplineSuspension, ProsecutionFollowsTheLawNotTheCap) {
  const Date from = date("2026-03-02");
  const Suspension detained{from, from.add_days(400), "prosecution"};
  SuspensionCheck check = check_suspension(Subject::kOfficialMember, detained, {}, rules());
  EXPECT_TRUE(check.errors.empty());
  EXPECT_FALSE(check.rule);
  const Suspension backwards{from, from.add_days(-1), "investigation"};
  check = check_suspension(Subject::kProbationaryMember, backwards, {}, rules());
  EXPECT_TRUE(has_error(check.errors, "until", "date_before_start"));
  const Suspension unknown{from, from, "rumour"};
  check = check_suspension(Subject::kOfficialMember, unknown, {}, rules());
  EXPECT_TRUE(has_error(check.errors, "basis", "not_allowed"));
}

TEST(DisciplineSuspension, SuspendedFromTheFirstToTheLastDayUnlessLifted) {
  Suspension s{date("2026-03-02"), date("2026-05-31"), "investigation"};
  EXPECT_FALSE(suspended_on(s, date("2026-03-01")));
  EXPECT_TRUE(suspended_on(s, date("2026-03-02")));
  EXPECT_TRUE(suspended_on(s, date("2026-05-31")));
  EXPECT_FALSE(suspended_on(s, date("2026-06-01")));
  s.lifted_on = date("2026-04-10");
  EXPECT_TRUE(suspended_on(s, date("2026-04-09")));
  EXPECT_FALSE(suspended_on(s, date("2026-04-10")));
}

TEST(DisciplineAppeal, BodiesHaveCodesAndRanks) {
  for (const char* code : {"superior_committee", "superior_inspection", "central_inspection",
                           "secretariat", "politburo", "central_committee"}) {
    ASSERT_TRUE(parse_appeal_body(code)) << code;
    EXPECT_EQ(appeal_body_code(*parse_appeal_body(code)), code);
  }
  EXPECT_FALSE(parse_appeal_body("Secretariat"));
  EXPECT_EQ(appeal_body_rank(AppealBody::kSuperiorCommittee),
            appeal_body_rank(AppealBody::kSuperiorInspection));
  EXPECT_LT(appeal_body_rank(AppealBody::kSuperiorInspection),
            appeal_body_rank(AppealBody::kCentralInspection));
  EXPECT_LT(appeal_body_rank(AppealBody::kCentralInspection),
            appeal_body_rank(AppealBody::kSecretariat));
}

TEST(DisciplineAppeal,
     TheCentralInspectionCommitteeIsFinalUpToDismissalTheSecretariatForExpulsion) {
  const Date on = date("2026-06-01");
  for (Sanction s : {Sanction::kReprimand, Sanction::kWarning, Sanction::kDismissal}) {
    ASSERT_TRUE(final_for(AppealBody::kCentralInspection, s, on, rules()));
    EXPECT_TRUE(final_for(AppealBody::kCentralInspection, s, on, rules())->final);
    EXPECT_FALSE(final_for(AppealBody::kSuperiorInspection, s, on, rules())->final);
  }
  const auto cic = final_for(AppealBody::kCentralInspection, Sanction::kExpulsion, on, rules());
  ASSERT_TRUE(cic);
  EXPECT_FALSE(cic->final);
  EXPECT_EQ(cic->rule.key, "discipline.appeal_final_rank_expulsion");
  EXPECT_TRUE(final_for(AppealBody::kSecretariat, Sanction::kExpulsion, on, rules())->final);
  // Before Quy định 22-QĐ/TW no rule says which body is final.
  EXPECT_FALSE(
      final_for(AppealBody::kSecretariat, Sanction::kExpulsion, date("2021-07-27"), rules()));
}

TEST(DisciplineAppeal, TheSettledOutcomeKeepsAReductionUntilAnAnnulment) {
  const auto decided = [](const char* outcome) {
    return Appeal{
        AppealBody::kSuperiorInspection, date("2026-03-10"), date("2026-04-10"), outcome, {}};
  };
  EXPECT_EQ(settled_outcome({}), "");
  EXPECT_EQ(settled_outcome({{AppealBody::kSuperiorInspection, date("2026-03-10"), {}, "", {}}}),
            "");
  EXPECT_EQ(settled_outcome({decided("upheld")}), "upheld");
  EXPECT_EQ(settled_outcome({decided("reduced"), decided("upheld")}), "reduced");
  EXPECT_EQ(settled_outcome({decided("upheld"), decided("reduced")}), "reduced");
  EXPECT_EQ(settled_outcome({decided("reduced"), decided("annulled")}), "annulled");
}

TEST(DisciplineAppeal, TheFirstAppealCountsFromTheDecisionsReceipt) {
  const NextAppeal next = next_appeal({}, Sanction::kWarning, date("2026-03-02"), rules());
  EXPECT_EQ(next.closed, "");
  EXPECT_EQ(next.level, 1);
  EXPECT_EQ(next.period_from, date("2026-03-02"));
  EXPECT_FALSE(next.min_rank);
}

TEST(DisciplineAppeal, AFurtherAppealOnlyAfterANonFinalOutcomeThatKeptTheSanction) {
  Appeal first{AppealBody::kSuperiorInspection, date("2026-03-10"), std::nullopt, "", {}};
  std::vector<Appeal> appeals{first};
  EXPECT_EQ(next_appeal(appeals, Sanction::kWarning, date("2026-03-02"), rules()).closed,
            "pending");
  appeals.back().decided_on = date("2026-05-04");
  appeals.back().outcome = "annulled";
  EXPECT_EQ(next_appeal(appeals, Sanction::kWarning, date("2026-03-02"), rules()).closed,
            "annulled");
  appeals.back().outcome = "upheld";
  NextAppeal next = next_appeal(appeals, Sanction::kWarning, date("2026-03-02"), rules());
  EXPECT_EQ(next.closed, "");
  EXPECT_EQ(next.level, 2);
  EXPECT_EQ(next.period_from, date("2026-05-04"))
      << "the outcome's day when its receipt is unknown";
  EXPECT_EQ(next.min_rank, 1);
  appeals.back().outcome_received_on = date("2026-05-08");
  EXPECT_EQ(next_appeal(appeals, Sanction::kWarning, date("2026-03-02"), rules()).period_from,
            date("2026-05-08"));
  // The Central Inspection Committee settles a warning for good, not an expulsion.
  appeals.push_back(
      {AppealBody::kCentralInspection, date("2026-05-20"), date("2026-07-01"), "reduced", {}});
  next = next_appeal(appeals, Sanction::kWarning, date("2026-03-02"), rules());
  EXPECT_EQ(next.closed, "final");
  ASSERT_TRUE(next.final_rule);
  EXPECT_EQ(next.final_rule->key, "discipline.appeal_final_rank_warning");
  next = next_appeal(appeals, Sanction::kExpulsion, date("2026-03-02"), rules());
  EXPECT_EQ(next.closed, "");
  EXPECT_EQ(next.level, 3);
  EXPECT_EQ(next.min_rank, 2);
}

TEST(DisciplineAppeal, LodgingChecksTheBodyTheDayAndThePeriod) {
  NextAppeal next;
  next.period_from = date("2026-05-04");
  next.level = 2;
  next.min_rank = 2;
  const Result<Deadline> period =
      appeal_deadline(next.period_from, date("2026-05-20"), rules(), calendar());
  ASSERT_TRUE(period);
  EXPECT_TRUE(
      check_lodging(next, AppealBody::kSecretariat, date("2026-05-20"), date("2026-06-01"), *period)
          .empty());
  auto errors = check_lodging(next, AppealBody::kSuperiorInspection, date("2026-05-20"),
                              date("2026-06-01"), *period);
  EXPECT_TRUE(has_error(errors, "body", "discipline_appeal_body_lower"));
  errors = check_lodging(next, std::nullopt, date("2026-05-20"), date("2026-06-01"), *period);
  EXPECT_TRUE(has_error(errors, "body", "required"));
  NextAppeal first;
  first.period_from = next.period_from;
  EXPECT_TRUE(
      check_lodging(first, std::nullopt, date("2026-05-20"), date("2026-06-01"), *period).empty())
      << "the first appeal's body may stay unknown";
  errors = check_lodging(next, AppealBody::kSecretariat, date("2026-05-03"), date("2026-06-01"),
                         *period);
  EXPECT_TRUE(has_error(errors, "received_on", "discipline_appeal_before_outcome"));
  errors = check_lodging(next, AppealBody::kSecretariat, date("2026-06-02"), date("2026-06-01"),
                         *period);
  EXPECT_TRUE(has_error(errors, "received_on", "date_in_future"));
  // One day after the period's last day.
  const Date late_day = period->due.add_days(1);
  const Result<Deadline> late = appeal_deadline(next.period_from, late_day, rules(), calendar());
  ASSERT_TRUE(late);
  errors = check_lodging(next, AppealBody::kSecretariat, late_day, late_day, *late);
  ASSERT_TRUE(has_error(errors, "received_on", "discipline_appeal_late"));
  const Result<Deadline> last = appeal_deadline(next.period_from, period->due, rules(), calendar());
  EXPECT_TRUE(
      check_lodging(next, AppealBody::kSecretariat, period->due, period->due, *last).empty());
}

}  // namespace
}  // namespace chibo::domain::discipline
