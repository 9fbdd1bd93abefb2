#include "storage/sql/tools/table_checksum.h"

#include <gtest/gtest.h>

namespace chibo::storage {
namespace {

TableChecksum of(const std::vector<TextRow>& rows) {
  TableChecksum sum;
  for (const TextRow& row : rows) sum.add(row);
  return sum;
}

TEST(TableChecksum, RowOrderDoesNotMatter) {
  const TextRow a = {std::string("1"), std::string("Nguyễn Văn An")};
  const TextRow b = {std::string("2"), std::nullopt};
  EXPECT_EQ(of({a, b}), of({b, a}));
  EXPECT_EQ(of({a, b}).str(), of({b, a}).str());
  EXPECT_EQ(of({a, b}).rows(), 2);
}

TEST(TableChecksum, AnyDifferenceShows) {
  const TextRow a = {std::string("1"), std::string("x")};
  EXPECT_NE(of({a}), of({{std::string("1"), std::string("y")}}));
  EXPECT_NE(of({a}), of({a, a}));  // a duplicated row is not the same table
  EXPECT_NE(of({{std::string("")}}), of({{std::nullopt}}));  // NULL is not ''
  // Values are delimited by length: moving characters between columns changes the row.
  EXPECT_NE(canonical_row({std::string("ab"), std::string("c")}),
            canonical_row({std::string("a"), std::string("bc")}));
  EXPECT_EQ(of({}).str(), "0:" + std::string(64, '0'));
}

}  // namespace
}  // namespace chibo::storage
