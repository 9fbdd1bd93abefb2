// COPY's text format both ways (pg_copy.h), without a server.
#include "storage/sql/tools/pg_copy.h"

#include <gtest/gtest.h>

namespace chibo::storage {
namespace {

TEST(CopyFormat, ValuesRoundTripThroughEscapes) {
  const TextRow row = {std::string("Nguyễn\tVăn\nAn\\"), std::nullopt, std::string(""),
                       std::string("\\N"), std::string("a\rb")};
  std::string line;
  for (size_t index = 0; index < row.size(); ++index) {
    if (index) line += '\t';
    append_copy_value(line,
                      row[index] ? std::optional<std::string_view>(*row[index]) : std::nullopt);
  }
  EXPECT_EQ(line, "Nguyễn\\tVăn\\nAn\\\\\t\\N\t\t\\\\N\ta\\rb");
  TextRow parsed;
  ASSERT_TRUE(parse_copy_line(line, parsed));
  EXPECT_EQ(parsed, row);
}

TEST(CopyFormat, ReadsTheServersOtherEscapes) {
  TextRow parsed;
  ASSERT_TRUE(parse_copy_line("\\b\\f\\v\\101\\x", parsed));
  ASSERT_EQ(parsed.size(), 1u);
  EXPECT_EQ(*parsed[0], std::string("\b\f\vAx"));
  EXPECT_FALSE(parse_copy_line("a\\", parsed));   // a dangling backslash
  EXPECT_FALSE(parse_copy_line("a\\N", parsed));  // \N only as a whole value
}

}  // namespace
}  // namespace chibo::storage
