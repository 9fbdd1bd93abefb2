#include "storage/sql/search/search_plan.h"

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

TEST(SearchPlan, AKeyIsReadWhileItsBoundCanStillReachThePage) {
  const std::vector<RankedMember> top = {{"10", 1}, {"30", 3}};
  EXPECT_TRUE(key_may_place("99", top, 3, false));  // the page is not full yet
  EXPECT_TRUE(key_may_place("20", top, 2, false));
  EXPECT_TRUE(key_may_place("30", top, 2, false));  // a tie: its members may have smaller ids
  EXPECT_FALSE(key_may_place("31", top, 2, false));
  const std::vector<RankedMember> down = {{"50", 5}, {"30", 3}};
  EXPECT_TRUE(key_may_place("30", down, 2, true));
  EXPECT_FALSE(key_may_place("29", down, 2, true));
  EXPECT_TRUE(key_may_place("", {}, 1, false));
}

TEST(SearchPlan, KeepingTheFirstMergesDropsDuplicatesAndCuts) {
  std::vector<RankedMember> top = {{"10", 1}, {"30", 3}};
  keep_first(top, {{"20", 2}, {"30", 3}, {"40", 4}}, 3, false);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0].id, 1);
  EXPECT_EQ(top[1].id, 2);
  EXPECT_EQ(top[2].id, 3);
  keep_first(top, {{"10", 0}}, 3, false);  // same sort key, smaller id: first
  EXPECT_EQ(top.front().id, 0);
  EXPECT_EQ(top.back().id, 2);
  std::vector<RankedMember> down;
  keep_first(down, {{"10", 1}, {"50", 5}, {"30", 3}}, 2, true);
  ASSERT_EQ(down.size(), 2u);
  EXPECT_EQ(down[0].id, 5);
  EXPECT_EQ(down[1].id, 3);
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
