#include "text/letters.h"

#include <gtest/gtest.h>

namespace chibo::text {
namespace {

TEST(Letters, VietnameseLettersCount) {
  EXPECT_TRUE(is_letters("QĐ"));
  EXPECT_TRUE(is_letters("QĐi"));
  EXPECT_TRUE(is_letters("ĐUK"));
  EXPECT_TRUE(is_letters("BCSĐ"));
  EXPECT_TRUE(is_letters("CTr"));
  EXPECT_FALSE(is_letters(""));
  EXPECT_FALSE(is_letters("K1"));
  EXPECT_FALSE(is_letters("Q Đ"));
  EXPECT_FALSE(is_letters("\xff"));
  EXPECT_TRUE(is_letters_or_digits("CB1"));
  EXPECT_FALSE(is_letters_or_digits("CB-1"));
}

TEST(Letters, UpperUsesVietnameseCaseMapping) {
  EXPECT_EQ(upper_vi("Đảng ủy Bộ Tư pháp"), "ĐẢNG ỦY BỘ TƯ PHÁP");
  EXPECT_EQ(upper_vi("kế hoạch"), "KẾ HOẠCH");
  EXPECT_EQ(upper_vi("Ban Thường vụ"), "BAN THƯỜNG VỤ");
}

}  // namespace
}  // namespace chibo::text
