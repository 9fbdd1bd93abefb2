// Members from an XLSX workbook (issue 16): the first sheet through the same checking and
// writing code as CSV; headers by their Vietnamese labels, dates as Excel dates or dd/mm/yyyy
// text, errors by the sheet's row number; generated workbooks, a real SQLite database.
#include "app/member_import.h"

#include <gtest/gtest.h>

#include <sstream>

#include "app/member_views.h"
#include "app/runner.h"
#include "io/xlsx/xlsx_writer.h"
#include "testing/temp_store.h"

namespace chibo::app {
namespace {

using io::xlsx::Cell;

const std::vector<std::string> kHeader = {
    "Họ và tên đang dùng", "Giới tính",       "Ngày sinh", "Dân tộc",   "Tôn giáo", "Số CCCD",
    "Ngày vào Đảng",       "Ngày chính thức", "Mã chi bộ", "Trạng thái"};

std::string workbook(const std::vector<std::vector<Cell>>& rows, bool title = false) {
  auto writer = io::xlsx::Writer::create();
  EXPECT_TRUE(writer);
  (*writer)->add_sheet("Danh sách", std::vector<double>(kHeader.size(), 12));
  if (title) (*writer)->title("DANH SÁCH ĐẢNG VIÊN");
  std::vector<Cell> header;
  for (const std::string& text : kHeader)
    header.push_back(Cell::of(text, io::xlsx::Style::kHeader));
  (*writer)->row(header);
  for (const auto& row : rows) (*writer)->row(row);
  auto bytes = (*writer)->finish();
  EXPECT_TRUE(bytes);
  return bytes ? *bytes : std::string();
}

std::vector<Cell> member_row(const std::string& name, const std::string& citizen_id, Cell birth,
                             const std::string& org = "B.1.1.1") {
  return {Cell::of(name),
          Cell::of("Nam"),
          std::move(birth),
          Cell::of("Kinh"),
          Cell::of("Không"),
          Cell::of(citizen_id),
          Cell::of(Date::from_ymd(2001, 1, 1).value()),
          Cell::of("02/01/2002"),
          Cell::of(org),
          Cell::of("Đảng viên chính thức")};
}

long long total(testing::TempStore& temp) {
  return run_read(temp.services(), temp.actor(), list_members, MemberQuery{})->total;
}

class XlsxImport : public ::testing::Test {
 protected:
  void SetUp() override { temp_.make_tree(); }
  testing::TempStore temp_;
};

TEST_F(XlsxImport, ReadsLabelsExcelDatesAndTypedDates) {
  const std::string bytes = workbook(
      {member_row("Phạm Văn Cường", "001079111111", Cell::of(Date::from_ymd(1979, 1, 31).value())),
       member_row("Hoàng Văn Dung", "001079222222", Cell::of("5/3/1979"))});
  EXPECT_STREQ(member_file_format(bytes), "xlsx");
  auto rows = xlsx_member_rows(bytes);
  auto report = import_members(temp_.services(), temp_.actor(), *rows, {});
  ASSERT_TRUE(report) << report.error().reason << " "
                      << (report ? ""
                                 : report.error().fields.front().field + ":" +
                                       report.error().fields.front().code);
  EXPECT_EQ(report->rows, 2);
  EXPECT_EQ(report->imported, 2);
  MemberQuery query;
  query.q = "Dung";
  auto page = run_read(temp_.services(), temp_.actor(), list_members, query);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0]->birth_date->iso(), "1979-03-05");
  query.q = "Cường";
  page = run_read(temp_.services(), temp_.actor(), list_members, query);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0]->birth_date->iso(), "1979-01-31");
  EXPECT_EQ(page->items[0]->official_date->iso(), "2002-01-02");
}

TEST_F(XlsxImport, NamesTheSheetRowAndFieldAndWritesNothing) {
  const long long before = total(temp_);
  // A title line above the header: the rows are numbered as Excel shows them.
  const std::string bytes =
      workbook({member_row("Phạm Văn Cường", "001079111111", Cell::of("31/02/1979")),
                member_row("Vũ Văn Em", "001079333333", Cell::of("01/01/1979"), "NOPE"),
                member_row("Lê Văn Giáp", "001079444444", Cell::of("01/01/1979"))},
               true);
  auto rows = xlsx_member_rows(bytes);
  auto result = import_members(temp_.services(), temp_.actor(), *rows, {});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().reason, "import_failed");
  std::vector<std::string> found;
  for (const FieldError& error : result.error().fields)
    found.push_back(error.params.back().second + ":" + error.field + ":" + error.code);
  EXPECT_EQ(found,
            (std::vector<std::string>{"3:birth_date:invalid_date", "4:org_code:org_not_found"}));
  EXPECT_EQ(total(temp_), before);
}

TEST_F(XlsxImport, RefusesBytesThatAreNoWorkbook) {
  const std::string bytes = std::string("PK\x03\x04", 4) + "not really a zip";
  auto rows = xlsx_member_rows(bytes);
  auto result = import_members(temp_.services(), temp_.actor(), *rows, {});
  ASSERT_FALSE(result);
  ASSERT_EQ(result.error().fields.size(), 1u);
  EXPECT_EQ(result.error().fields[0].field, "file");
  EXPECT_EQ(result.error().fields[0].code, "xlsx_unreadable");
}

TEST_F(XlsxImport, CsvTakesTypedDatesToo) {
  std::istringstream in(
      "full_name,sex,birth_date,ethnicity,religion,citizen_id,admission_date,official_date,org_"
      "code,status\n"
      "Phạm Văn Cường,Nam,17/05/1979,Kinh,Không,001079111111,01/01/2001,2002-01-01,B.1.1.1,"
      "official\n");
  EXPECT_STREQ(member_file_format("full_name,sex"), "csv");
  auto report = import_members(temp_.services(), temp_.actor(), in, {});
  ASSERT_TRUE(report) << report.error().reason;
  EXPECT_EQ(report->imported, 1);
}

TEST_F(XlsxImport, StopsWhenCancelledAndWritesNothing) {
  const long long before = total(temp_);
  const std::string bytes =
      workbook({member_row("Phạm Văn Cường", "001079111111", Cell::of("01/01/1979")),
                member_row("Hoàng Thị Dung", "001179222222", Cell::of("01/01/1979"))});
  auto rows = xlsx_member_rows(bytes);
  ImportOptions options;
  int polled = 0;
  options.cancelled = [&] { return ++polled > 1; };
  auto result = import_members(temp_.services(), temp_.actor(), *rows, options);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().reason, "member_import_cancelled");
  EXPECT_EQ(total(temp_), before);
}

}  // namespace
}  // namespace chibo::app
