// Members from an XLSX workbook (issue 16): the first sheet through the same checking and
// writing code as CSV; headers by their Vietnamese labels, dates as Excel dates or dd/mm/yyyy
// text, errors by the sheet's row number; generated workbooks, a real SQLite database.
#include "app/member_import.h"

#include <gtest/gtest.h>

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>

#include "app/member_changes.h"
#include "app/member_views.h"
#include "app/runner.h"
#include "io/xlsx/xlsx_writer.h"
#include "storage/sql/tools/consistency.h"
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

// The bulk write path (issue 16's speed): rows written as they pass, derived tables once.

const char* const kCsvHeader =
    "full_name,sex,birth_date,ethnicity,religion,citizen_id,admission_date,official_date,org_code,"
    "status\n";

// Row `i`'s fields as a patch (org_id) and as a CSV line (org_code): varied names, sexes,
// birth months and cells, so that counts, breakdowns and search keys differ between rows.
struct Person {
  std::string name, sex, birth, citizen_id, org_code;
};
Person person(int i) {
  static const char* const family[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"};
  static const char* const given[] = {"An", "Bình", "Cường", "Dung", "Giang", "Hà", "Khánh"};
  const bool female = i % 2 == 1;
  char citizen[16];
  std::snprintf(citizen, sizeof citizen, "001%d%02d%06d", female ? 1 : 0, 70 + i % 20, i);
  char birth[16];
  std::snprintf(birth, sizeof birth, "19%02d-%02d-%02d", 70 + i % 20, 1 + i % 12, 1 + i % 28);
  return {std::string(family[i % 5]) + (female ? " Thị " : " Văn ") + given[i % 7],
          female ? "female" : "male", birth, citizen, i % 3 == 0 ? "B.1.1.2" : "B.1.1.1"};
}
std::string csv_line(const Person& p) {
  return p.name + "," + p.sex + "," + p.birth + ",01,none," + p.citizen_id +
         ",2010-03-02,2011-03-02," + p.org_code + ",official\n";
}

// A query's rows, each as one text (the query concatenates its columns).
std::vector<std::string> rows_of(testing::TempStore& temp, const std::string& sql) {
  std::vector<std::string> rows;
  Status read = temp.store().write_session([&](soci::session& session) -> Status {
    soci::rowset<std::string> found = (session.prepare << sql);
    for (const std::string& row : found) rows.push_back(row);
    return Ok();
  });
  EXPECT_TRUE(read);
  return rows;
}

std::vector<std::string> inconsistencies(testing::TempStore& temp) {
  auto found = storage::check_consistency(temp.store());
  EXPECT_TRUE(found);
  return found ? *found : std::vector<std::string>{"check failed"};
}

TEST(BulkImport, ARefusedRowAfterTenThousandGoodOnesWritesNothing) {
  testing::TempStore temp(false, 100);
  temp.make_tree();
  const long long before = total(temp);
  const std::string counts =
      "SELECT CAST((SELECT COUNT(*) FROM member_events) AS TEXT) || ' ' || "
      "CAST((SELECT COUNT(*) FROM member_search_keys) AS TEXT) || ' ' || "
      "CAST((SELECT COUNT(*) FROM org_stats_tracked) AS TEXT) || ' ' || "
      "CAST((SELECT COUNT(*) FROM search_key_bounds) AS TEXT)";
  const std::vector<std::string> before_counts = rows_of(temp, counts);
  std::string csv = kCsvHeader;
  for (int i = 0; i < 10000; ++i) csv += csv_line(person(i));
  Person bad = person(10000);
  bad.org_code = "NOPE";
  csv += csv_line(bad);
  std::istringstream in(csv);
  auto result = import_members(temp.services(), temp.actor(), in, {});
  ASSERT_FALSE(result);
  ASSERT_EQ(result.error().fields.size(), 1u);
  EXPECT_EQ(result.error().fields[0].field, "org_code");
  EXPECT_EQ(result.error().fields[0].params.back().second, "10002");  // the file's line
  EXPECT_EQ(total(temp), before);
  EXPECT_EQ(rows_of(temp, counts), before_counts);
  EXPECT_EQ(inconsistencies(temp), std::vector<std::string>{});
  // The same file without the bad row imports whole.
  csv.erase(csv.size() - csv_line(bad).size());
  std::istringstream good(csv);
  auto report = import_members(temp.services(), temp.actor(), good, {});
  ASSERT_TRUE(report) << report.error().reason;
  EXPECT_EQ(report->imported, 10000);
  EXPECT_EQ(total(temp), before + 10000);
  EXPECT_EQ(inconsistencies(temp), std::vector<std::string>{});
}

TEST(BulkImport, LeavesWhatAddingTheMembersOneByOneLeaves) {
  // A low threshold: subtrees start keeping their breakdowns in the middle of the rows.
  testing::TempStore bulk(false, 7);
  testing::TempStore single(false, 7);
  const std::vector<OrgId> tree = bulk.make_tree();
  ASSERT_EQ(single.make_tree(), tree);
  // One member before, so that the import adds to existing counts, bounds and breakdowns.
  for (testing::TempStore* temp : {&bulk, &single}) {
    Person first = person(100);
    domain::MemberPatch patch = {{"full_name", first.name},
                                 {"sex", first.sex},
                                 {"birth_date", first.birth},
                                 {"ethnicity", "01"},
                                 {"religion", "none"},
                                 {"citizen_id", first.citizen_id},
                                 {"admission_date", "2010-03-02"},
                                 {"official_date", "2011-03-02"},
                                 {"org_id", std::to_string(tree[3].value)},
                                 {"status", "official"}};
    ASSERT_TRUE(run_write(temp->services(), temp->actor(), create_member, patch));
  }
  const int rows = 40;
  std::string csv = kCsvHeader;
  for (int i = 0; i < rows; ++i) csv += csv_line(person(i));
  std::istringstream in(csv);
  auto report = import_members(bulk.services(), bulk.actor(), in, {});
  ASSERT_TRUE(report) << report.error().reason;
  EXPECT_EQ(report->imported, rows);
  for (int i = 0; i < rows; ++i) {
    const Person p = person(i);
    const OrgId org = p.org_code == "B.1.1.1" ? tree[3] : tree[4];
    domain::MemberPatch patch = {{"full_name", p.name},
                                 {"sex", p.sex},
                                 {"birth_date", p.birth},
                                 {"ethnicity", "01"},
                                 {"religion", "none"},
                                 {"citizen_id", p.citizen_id},
                                 {"admission_date", "2010-03-02"},
                                 {"official_date", "2011-03-02"},
                                 {"org_id", std::to_string(org.value)},
                                 {"status", "official"}};
    auto created = run_write(single.services(), single.actor(), create_member, patch);
    ASSERT_TRUE(created) << created.error().reason;
  }
  const std::vector<std::string> queries = {
      "SELECT CAST(org_id AS TEXT) || ' ' || status || ' ' || CAST(n AS TEXT) FROM "
      "org_member_counts WHERE n <> 0 ORDER BY org_id, status",
      "SELECT CAST(org_id AS TEXT) FROM org_stats_tracked ORDER BY org_id",
      "SELECT CAST(org_id AS TEXT) || ' ' || status || ' ' || dimension || ' ' || value || ' ' || "
      "CAST(n AS TEXT) FROM org_member_stats WHERE n <> 0 ORDER BY org_id, status, dimension, "
      "value",
      "SELECT search_key || ' ' || low_sort_key || ' ' || high_sort_key FROM search_key_bounds "
      "ORDER BY search_key",
      "SELECT search_key || ' ' || COALESCE(prev_key, '') || ' ' || org_path || ' ' || status || "
      "' ' || sort_key || ' ' || CAST(member_id AS TEXT) FROM member_search_keys ORDER BY "
      "member_id, search_key",
      "SELECT CAST(id AS TEXT) || ' ' || full_name || ' ' || org_path || ' ' || citizen_id || ' ' "
      "|| status || ' ' || CAST(version AS TEXT) || ' ' || created_at || ' ' || updated_at FROM "
      "members ORDER BY id",
      // The import's history event keeps every field, as a create's does.
      "SELECT CAST(member_id AS TEXT) || ' ' || at || ' ' || changes FROM member_events ORDER BY "
      "member_id"};
  for (const std::string& sql : queries) {
    const std::vector<std::string> expected = rows_of(single, sql);
    EXPECT_FALSE(expected.empty()) << sql;
    EXPECT_EQ(rows_of(bulk, sql), expected) << sql;
  }
  EXPECT_EQ(rows_of(bulk, "SELECT DISTINCT action FROM member_events WHERE member_id > 1"),
            std::vector<std::string>{"import"});
  // The field lists are JSON as nlohmann writes it (what history reads back).
  for (const std::string& changes : rows_of(bulk, "SELECT changes FROM member_events")) {
    const nlohmann::json parsed = nlohmann::json::parse(changes, nullptr, false);
    ASSERT_TRUE(parsed.is_array()) << changes;
    EXPECT_EQ(parsed.dump(), changes);
  }
  EXPECT_EQ(inconsistencies(bulk), std::vector<std::string>{});
  // Found by name, as the one-by-one ones are.
  MemberQuery query;
  query.q = "Hoàng Thị";
  EXPECT_EQ(run_read(bulk.services(), bulk.actor(), list_members, query)->total,
            run_read(single.services(), single.actor(), list_members, query)->total);
}

TEST(BulkImport, ADuplicateOfAnEarlierRowIsReportedAsInTheFile) {
  testing::TempStore temp;
  temp.make_tree();
  std::string csv = kCsvHeader;
  for (int i = 0; i < 5; ++i) csv += csv_line(person(i));
  csv += csv_line(person(2));  // line 7 repeats line 4, already written when it is read
  std::istringstream in(csv);
  auto result = import_members(temp.services(), temp.actor(), in, {});
  ASSERT_FALSE(result);
  ASSERT_EQ(result.error().fields.size(), 1u);
  EXPECT_EQ(result.error().fields[0].code, "duplicate_in_file");
  EXPECT_EQ(result.error().fields[0].params.front().second, "4");
  EXPECT_EQ(result.error().fields[0].params.back().second, "7");
  EXPECT_EQ(rows_of(temp, "SELECT CAST(COUNT(*) AS TEXT) FROM members"),
            std::vector<std::string>{"0"});
}

}  // namespace
}  // namespace chibo::app
