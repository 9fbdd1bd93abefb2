#include "text/clean.h"

#include <gtest/gtest.h>

namespace chibo::text {
namespace {

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_TRUE(is_valid_utf8("Nguyễn Văn An"));
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_FALSE(is_valid_utf8("\xC3\x28"));          // bad continuation
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("abc\xE1\xBB"));       // truncated at the end
  EXPECT_EQ(code_point_count("Đặng"), 4u);
}

TEST(CleanLine, NormalizesToNfcAndTrims) {
  // "Nguyễn" typed with combining marks (e + U+0302 + U+0303), as some keyboards produce.
  const Cleaned cleaned = clean_line("  Nguye\xCC\x82\xCC\x83n   Va\xCC\x86n\tAn \xC2\xA0");
  ASSERT_TRUE(cleaned.ok());
  EXPECT_EQ(cleaned.text, "Nguyễn Văn An");
}

TEST(CleanLine, MapsTheEthLookAlikeToDStroke) {
  EXPECT_EQ(clean_line("\xC3\x90\xE1\xBA\xB7ng").text, "Đặng");  // U+00D0 + ặng
  EXPECT_EQ(clean_line("\xC3\xB0i").text, "đi");                 // U+00F0
}

TEST(CleanLine, RefusesBadBytesAndControlCharacters) {
  EXPECT_EQ(clean_line("An\xC3\x28").error, CleanError::kInvalidUtf8);
  EXPECT_EQ(clean_line("An\x01").error, CleanError::kControlCharacter);
  EXPECT_EQ(clean_line("line\nbreak").text, "line break");  // a line break is just white space here
}

TEST(CleanMultiline, KeepsLineBreaks) {
  const Cleaned cleaned = clean_multiline("\r\n dòng một  \r\ndòng hai\n\n");
  ASSERT_TRUE(cleaned.ok());
  EXPECT_EQ(cleaned.text, "dòng một\ndòng hai");
}

}  // namespace
}  // namespace chibo::text
