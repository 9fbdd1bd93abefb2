#include "domain/directives/study_rollup.h"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

OrgPath study_path(const char* text) { return *OrgPath::parse(text); }

TEST(StudyRollup, TheLargerOfOwnAndChildrenCounts) {
  EXPECT_EQ(studied_of(0, 0), 0);
  EXPECT_EQ(studied_of(50, 12), 50);
  EXPECT_EQ(studied_of(5, 30), 30);
  EXPECT_EQ(studied_of(30, 30), 30);
}

TEST(StudyRollup, StudiesAtTwoLevelsAreNotAddedTwice) {
  // A base organization /1/2/ held a session for 50 of its 60 members; its cells /1/2/3/ and
  // /1/2/4/ held their own (10 and 8). The bloc /1/ above counts 50, not 68.
  const auto studied = studied_by_org(
      {{study_path("/1/2/"), 50}, {study_path("/1/2/3/"), 10}, {study_path("/1/2/4/"), 8}});
  EXPECT_EQ(studied.at(OrgId(3)), 10);
  EXPECT_EQ(studied.at(OrgId(4)), 8);
  EXPECT_EQ(studied.at(OrgId(2)), 50);
  EXPECT_EQ(studied.at(OrgId(1)), 50);
}

TEST(StudyRollup, ASmallSessionAboveDoesNotHideLargerOnesBelow) {
  const auto studied = studied_by_org({{study_path("/1/2/"), 5},
                                       {study_path("/1/2/3/"), 10},
                                       {study_path("/1/2/4/"), 8},
                                       {study_path("/1/7/"), 20}});
  EXPECT_EQ(studied.at(OrgId(2)), 18);
  EXPECT_EQ(studied.at(OrgId(7)), 20);
  EXPECT_EQ(studied.at(OrgId(1)), 38);
}

TEST(StudyRollup, OnlyRecordedBelowRollsUpUnchanged) {
  const auto studied = studied_by_org({{study_path("/1/2/3/"), 10}, {study_path("/1/2/4/"), 8}});
  EXPECT_EQ(studied.at(OrgId(2)), 18);
  EXPECT_EQ(studied.at(OrgId(1)), 18);
  EXPECT_EQ(studied.count(OrgId(9)), 0u);
  EXPECT_TRUE(studied_by_org({}).empty());
}

}  // namespace
}  // namespace chibo::domain
