#include "io/csv.h"

#include <gtest/gtest.h>

#include <sstream>

namespace chibo::io {
namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text, bool* error = nullptr) {
  std::istringstream in(text);
  CsvReader reader(in);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  while (reader.next(fields)) records.push_back(fields);
  if (error) *error = reader.error();
  return records;
}

TEST(CsvReader, ReadsQuotedFieldsAndBothLineEndings) {
  const auto records = read_all(
      "\xEF\xBB\xBFname,address\r\n\"Nguyễn Văn An\",\"Số 1, phố "
      "\"\"Huế\"\"\"\r\nB,\"two\nlines\"\n\nC,\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0], (std::vector<std::string>{"name", "address"}));
  EXPECT_EQ(records[1], (std::vector<std::string>{"Nguyễn Văn An", "Số 1, phố \"Huế\""}));
  EXPECT_EQ(records[2], (std::vector<std::string>{"B", "two\nlines"}));
  EXPECT_EQ(records[3], (std::vector<std::string>{"C", ""}));
}

TEST(CsvReader, ReportsTheLineWhereARecordStarts) {
  std::istringstream in("h\n\"a\nb\"\nc\n");
  CsvReader reader(in);
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.record_line(), 1);
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.record_line(), 2);
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.record_line(), 4);
}

TEST(CsvReader, AnUnterminatedQuoteIsAnError) {
  bool error = false;
  const auto records = read_all("a,b\n\"open,c\n", &error);
  EXPECT_EQ(records.size(), 1u);
  EXPECT_TRUE(error);
}

TEST(CsvWriter, QuotesWhatNeedsItAndGuardsFormulas) {
  std::ostringstream out;
  CsvWriter writer(out);
  writer.write({"plain", "a,b", "say \"hi\"", "=SUM(A1)", "-5", " padded", ""});
  EXPECT_EQ(out.str(), "plain,\"a,b\",\"say \"\"hi\"\"\",'=SUM(A1),'-5,\" padded\",\r\n");
  EXPECT_EQ(unguard_cell("'=SUM(A1)"), "=SUM(A1)");
  EXPECT_EQ(unguard_cell("'quoted"), "'quoted");
}

TEST(CsvWriter, WhatItWritesReadsBack) {
  const std::vector<std::string> record = {"Đặng Thị Bình", "line\nbreak", "\"q\"", "=1+1", "a,b"};
  std::ostringstream out;
  CsvWriter(out).write(record);
  const auto records = read_all(out.str());
  ASSERT_EQ(records.size(), 1u);
  std::vector<std::string> unguarded;
  for (const std::string& cell : records[0]) unguarded.push_back(unguard_cell(cell));
  EXPECT_EQ(unguarded, record);
}

}  // namespace
}  // namespace chibo::io
