#include <gtest/gtest.h>

#include "io/catalog_loader.h"
#include "io/rules_loader.h"
#include "io/tsv.h"

namespace chibo::io {
namespace {

TEST(Tsv, SkipsCommentsAndChecksWidths) {
  auto table = parse_tsv("# comment\ncode\tname\n01\tKinh\n\n02\tTày\n", "test.tsv");
  ASSERT_TRUE(table);
  EXPECT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->column("name"), 1);
  auto bad = parse_tsv("code\tname\n01\n", "test.tsv");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().param("line"), "2");
}

TEST(Catalog, ShippedCatalogsLoadCompletely) {
  auto catalog = load_catalog();
  ASSERT_TRUE(catalog) << catalog.error().reason << " " << catalog.error().param("source");
  EXPECT_EQ(catalog->ethnicities.entries().size(), 54u);
  EXPECT_EQ(catalog->ethnicities.find("01")->name_vi, "Kinh");
  EXPECT_EQ(catalog->provinces.entries().size(), 63u);
  EXPECT_EQ(catalog->provinces.find("001")->name_vi, "Hà Nội");
  EXPECT_EQ(catalog->provinces.find("079")->name_vi, "Hồ Chí Minh");
  EXPECT_TRUE(catalog->org_kind("cell")->holds_members);
  EXPECT_TRUE(catalog->org_kind("base_cell")->is_base);
  EXPECT_TRUE(catalog->member_status("official")->on_roll);
  EXPECT_FALSE(catalog->member_status("expelled")->on_roll);
  EXPECT_EQ(catalog->religions.lookup("phat giao")->code, "buddhism");
}

TEST(Rules, ParsesVersionsAndNamesTheBadParameter) {
  auto rules = parse_rules({{"a.toml",
                             "[[parameter]]\nkey = \"org.min_official_members\"\nvalue = 3\n"
                             "effective_from = 2011-01-19\nsource = \"Điều lệ\"\n"
                             "[[parameter]]\nkey = \"org.min_official_members\"\nvalue = 4\n"
                             "effective_from = 2030-01-01\nsource = \"future\"\n"
                             "[[parameter]]\nkey = \"org.base_cell_max_members\"\nvalue = 30\n"
                             "effective_from = 2011-01-19\nsource = \"x\"\n"
                             "[[parameter]]\nkey = \"org.base_committee_min_members\"\nvalue = 30\n"
                             "effective_from = 2011-01-19\nsource = \"x\"\n"
                             "[[parameter]]\nkey = \"member.min_admission_age_years\"\nvalue = 18\n"
                             "effective_from = 2011-01-19\nsource = \"x\"\n"}});
  ASSERT_TRUE(rules) << rules.error().reason;
  EXPECT_EQ(rules->in_force("org.min_official_members", *Date::parse("2029-12-31"))->value, 3);
  EXPECT_EQ(rules->in_force("org.min_official_members", *Date::parse("2030-01-01"))->value, 4);
  auto no_source = parse_rules(
      {{"b.toml", "[[parameter]]\nkey = \"x\"\nvalue = 1\neffective_from = 2011-01-19\n"}});
  ASSERT_FALSE(no_source);
  EXPECT_EQ(no_source.error().param("source"), "b.toml");
  EXPECT_NE(no_source.error().param("problem").find("source"), std::string::npos);
  auto not_toml = parse_rules({{"c.toml", "[[parameter\n"}});
  ASSERT_FALSE(not_toml);
  auto missing_key = parse_rules(
      {{"d.toml",
        "[[parameter]]\nkey = \"x\"\nvalue = 1\neffective_from = 2011-01-19\nsource = \"s\"\n"}});
  ASSERT_FALSE(missing_key);
  EXPECT_EQ(missing_key.error().fields.front().code, "rule_missing");
}

TEST(Rules, TheShippedRuleSetLoads) {
  auto rules = load_rules("");
  ASSERT_TRUE(rules) << rules.error().reason << " " << rules.error().param("problem");
  EXPECT_GE(rules->all().size(), 4u);
}

}  // namespace
}  // namespace chibo::io
