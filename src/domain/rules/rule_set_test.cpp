#include "domain/rules/rule_set.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

RuleParameter param(const char* key, int64_t value, const char* from) {
  return {key, value, date(from), std::string("source of ") + key + " " + from, "", {}};
}

TEST(RuleSet, UsesTheVersionInForceOnTheDate) {
  auto rules = RuleSet::build({param("x", 3, "2011-01-19"), param("x", 5, "2025-07-01")}, {"x"});
  ASSERT_TRUE(rules);
  EXPECT_EQ(rules->in_force("x", date("2011-01-18")), nullptr);
  EXPECT_EQ(rules->in_force("x", date("2011-01-19"))->value, 3);
  EXPECT_EQ(rules->in_force("x", date("2025-06-30"))->value, 3);
  EXPECT_EQ(rules->in_force("x", date("2025-07-01"))->value, 5);
  EXPECT_EQ(rules->in_force("x", date("2025-07-01"))->source, "source of x 2025-07-01");
  EXPECT_EQ(rules->in_force("missing", date("2025-07-01")), nullptr);
}

TEST(RuleSet, ListsAKeysVersionsOldestFirst) {
  auto rules = RuleSet::build(
      {param("x", 5, "2025-07-01"), param("y", 1, "2020-01-01"), param("x", 3, "2011-01-19")}, {});
  ASSERT_TRUE(rules);
  const std::vector<RuleParameter>& x = rules->versions("x");
  ASSERT_EQ(x.size(), 2u);
  EXPECT_EQ(x[0].value, 3);
  EXPECT_EQ(x[1].value, 5);
  EXPECT_TRUE(rules->versions("missing").empty());
}

TEST(RuleSet, RefusesMissingKeysAndDuplicateDates) {
  EXPECT_FALSE(RuleSet::build({param("x", 3, "2011-01-19")}, {"x", "y"}));
  auto duplicate = RuleSet::build({param("x", 3, "2011-01-19"), param("x", 4, "2011-01-19")}, {});
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().fields.front().code, "rule_duplicate_date");
}

TEST(RuleSet, ShippedRulesHaveEveryRegistryKeyWithASource) {
  const RuleSet& rules = chibo::testing::rules();
  for (const std::string& key : registry_rule_keys()) {
    const RuleParameter* rule = rules.in_force(key, date("2026-01-01"));
    ASSERT_NE(rule, nullptr) << key;
    EXPECT_FALSE(rule->source.empty()) << key;
  }
  EXPECT_EQ(rules.in_force("org.min_official_members", date("2026-01-01"))->value, 3);
}

}  // namespace
}  // namespace chibo::domain
