#include "core/org_path.h"

#include <gtest/gtest.h>

namespace chibo {
namespace {

TEST(OrgPath, BuildsFromIds) {
  const OrgPath root = OrgPath::root(OrgId(1));
  EXPECT_EQ(root.str(), "/1/");
  const OrgPath cell = root.child(OrgId(23)).child(OrgId(456));
  EXPECT_EQ(cell.str(), "/1/23/456/");
  EXPECT_EQ(cell.depth(), 3);
  EXPECT_EQ(cell.leaf(), OrgId(456));
  EXPECT_EQ(cell.ids(), (std::vector<OrgId>{OrgId(1), OrgId(23), OrgId(456)}));
}

TEST(OrgPath, ParsesOnlyWellFormedPaths) {
  EXPECT_TRUE(OrgPath::parse("/1/"));
  EXPECT_TRUE(OrgPath::parse("/1/20/300/"));
  EXPECT_FALSE(OrgPath::parse(""));
  EXPECT_FALSE(OrgPath::parse("/"));
  EXPECT_FALSE(OrgPath::parse("1/2/"));
  EXPECT_FALSE(OrgPath::parse("/1/2"));
  EXPECT_FALSE(OrgPath::parse("/1//2/"));
  EXPECT_FALSE(OrgPath::parse("/01/"));
  EXPECT_FALSE(OrgPath::parse("/1/x/"));
}

TEST(OrgPath, SubtreeRangeHoldsExactlyTheDescendants) {
  const OrgPath node = *OrgPath::parse("/1/23/");
  const std::string low = node.str();
  const std::string high = node.subtree_end();
  auto inside = [&](const std::string& path) { return path >= low && path < high; };
  EXPECT_TRUE(inside("/1/23/"));
  EXPECT_TRUE(inside("/1/23/4/"));
  EXPECT_TRUE(inside("/1/23/99999/7/"));
  EXPECT_FALSE(inside("/1/230/"));  // a sibling whose id starts with the same digits
  EXPECT_FALSE(inside("/1/2/"));
  EXPECT_FALSE(inside("/1/24/"));
  EXPECT_FALSE(inside("/1/"));
}

TEST(OrgPath, ContainsAndRebase) {
  const OrgPath old_node = *OrgPath::parse("/1/2/5/");
  const OrgPath new_node = *OrgPath::parse("/1/3/5/");
  EXPECT_TRUE(old_node.contains(*OrgPath::parse("/1/2/5/9/")));
  EXPECT_TRUE(old_node.contains(old_node));
  EXPECT_FALSE(old_node.contains(*OrgPath::parse("/1/2/50/")));
  EXPECT_FALSE(old_node.contains(*OrgPath::parse("/1/2/")));
  EXPECT_EQ(old_node.rebased(*OrgPath::parse("/1/2/5/9/11/"), new_node).str(), "/1/3/5/9/11/");
}

}  // namespace
}  // namespace chibo
