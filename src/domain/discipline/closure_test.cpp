#include "domain/discipline/closure.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain::discipline {
namespace {

using chibo::testing::date;
using chibo::testing::has_error;
using chibo::testing::rules;

std::string param(const FieldError& error, const std::string& name) {
  for (const auto& [key, value] : error.params)
    if (key == name) return value;
  return "";
}

// A reprimand-level breach of 10/03/2020: its five years end on 10/03/2025.
const LimitationFacts kReprimand{.level = Sanction::kReprimand, .breach_date = date("2020-03-10")};

TEST(DisciplineClosure, GroundCodesRoundTrip) {
  for (const char* code : {"limitation_expired", "not_disciplined"}) {
    ASSERT_TRUE(parse_closure_ground(code));
    EXPECT_EQ(closure_ground_code(*parse_closure_ground(code)), code);
  }
  EXPECT_FALSE(parse_closure_ground("expired"));
  EXPECT_FALSE(parse_closure_ground(""));
}

TEST(DisciplineClosure, LimitationExpiredOnlyTheDayAfterThePeriodEnds) {
  const Date today = date("2026-12-07");
  const Closure last_day{date("2025-03-10"), ClosureGround::kLimitationExpired, ""};
  const auto running = check_closure(last_day, kReprimand, std::nullopt, today, rules());
  ASSERT_EQ(running.size(), 1u);
  EXPECT_EQ(running[0].field, "ground");
  EXPECT_EQ(running[0].code, "discipline_limitation_running");
  EXPECT_EQ(param(running[0], "ends_on"), "2025-03-10");
  EXPECT_EQ(param(running[0], "rule"), "discipline.limitation_reprimand_years");
  EXPECT_FALSE(param(running[0], "source").empty());

  const Closure day_after{date("2025-03-11"), ClosureGround::kLimitationExpired, ""};
  EXPECT_TRUE(check_closure(day_after, kReprimand, std::nullopt, today, rules()).empty());
}

TEST(DisciplineClosure, ADeferralKeepsThePeriodRunning) {
  LimitationFacts deferred = kReprimand;
  deferred.deferrals.push_back({date("2021-01-01"), date("2021-01-10")});  // ten days
  const Closure closure{date("2025-03-15"), ClosureGround::kLimitationExpired, ""};
  const auto errors = check_closure(closure, deferred, std::nullopt, date("2026-12-07"), rules());
  ASSERT_TRUE(has_error(errors, "ground", "discipline_limitation_running"));
  EXPECT_EQ(param(errors[0], "ends_on"), "2025-03-20");
}

TEST(DisciplineClosure, NoLimitationToExpireForExpulsionLevelOrAListedCategory) {
  const Closure closure{date("2026-01-01"), ClosureGround::kLimitationExpired, ""};
  const LimitationFacts expulsion{.level = Sanction::kExpulsion, .breach_date = date("2001-01-01")};
  const auto errors = check_closure(closure, expulsion, std::nullopt, date("2026-12-07"), rules());
  ASSERT_TRUE(has_error(errors, "ground", "discipline_limitation_unlimited"));
  EXPECT_EQ(param(errors[0], "unlimited"), "expulsion_level");

  LimitationFacts listed = kReprimand;
  listed.category = Category::kInternalPolitics;
  const auto listed_errors =
      check_closure(closure, listed, std::nullopt, date("2026-12-07"), rules());
  ASSERT_TRUE(has_error(listed_errors, "ground", "discipline_limitation_unlimited"));
  EXPECT_EQ(param(listed_errors[0], "unlimited"), "category");
}

TEST(DisciplineClosure, NotDisciplinedNeedsTheConclusionAndAnyDayOfTheCase) {
  const Date today = date("2026-12-07");
  const Closure bare{date("2021-05-01"), ClosureGround::kNotDisciplined, ""};
  const auto errors = check_closure(bare, kReprimand, std::nullopt, today, rules());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(has_error(errors, "note", "required"));
  const Closure stated{date("2021-05-01"), ClosureGround::kNotDisciplined,
                       "Chi bộ kết luận chưa đến mức phải xử lý kỷ luật"};
  EXPECT_TRUE(check_closure(stated, kReprimand, std::nullopt, today, rules()).empty());
}

TEST(DisciplineClosure, TheDayIsNotInTheFutureNorBeforeTheBreachOrTheVote) {
  const Date today = date("2026-12-07");
  const auto at = [&](const char* day, std::optional<Date> voted_on) {
    return check_closure({date(day), ClosureGround::kNotDisciplined, "Kết luận"}, kReprimand,
                         voted_on, today, rules());
  };
  EXPECT_TRUE(has_error(at("2026-12-08", std::nullopt), "closed_on", "date_in_future"));
  EXPECT_TRUE(at("2026-12-07", std::nullopt).empty());
  EXPECT_TRUE(
      has_error(at("2020-03-09", std::nullopt), "closed_on", "discipline_closed_before_breach"));
  EXPECT_TRUE(at("2020-03-10", std::nullopt).empty());
  EXPECT_TRUE(has_error(at("2021-06-01", date("2021-06-02")), "closed_on",
                        "discipline_decided_before_vote"));
  EXPECT_TRUE(at("2021-06-02", date("2021-06-02")).empty());
}

TEST(DisciplineClosure, ARunningSuspensionEndsWithTheCaseOthersStayAsTheyWere) {
  const Suspension running{date("2026-11-01"), date("2027-01-29"), "investigation"};
  const auto lifted = suspension_after_closure(running, date("2026-12-07"));
  ASSERT_TRUE(lifted && lifted->lifted_on);
  EXPECT_EQ(*lifted->lifted_on, date("2026-12-07"));
  EXPECT_TRUE(suspended_on(*lifted, date("2026-12-06")));
  EXPECT_FALSE(suspended_on(*lifted, date("2026-12-07")));

  EXPECT_EQ(suspension_after_closure(running, date("2027-01-29"))->lifted_on, date("2027-01-29"));
  const auto ended = suspension_after_closure(running, date("2027-01-30"));
  EXPECT_FALSE(ended->lifted_on);  // it had ended by itself
  Suspension early = running;
  early.lifted_on = date("2026-11-20");
  EXPECT_EQ(suspension_after_closure(early, date("2026-12-07"))->lifted_on, date("2026-11-20"));
  EXPECT_FALSE(suspension_after_closure(std::nullopt, date("2026-12-07")));
}

}  // namespace
}  // namespace chibo::domain::discipline
