// The SQL name-search plans (search_plan.h) give the same pages as reading every matching key,
// whichever plan a query takes: limits are shrunk so that a small registry takes them all
// (scope by scope, all keys, broad key by key in rounds of two). SQLite and,
// with CHIBO_TEST_POSTGRES, PostgreSQL.
#include <gtest/gtest.h>

#include "app/member_changes.h"
#include "app/runner.h"
#include "storage/sql/engine/sql_store.h"
#include "storage/sql/tools/consistency.h"
#include "testing/fixtures.h"
#include "testing/temp_store.h"
#include "text/fold.h"

namespace chibo::storage {
namespace {

using chibo::testing::TempStore;

struct Outcome {
  std::vector<long long> ids;
  long long total = 0;
  bool exact = true;
};

Outcome search(SqlStore& store, const app::MemberFilter& filter) {
  Outcome outcome;
  EXPECT_TRUE(store.read([&](app::Transaction& tx) -> Status {
    const app::MemberPage page = tx.members().page(filter);
    for (const app::MemberRef& member : page.items) outcome.ids.push_back(member->id.value);
    outcome.total = page.total;
    outcome.exact = page.total_exact;
    return Ok();
  }));
  return outcome;
}

TEST(MemberSearch, EveryPlanGivesTheExactPageInNameOrder) {
  TempStore temp;
  const auto tree = temp.make_tree();
  const char* const families[] = {"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Khánh"};
  const char* const middles[] = {"Văn", "Thị", "Minh", "Khánh", "Ngọc"};
  // "lan" folds Lan and Lân, whose name orders lie either side of Lang's: keys whose members'
  // sort keys interleave.
  const char* const givens[] = {"An",   "Khánh", "Khánh", "Khang", "Minh", "Oanh",
                                "Bình", "Khải",  "Lan",   "Lân",   "Lang"};
  int serial = 0;
  for (int index = 0; index < 70; ++index) {
    const std::string name = std::string(families[index % 7]) + " " + middles[(index / 7) % 5] +
                             " " + givens[(index * 3) % 11];
    char cccd[32];
    std::snprintf(cccd, sizeof cccd, "001080%06d", ++serial);
    auto patch = chibo::testing::valid_member_patch(tree[3 + index % 2].value, cccd);
    patch["full_name"] = name;
    if (index % 9 == 0) {  // an old file of a member who has died
      patch["status"] = "deceased";
      patch["exit_date"] = "2025-06-01";
      patch["exit_ground"] = "deceased";
    }
    auto created = app::run_write(temp.services(), temp.actor(), app::create_member, patch);
    ASSERT_TRUE(created) << created.error().reason << " " << name;
    // Some members are renamed: their old keys keep bounds wider than their members now.
    if (index % 11 == 5) {
      domain::MemberPatch rename;
      rename["full_name"] = std::string("Đỗ ") + middles[index % 5] + " " + givens[index % 8];
      auto renamed = app::run_write(temp.services(), temp.actor(), app::update_member,
                                    created->member.id, created->member.version, rename);
      ASSERT_TRUE(renamed) << renamed.error().reason;
    }
  }
  auto problems = check_consistency(temp.store());
  ASSERT_TRUE(problems);
  EXPECT_TRUE(problems->empty()) << problems->front();
  SearchLimits exact;  // every query by its keys
  exact.scope_first = 0;
  exact.probe = 1'000'000'000;
  SearchLimits tiny;  // every shortcut taken
  tiny.scope_first = 12;
  tiny.probe = 4;
  tiny.keys_per_round = 2;
  auto reference = temp.reopen(false, exact);
  auto tuned = temp.reopen(false, tiny);
  ASSERT_TRUE(reference && tuned);

  const std::vector<std::string> queries = {"nguyen",     "khanh",  "kh", "minh",           "thi",
                                            "nguyen van", "van an", "a",  "tran thi khanh", "le",
                                            "oanh",       "lan",    "la"};
  int broad = 0;
  for (const std::string& query : queries) {
    for (int scope = 0; scope < 4; ++scope) {
      for (bool descending : {false, true}) {
        for (long long offset : {0LL, 3LL, 11LL}) {
          app::MemberFilter filter;
          filter.name_query = text::fold(query);
          filter.statuses = chibo::testing::catalog().on_roll_statuses();
          filter.limit = 5;
          filter.offset = offset;
          filter.descending = descending;
          if (scope == 1)
            filter.subtree = *OrgPath::parse("/" + std::to_string(tree[0].value) + "/");
          if (scope == 2)
            filter.within = {*OrgPath::parse("/" + std::to_string(tree[0].value) + "/" +
                                             std::to_string(tree[1].value) + "/")};
          if (scope == 3) filter.statuses = {};  // any status, no scope
          const Outcome expected = search(*reference, filter);
          const Outcome got = search(*tuned, filter);
          const std::string what = query + " scope " + std::to_string(scope) +
                                   (descending ? " desc" : "") + " offset " +
                                   std::to_string(offset);
          EXPECT_EQ(got.ids, expected.ids) << what;
          EXPECT_TRUE(expected.exact);
          if (got.exact) {
            EXPECT_EQ(got.total, expected.total) << what;
          } else {
            ++broad;
            EXPECT_LE(got.total, expected.total) << what;
            if (!got.ids.empty()) {
              EXPECT_GE(got.total, offset + static_cast<long long>(got.ids.size())) << what;
            }
          }
        }
      }
    }
  }
  EXPECT_GT(broad, 0);  // the broad plan was exercised
}

}  // namespace
}  // namespace chibo::storage
