#include "text/fold.h"

#include <gtest/gtest.h>

namespace chibo::text {
namespace {

TEST(Fold, RemovesMarksAndCase) {
  EXPECT_EQ(fold("Nguyễn Văn An"), "nguyen van an");
  EXPECT_EQ(fold("Đặng Thị Bình"), "dang thi binh");
  EXPECT_EQ(fold("ĐẶNG THỊ ỨNG"), "dang thi ung");
  EXPECT_EQ(fold("Trần Ðức"), "tran duc");  // U+00D0 look-alike
  EXPECT_EQ(fold("Phạm Thị Ngọc Ánh"), "pham thi ngoc anh");
  EXPECT_EQ(fold("Lê  Hữu   Ước"), "le huu uoc");
}

TEST(Fold, FoldsDecomposedInputLikePrecomposed) {
  EXPECT_EQ(fold("Nguye\xCC\x82\xCC\x83n"), "nguyen");
}

TEST(Fold, PunctuationSeparatesWords) {
  EXPECT_EQ(fold("  Hà-Nội, (Việt Nam)  "), "ha noi viet nam");
  EXPECT_EQ(fold("Chi bộ số 3"), "chi bo so 3");
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(fold("..."), "");
}

TEST(Fold, Words) {
  EXPECT_EQ(fold_words("Nguyễn Văn An"), (std::vector<std::string>{"nguyen", "van", "an"}));
  EXPECT_TRUE(fold_words(" ").empty());
}

TEST(PrefixEnd, BoundsEveryStringWithThePrefix) {
  EXPECT_EQ(prefix_end("dang"), "danh");
  EXPECT_EQ(prefix_end("nguyen van an"), "nguyen van ao");
  EXPECT_GT(std::string("dang thi binh"), "dang");
  EXPECT_LT(std::string("dang thi binh"), prefix_end("dang"));
  EXPECT_LT(std::string("dangzzz"), prefix_end("dang"));
}

}  // namespace
}  // namespace chibo::text
