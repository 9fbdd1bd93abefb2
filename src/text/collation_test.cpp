#include "text/collation.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "text/person_name.h"

namespace chibo::text {
namespace {

TEST(Collation, VietnameseLetterOrder) {
  // ICU "vi": a < ă < â, d < đ, o < ô < ơ, u < ư; tones compare after letters.
  const std::vector<std::string> expected = {"Anh",   "Ảnh",  "Ánh",  "Ạnh", "Ăn", "Ân", "Do",
                                             "Dương", "Đặng", "Đinh", "Ô",   "Ơ",  "Ư"};
  std::vector<std::string> shuffled = {"Đinh",  "Ư",   "Ân",   "Ạnh", "Ơ",  "Anh", "Ô",
                                       "Dương", "Ánh", "Đặng", "Ăn",  "Do", "Ảnh"};
  std::sort(shuffled.begin(), shuffled.end(),
            [](const std::string& a, const std::string& b) { return compare_vi(a, b) < 0; });
  EXPECT_EQ(shuffled, expected);
}

TEST(Collation, SortKeysOrderLikeTheCollator) {
  const std::vector<std::string> words = {"Ân", "Anh", "Ăn", "Đặng", "Do", "Ánh", "Bình", "Bính"};
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      const int by_collator = compare_vi(a, b);
      const int by_key = sort_key_hex(a).compare(sort_key_hex(b));
      EXPECT_EQ(by_collator < 0, by_key < 0) << a << " vs " << b;
      EXPECT_EQ(by_collator == 0, by_key == 0) << a << " vs " << b;
    }
  }
  EXPECT_FALSE(collation_version().empty());
}

TEST(PersonName, SplitsFamilyMiddleGiven) {
  const NameParts parts = split_name("Nguyễn Thị Minh Khai");
  EXPECT_EQ(parts.family, "Nguyễn");
  EXPECT_EQ(parts.middle, "Thị Minh");
  EXPECT_EQ(parts.given, "Khai");
  EXPECT_EQ(split_name("Lan").given, "Lan");
  EXPECT_EQ(split_name("Lan").family, "");
  EXPECT_EQ(split_name("Hồ Lan").middle, "");
}

TEST(PersonName, SortsByGivenNameThenMiddleThenFamily) {
  std::vector<std::string> names = {"Nguyễn Văn Bình", "Trần Văn An", "Lê Thị Bình", "Đặng Thị Ân",
                                    "Nguyễn Anh",      "Bùi Văn An",  "Trần Thị Anh"};
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return name_sort_key(a) < name_sort_key(b);
  });
  const std::vector<std::string> expected = {"Bùi Văn An",     "Trần Văn An", "Nguyễn Anh",
                                             "Trần Thị Anh",   "Đặng Thị Ân", "Lê Thị Bình",
                                             "Nguyễn Văn Bình"};
  EXPECT_EQ(names, expected);
}

}  // namespace
}  // namespace chibo::text
