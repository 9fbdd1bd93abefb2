#include <gtest/gtest.h>

#include "io/calendar_loader.h"
#include "io/catalog_loader.h"
#include "io/rules_loader.h"
#include "io/tsv.h"
#include "testing/fixtures.h"

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

TEST(Catalog, DocumentListsLoadWithTheirKeys) {
  auto catalog = load_catalog();
  ASSERT_TRUE(catalog) << catalog.error().reason << " " << catalog.error().param("code");
  const domain::DocumentCatalog& documents = catalog->documents;
  EXPECT_EQ(documents.type("quy_dinh")->symbol, "QĐ");
  EXPECT_EQ(documents.type("quyet_dinh")->series, documents.type("quy_dinh")->series);
  EXPECT_EQ(documents.type("cong_van")->layout, domain::DocumentLayout::kLetter);
  EXPECT_FALSE(documents.type("dieu_le")->numbered);
  EXPECT_EQ(documents.type("chuong_trinh")->symbol, "CTr");
  EXPECT_EQ(documents.mark(domain::MarkKind::kSecrecy, "tuyet_mat")->label, "TUYỆT MẬT");
  EXPECT_EQ(documents.mark(domain::MarkKind::kAuthority, "kt")->label, "K/T");
  EXPECT_EQ(documents.mark(domain::MarkKind::kSecrecy, "kt"), nullptr);
  EXPECT_EQ(documents.position("cell_committee_member")->role, "member");
  EXPECT_EQ(documents.issuer("cell", "committee")->abbreviation, "CB");
  EXPECT_EQ(catalog->org_kind("cell")->term_class, "cell");
  EXPECT_EQ(catalog->org_kind("base_committee")->term_class, "standard");
  EXPECT_EQ(catalog->org_kind("party_group")->term_class, "");
  // Every type's symbol is letters only, as parse_symbol reads them back.
  for (const domain::DocumentType& type : documents.types) {
    EXPECT_EQ(type.numbered, !type.symbol.empty()) << type.code;
  }
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
                             "effective_from = 2011-01-19\nsource = \"x\"\n"
                             "[[parameter]]\nkey = \"share\"\nvalue = [2, 3]\n"
                             "effective_from = 2011-01-19\nsource = \"x\"\n"}},
                           domain::registry_rule_keys());
  ASSERT_TRUE(rules) << rules.error().reason;
  EXPECT_EQ(rules->in_force("org.min_official_members", *Date::parse("2029-12-31"))->value, 3);
  EXPECT_EQ(rules->in_force("org.min_official_members", *Date::parse("2030-01-01"))->value, 4);
  const domain::RuleParameter* share = rules->in_force("share", *Date::parse("2026-01-01"));
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->values, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(share->value, 2);
  auto bad_list = parse_rules({{"e.toml",
                                "[[parameter]]\nkey = \"x\"\nvalue = [1, \"two\"]\n"
                                "effective_from = 2011-01-19\nsource = \"s\"\n"}},
                              {});
  ASSERT_FALSE(bad_list);
  EXPECT_NE(bad_list.error().param("problem").find("integers"), std::string::npos);
  // A float is not an integer, however large (toml++ would convert 61e94 to int64 with undefined
  // behaviour; found by fuzz/regressions/rules/float-value-out-of-int64-range).
  for (const char* number : {"61e94", "2.0", "[1, 61e94]"}) {
    auto floating =
        parse_rules({{"f.toml", std::string("[[parameter]]\nkey = \"x\"\nvalue = ") + number +
                                    "\neffective_from = 2011-01-19\nsource = \"s\"\n"}},
                    {});
    EXPECT_FALSE(floating) << number;
  }
  // The shipped rules lack nothing the lifecycle reads.
  EXPECT_TRUE(load_rules(""));
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

TEST(Calendar, ParsesDaysAndRefusesBadLines) {
  auto calendar = parse_calendar(
      "# comment\ndate\tkind\tname_vi\tsource\n2025-09-01\toff\tQuốc khánh\tBLLĐ\n"
      "2025-04-26\twork\tLàm bù\tThông báo\n",
      "test.tsv", chibo::testing::rules());
  ASSERT_TRUE(calendar) << calendar.error().param("problem");
  EXPECT_FALSE(calendar->is_working_day(*Date::parse("2025-09-01")));
  EXPECT_TRUE(calendar->is_working_day(*Date::parse("2025-04-26")));
  const char* bad[] = {
      "date\tkind\tname_vi\tsource\n2025-02-30\toff\tx\ts\n",   // not a date
      "date\tkind\tname_vi\tsource\n2025-09-01\tnap\tx\ts\n",   // unknown kind
      "date\tkind\tname_vi\tsource\n2025-09-01\twork\tx\ts\n",  // a Monday "worked"
      "date\tkind\tname_vi\tsource\n2025-09-01\toff\tx\t\n",    // no source
      "date\tkind\tname_vi\tsource\n2025-09-01\toff\tx\ts\n2025-09-01\toff\ty\ts\n",
      "date\tkind\n2025-09-01\toff\n",
  };
  for (const char* text : bad) {
    auto refused = parse_calendar(text, "bad.tsv", chibo::testing::rules());
    ASSERT_FALSE(refused) << text;
    EXPECT_EQ(refused.error().param("source"), "bad.tsv");
  }
  EXPECT_TRUE(load_calendar("", chibo::testing::rules()));
}

TEST(Rules, TheShippedRuleSetLoads) {
  auto rules = load_rules("");
  ASSERT_TRUE(rules) << rules.error().reason << " " << rules.error().param("problem");
  EXPECT_GE(rules->all().size(), 4u);
}

}  // namespace
}  // namespace chibo::io
