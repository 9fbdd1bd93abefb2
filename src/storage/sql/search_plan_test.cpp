#include "storage/sql/search_plan.h"

#include <gtest/gtest.h>

namespace chibo::storage {
namespace {

TEST(SearchPlan, SmallScopesAreReadMemberByMemberNarrowPrefixesByKeysTheRestBroad) {
  const SearchLimits limits;
  EXPECT_EQ(choose_search_plan(12, 1'000'000, limits), SearchPlan::kScope);  // a cell
  EXPECT_EQ(choose_search_plan(10'000, 1'000'000, limits), SearchPlan::kScope);
  EXPECT_EQ(choose_search_plan(10'001, 3, limits), SearchPlan::kKeys);
  EXPECT_EQ(choose_search_plan(std::nullopt, 5'000, limits), SearchPlan::kKeys);
  EXPECT_EQ(choose_search_plan(std::nullopt, 5'001, limits), SearchPlan::kBroad);
  EXPECT_EQ(choose_search_plan(300'000, 5'001, limits), SearchPlan::kBroad);  // a province
}

TEST(SearchPlan, TheWalkGrowsWithThePageUpToItsBound) {
  const SearchLimits limits;
  EXPECT_EQ(walk_budget(20, limits), 4000);
  EXPECT_EQ(walk_budget(100, limits), 20000);
  EXPECT_EQ(walk_budget(100000, limits), 20000);
  EXPECT_EQ(walk_budget(0, limits), 200);
}

TEST(SearchPlan, MergingKeepsNameOrderDropsDuplicatesAndPages) {
  const std::vector<RankedMember> a = {{"10", 1}, {"30", 3}, {"50", 5}};
  const std::vector<RankedMember> b = {{"20", 2}, {"30", 3}, {"40", 4}, {"60", 6}};
  EXPECT_EQ(merge_ranked(a, b, 0, 4, false), (std::vector<long long>{1, 2, 3, 4}));
  EXPECT_EQ(merge_ranked(a, b, 2, 3, false), (std::vector<long long>{3, 4, 5}));
  EXPECT_EQ(merge_ranked(a, b, 5, 3, false), (std::vector<long long>{6}));
  // Equal sort keys: by id.
  EXPECT_EQ(merge_ranked({{"10", 9}}, {{"10", 7}}, 0, 2, false), (std::vector<long long>{7, 9}));
  const std::vector<RankedMember> down_a = {{"50", 5}, {"30", 3}};
  const std::vector<RankedMember> down_b = {{"60", 6}, {"40", 4}};
  EXPECT_EQ(merge_ranked(down_a, down_b, 0, 3, true), (std::vector<long long>{6, 5, 4}));
}

}  // namespace
}  // namespace chibo::storage
