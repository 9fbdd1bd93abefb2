#include <gtest/gtest.h>

#include "domain/remediation/item.h"
#include "testing/fixtures.h"

namespace chibo::domain::remediation {
namespace {

using chibo::testing::date;
using chibo::testing::rules;

bool has(const std::vector<FieldError>& errors, const std::string& field, const std::string& code) {
  for (const FieldError& error : errors)
    if (error.field == field && error.code == code) return true;
  return false;
}

std::string param(const std::vector<FieldError>& errors, const std::string& key) {
  for (const FieldError& error : errors)
    for (const auto& [k, v] : error.params)
      if (k == key) return v;
  return "";
}

ItemFacts good_item(const std::string& kind, Date due) {
  return {kind, "Chậm nộp đảng phí", "Thu đủ", "Bí thư chi bộ", due};
}

// A rule set with only the inspection bound, changing from 12 to 6 months on 2027-01-01.
RuleSet changing_bound() {
  std::vector<RuleParameter> parameters;
  parameters.push_back({"inspection.item_max_due_months", 12, date("2025-01-01"), "test", "", {}});
  parameters.push_back({"inspection.item_max_due_months", 6, date("2027-01-01"), "test", "", {}});
  return RuleSet::build(std::move(parameters), {}).value();
}

TEST(RemediationSource, NamesAndKinds) {
  EXPECT_EQ(source_names(), (std::vector<std::string>{"review", "inspection"}));
  EXPECT_EQ(source_named("review"), &review_source());
  EXPECT_EQ(source_named("inspection"), &inspection_source());
  EXPECT_EQ(source_named("Review"), nullptr);
  EXPECT_EQ(source_named(""), nullptr);
  const Date opened = date("2026-06-15");
  EXPECT_TRUE(check_facts(review_source(), good_item("limitation", opened)).empty());
  EXPECT_TRUE(check_facts(review_source(), good_item("fault", opened)).empty());
  EXPECT_TRUE(
      has(check_facts(review_source(), good_item("violation", opened)), "kind", "not_allowed"));
  EXPECT_TRUE(check_facts(inspection_source(), good_item("violation", opened)).empty());
  EXPECT_TRUE(check_facts(inspection_source(), good_item("recommendation", opened)).empty());
  const auto wrong = check_facts(inspection_source(), good_item("fault", opened));
  EXPECT_TRUE(has(wrong, "kind", "not_allowed"));
  EXPECT_EQ(param(wrong, "allowed"), "violation, recommendation");
}

TEST(RemediationItem, EveryTextRequiredAndBounded) {
  const Date opened = date("2026-06-15");
  ItemFacts item{"note", "", "", "", opened};
  auto errors = check_facts(inspection_source(), item, "items[1].");
  EXPECT_EQ(errors.size(), 4u);
  EXPECT_TRUE(has(errors, "items[1].kind", "not_allowed"));
  EXPECT_TRUE(has(errors, "items[1].description", "required"));
  EXPECT_TRUE(has(errors, "items[1].action", "required"));
  EXPECT_TRUE(has(errors, "items[1].owner", "required"));
  item = good_item("fault", opened);
  item.description = std::string(kTextChars * 4, 'a');  // at the bound
  item.owner = std::string(kLineChars * 4, 'a');
  EXPECT_TRUE(check_facts(review_source(), item).empty());
  item.description += "a";
  item.action = std::string(kTextChars * 4 + 1, 'a');
  item.owner += "a";
  errors = check_facts(review_source(), item);
  EXPECT_TRUE(has(errors, "description", "too_long"));
  EXPECT_TRUE(has(errors, "action", "too_long"));
  EXPECT_TRUE(has(errors, "owner", "too_long"));
}

TEST(RemediationItem, InspectionDueFromTheConclusionWithinTheRule) {
  const Date concluded = date("2026-06-15");
  const Source& s = inspection_source();
  EXPECT_TRUE(check_due(s, concluded, concluded, rules()).empty());  // the day itself
  auto errors = check_due(s, date("2026-06-14"), concluded, rules(), "items[0].");
  EXPECT_TRUE(has(errors, "items[0].due_on", "inspection_before_conclusion"));
  EXPECT_EQ(param(errors, "concluded_on"), "2026-06-15");
  EXPECT_TRUE(check_due(s, date("2027-06-15"), concluded, rules()).empty());  // 12 months exactly
  errors = check_due(s, date("2027-06-16"), concluded, rules());
  EXPECT_TRUE(has(errors, "due_on", "inspection_due_too_late"));
  EXPECT_EQ(param(errors, "latest"), "2027-06-15");
  EXPECT_EQ(param(errors, "rule"), "inspection.item_max_due_months");
  EXPECT_FALSE(param(errors, "source").empty());
}

TEST(RemediationItem, TheBoundInForceOnTheOpeningDay) {
  const RuleSet set = changing_bound();
  const Source& s = inspection_source();
  // Opened the day before the change: 12 months.
  EXPECT_TRUE(check_due(s, date("2027-12-31"), date("2026-12-31"), set).empty());
  // Opened on the day of the change: 6 months.
  EXPECT_TRUE(check_due(s, date("2027-07-01"), date("2027-01-01"), set).empty());
  EXPECT_TRUE(has(check_due(s, date("2027-07-02"), date("2027-01-01"), set), "due_on",
                  "inspection_due_too_late"));
  // Before any version took effect: no bound.
  EXPECT_TRUE(check_due(s, date("2030-01-01"), date("2024-12-31"), set).empty());
}

TEST(RemediationItem, ReviewDueFromTheReviewDateWithoutUpperBound) {
  const Date review_date = date("2026-11-01");
  const Source& s = review_source();
  EXPECT_TRUE(check_due(s, review_date, review_date, rules()).empty());
  EXPECT_TRUE(check_due(s, date("2036-11-01"), review_date, rules()).empty());
  const auto errors = check_due(s, date("2026-10-31"), review_date, rules());
  EXPECT_TRUE(has(errors, "due_on", "due_before_review"));
  EXPECT_EQ(param(errors, "review_date"), "2026-11-01");
}

TEST(RemediationItem, CheckItemIsFactsAndDue) {
  const Date concluded = date("2026-06-15");
  ItemFacts item = good_item("recommendation", date("2026-09-30"));
  EXPECT_TRUE(check_item(inspection_source(), item, concluded, rules()).empty());
  item.kind = "x";
  item.due_on = date("2026-06-01");
  const auto errors = check_item(inspection_source(), item, concluded, rules());
  EXPECT_EQ(errors.size(), 2u);
  EXPECT_TRUE(has(errors, "kind", "not_allowed"));
  EXPECT_TRUE(has(errors, "due_on", "inspection_before_conclusion"));
}

TEST(RemediationItem, OverdueIsOpenPastDue) {
  const Date due = date("2026-09-30");
  EXPECT_FALSE(overdue("open", due, date("2026-09-29")));
  EXPECT_FALSE(overdue("open", due, date("2026-09-30")));  // due today: not yet
  EXPECT_TRUE(overdue("open", due, date("2026-10-01")));
  EXPECT_FALSE(overdue("closed", due, date("2026-10-01")));
}

TEST(RemediationItem, ClosingOnceWithEvidenceNotInTheFutureNorBeforeOpening) {
  const Date opened = date("2026-06-15");
  const Date today = date("2026-12-06");
  for (const Source* s : {&review_source(), &inspection_source()}) {
    EXPECT_TRUE(check_close(*s, "open", "Biên bản", today, opened, today).allowed());
    EXPECT_TRUE(check_close(*s, "open", "Biên bản", opened, opened, today).allowed());
    const CloseCheck closed = check_close(*s, "closed", "", date("2099-01-01"), opened, today);
    EXPECT_EQ(closed.conflict, s->already_closed);
    EXPECT_TRUE(closed.errors.empty());
    EXPECT_TRUE(has(check_close(*s, "open", "Biên bản", date("2026-12-07"), opened, today).errors,
                    "closed_on", "in_future"));
    const CloseCheck early = check_close(*s, "open", "", date("2026-06-14"), opened, today);
    EXPECT_TRUE(early.conflict.empty());
    EXPECT_TRUE(has(early.errors, "evidence", "required"));
    EXPECT_TRUE(has(early.errors, "closed_on", std::string(s->closed_before_opening)));
    EXPECT_EQ(param(early.errors, std::string(s->opened_key)), "2026-06-15");
    EXPECT_TRUE(has(
        check_close(*s, "open", std::string(kTextChars * 4 + 1, 'a'), today, opened, today).errors,
        "evidence", "too_long"));
  }
  EXPECT_EQ(review_source().already_closed, "shortcoming_closed");
  EXPECT_EQ(inspection_source().already_closed, "inspection_item_closed");
}

}  // namespace
}  // namespace chibo::domain::remediation
