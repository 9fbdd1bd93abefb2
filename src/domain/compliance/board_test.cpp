#include "domain/compliance/board.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain::compliance {
namespace {

using chibo::testing::date;
using chibo::testing::rules;

OrgPath path(const char* text) { return *OrgPath::parse(text); }

TEST(ComplianceSeverity, BandsComeFromTheRules) {
  const Date on = date("2026-11-16");
  const int64_t serious = rules().in_force(kSeriousAfterDays, on)->value;
  const int64_t critical = rules().in_force(kCriticalAfterDays, on)->value;
  ASSERT_LT(serious, critical);
  EXPECT_EQ(severity_of(1, rules(), on), "warning");
  EXPECT_EQ(severity_of(serious - 1, rules(), on), "warning");
  EXPECT_EQ(severity_of(serious, rules(), on), "serious");
  EXPECT_EQ(severity_of(critical - 1, rules(), on), "serious");
  EXPECT_EQ(severity_of(critical, rules(), on), "critical");
}

TEST(ComplianceSeverity, NoBandBeforeItsRuleTakesEffect) {
  EXPECT_EQ(severity_of(100000, rules(), date("2000-01-01")), "warning");
}

TEST(ComplianceRollUp, DescendantsCountUnderTheirDirectChild) {
  ChildCounts counts;
  roll_up(path("/1/2/"),
          {{path("/1/2/"), 1},
           {path("/1/2/3/"), 2},
           {path("/1/2/3/7/9/"), 4},
           {path("/1/2/5/"), 8},
           {path("/1/6/"), 100},  // outside the asked subtree
           {path("/1/2/5/8/"), 0}},
          counts);
  EXPECT_EQ(counts.own, 1);
  EXPECT_EQ(counts.total, 15);
  ASSERT_EQ(counts.children.size(), 2u);
  EXPECT_EQ(counts.children.at(OrgId(3)), 6);
  EXPECT_EQ(counts.children.at(OrgId(5)), 8);
}

TEST(ComplianceRollUp, SourcesAddUp) {
  ChildCounts counts;
  roll_up(path("/1/"), {{path("/1/2/"), 1}}, counts);
  roll_up(path("/1/"), {{path("/1/2/4/"), 2}, {path("/1/3/"), 1}}, counts);
  EXPECT_EQ(counts.total, 4);
  EXPECT_EQ(counts.children.at(OrgId(2)), 3);
  EXPECT_EQ(counts.children.at(OrgId(3)), 1);
}

TEST(ComplianceLagging, SummedAcrossSourcesMostFirstTiesInPathOrder) {
  const std::vector<PathCount> top = most_lagging({{path("/1/2/"), 1},
                                                   {path("/1/3/"), 2},
                                                   {path("/1/2/"), 2},
                                                   {path("/1/4/"), 2},
                                                   {path("/1/5/"), 0}},
                                                  2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].path, path("/1/2/"));
  EXPECT_EQ(top[0].count, 3);
  EXPECT_EQ(top[1].path, path("/1/3/"));
}

Item item(const char* area, int64_t days, int64_t subject) {
  Item i;
  i.area = area;
  i.kind = std::string(area) + ".x";
  i.org_path = *OrgPath::parse("/1/");
  i.days_overdue = days;
  i.subject_id = subject;
  return i;
}

TEST(ComplianceMerge, MostOverdueFirstAcrossSourcesThenPaged) {
  std::vector<std::vector<Item>> lists = {
      {item("meetings", 40, 1), item("meetings", 10, 2)},
      {item("dues", 40, 3), item("dues", 5, 4)},
      {item("review", 20, 5)},
  };
  std::vector<Item> first = merge_page(lists, 0, 3);
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(first[0].subject_id, 3);  // same days: "dues" before "meetings"
  EXPECT_EQ(first[1].subject_id, 1);
  EXPECT_EQ(first[2].subject_id, 5);
  std::vector<Item> second = merge_page(lists, 3, 3);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[0].subject_id, 2);
  EXPECT_EQ(second[1].subject_id, 4);
  EXPECT_TRUE(merge_page(lists, 5, 3).empty());
}

TEST(ComplianceMerge, NotYetOverdueTheOneDueSoonestFirst) {
  Item later = item("discipline", 0, 1);
  later.due_on = *Date::parse("2027-02-14");
  Item sooner = item("discipline", 0, 2);
  sooner.due_on = *Date::parse("2026-12-01");
  Item today = item("structure", 0, 3);
  today.due_on = *Date::parse("2026-11-16");
  const std::vector<Item> page = merge_page({{later, sooner}, {today}}, 0, 10);
  ASSERT_EQ(page.size(), 3u);
  EXPECT_EQ(page[0].subject_id, 3);
  EXPECT_EQ(page[1].subject_id, 2);
  EXPECT_EQ(page[2].subject_id, 1);
}

}  // namespace
}  // namespace chibo::domain::compliance
