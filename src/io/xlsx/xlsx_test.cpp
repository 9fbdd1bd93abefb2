#include <gtest/gtest.h>

#include "io/documents/zip_archive.h"
#include "io/xlsx/xlsx_reader.h"
#include "io/xlsx/xlsx_writer.h"

namespace chibo::io::xlsx {
namespace {

Date d(int y, int m, int day) { return *Date::from_ymd(y, m, day); }

std::vector<std::pair<int64_t, Row>> read_all(Reader& reader, size_t sheet = 0) {
  std::vector<std::pair<int64_t, Row>> rows;
  Status read = reader.read_sheet(sheet, [&](int64_t row, const Row& cells) {
    rows.emplace_back(row, cells);
    return true;
  });
  EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().reason);
  return rows;
}

std::string written_book(bool constant_memory) {
  auto writer = Writer::create(constant_memory);
  EXPECT_TRUE(writer.ok());
  Writer& w = **writer;
  w.add_sheet("Sổ đảng phí 03/2026", {6, 30, 14});
  w.title("ĐẢNG BỘ XÃ TÂN HIỆP");
  w.title("Chi bộ ấp Đông", Style::kSubtitle);
  w.row({Cell::of("STT", Style::kHeader), Cell::of("Họ và tên", Style::kHeader),
         Cell::of("Ngày", Style::kHeader)});
  w.row({Cell::of(int64_t{1}), Cell::of("Nguyễn Thị Ánh"), Cell::of(d(2026, 3, 5))});
  w.row({Cell::of(int64_t{2}), Cell::of("=SUM(A1:A2)"), Cell::empty()});
  w.row({Cell::of("Tổng cộng", Style::kTotalLabel), Cell::empty(Style::kTotalLabel),
         Cell::of(int64_t{1'234'567'890'123}, Style::kTotalNumber)});
  auto bytes = w.finish();
  EXPECT_TRUE(bytes.ok());
  return bytes.ok() ? *bytes : std::string();
}

void expect_book(const std::string& bytes) {
  auto reader = Reader::open_bytes(bytes);
  ASSERT_TRUE(reader.ok()) << reader.error().reason;
  ASSERT_EQ(reader->sheet_names().size(), 1u);
  EXPECT_EQ(reader->sheet_names()[0], "Sổ đảng phí 03-2026");  // '/' is not allowed in a name
  const auto rows = read_all(*reader);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0].first, 1);
  EXPECT_EQ(rows[0].second[0].text, "ĐẢNG BỘ XÃ TÂN HIỆP");
  EXPECT_EQ(rows[1].second[0].text, "Chi bộ ấp Đông");
  EXPECT_EQ(rows[2].second[1].text, "Họ và tên");
  const Row& first = rows[3].second;
  EXPECT_EQ(rows[3].first, 4);
  EXPECT_EQ(first[0].type, CellValue::Type::kNumber);
  EXPECT_EQ(first[0].number, 1);
  EXPECT_FALSE(first[0].date_style);
  EXPECT_EQ(first[1].text, "Nguyễn Thị Ánh");
  EXPECT_TRUE(first[2].date_style);
  EXPECT_EQ(cell_date(first[2]), d(2026, 3, 5));
  // A formula-looking text stays text.
  EXPECT_EQ(rows[4].second[1].type, CellValue::Type::kText);
  EXPECT_EQ(rows[4].second[1].text, "=SUM(A1:A2)");
  EXPECT_EQ(rows[4].second.size(), 2u);  // a blank cell at the end of a row is not a value
  EXPECT_EQ(rows[5].second[0].text, "Tổng cộng");
  EXPECT_EQ(cell_text(rows[5].second[2]), "1234567890123");
}

TEST(Xlsx, WriterOutputReadsBackWithInlineStrings) { expect_book(written_book(true)); }

TEST(Xlsx, WriterOutputReadsBackWithSharedStrings) { expect_book(written_book(false)); }

TEST(Xlsx, ExcelSerialDatesIn1900SystemKeepTheLeapYearBug) {
  EXPECT_EQ(excel_serial_date(1), d(1900, 1, 1));
  EXPECT_EQ(excel_serial_date(59), d(1900, 2, 28));
  EXPECT_EQ(excel_serial_date(60), std::nullopt);  // 1900-02-29 never was
  EXPECT_EQ(excel_serial_date(61), d(1900, 3, 1));
  EXPECT_EQ(excel_serial_date(45658), d(2025, 1, 1));
  EXPECT_EQ(excel_serial_date(46086.75), d(2026, 3, 5));  // a time of day is dropped
  EXPECT_EQ(excel_serial_date(0), std::nullopt);
  EXPECT_EQ(excel_serial_date(-3), std::nullopt);
  EXPECT_EQ(excel_serial_date(2958465), d(9999, 12, 31));
  EXPECT_EQ(excel_serial_date(2958466), std::nullopt);
  EXPECT_EQ(excel_serial_date(0, true), d(1904, 1, 1));
}

TEST(Xlsx, TextDatesAsOfficesTypeThem) {
  EXPECT_EQ(parse_text_date("05/03/2026"), d(2026, 3, 5));
  EXPECT_EQ(parse_text_date(" 5/3/2026 "), d(2026, 3, 5));
  EXPECT_EQ(parse_text_date("05-03-2026"), d(2026, 3, 5));
  EXPECT_EQ(parse_text_date("05.03.2026"), d(2026, 3, 5));
  EXPECT_EQ(parse_text_date("2026-03-05"), d(2026, 3, 5));
  EXPECT_EQ(parse_text_date("2026-03-05T00:00:00"), d(2026, 3, 5));
  EXPECT_EQ(parse_text_date("29/02/2024"), d(2024, 2, 29));
  EXPECT_EQ(parse_text_date("29/02/2026"), std::nullopt);
  EXPECT_EQ(parse_text_date("05/03/26"), std::nullopt);
  EXPECT_EQ(parse_text_date("5/3-2026"), std::nullopt);
  EXPECT_EQ(parse_text_date("tháng 3"), std::nullopt);
  EXPECT_EQ(parse_text_date(""), std::nullopt);
}

// A hand-made package around one sheet's XML.
std::string package(const std::string& sheet_xml, const std::string& shared_xml = "",
                    bool with_sheet = true) {
  std::vector<ZipEntry> entries = {
      {"xl/workbook.xml",
       "<?xml version=\"1.0\"?><workbook "
       "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
       "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
       "<sheets><sheet name=\"Trang 1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"}};
  if (with_sheet) entries.push_back({"xl/worksheets/sheet1.xml", sheet_xml});
  if (!shared_xml.empty()) entries.push_back({"xl/sharedStrings.xml", shared_xml});
  return *write_zip(entries);
}

std::string sheet(const std::string& rows) {
  return "<?xml version=\"1.0\"?><worksheet "
         "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
         rows + "</sheetData></worksheet>";
}

std::string reason_of(const std::string& bytes, ReaderLimits limits = {}) {
  auto reader = Reader::open_bytes(bytes, limits);
  if (!reader) return reader.error().reason;
  Status read = reader->read_sheet(0, [](int64_t, const Row&) { return true; });
  return read.ok() ? "ok" : read.error().reason;
}

TEST(Xlsx, SharedInlineAndPlainCellsWithGaps) {
  const std::string bytes = package(
      sheet("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"inlineStr\"><is><t>Lê "
            "Văn</t></is></c><c r=\"D2\"><v>12.5</v></c><c r=\"E2\" t=\"b\"><v>1</v></c>"
            "<c r=\"F2\" t=\"str\"><f>A1</f><v>x</v></c></row>"
            "<row r=\"5\"><c r=\"B5\" t=\"s\"><v>0</v></c></row>"),
      "<sst><si><t>Đảng viên</t></si><si><r><t>Trần </t></r><r><t>Thị</t></r>"
      "<rPh><t>phonetic</t></rPh></si></sst>");
  auto reader = Reader::open_bytes(bytes);
  ASSERT_TRUE(reader.ok()) << reader.error().reason;
  EXPECT_EQ(reader->sheet_names(), std::vector<std::string>{"Trang 1"});
  const auto rows = read_all(*reader);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].first, 2);
  ASSERT_EQ(rows[0].second.size(), 6u);
  EXPECT_EQ(rows[0].second[0].text, "Trần Thị");
  EXPECT_TRUE(rows[0].second[1].empty());
  EXPECT_EQ(rows[0].second[2].text, "Lê Văn");
  EXPECT_EQ(rows[0].second[3].number, 12.5);
  EXPECT_EQ(cell_text(rows[0].second[3]), "12.5");
  EXPECT_EQ(rows[0].second[4].type, CellValue::Type::kBool);
  EXPECT_EQ(rows[0].second[5].text, "x");
  EXPECT_EQ(rows[1].first, 5);
  EXPECT_EQ(rows[1].second[1].text, "Đảng viên");
}

TEST(Xlsx, TheCallbackStopsTheReading) {
  auto writer = Writer::create();
  (*writer)->add_sheet("a", {10});
  for (int64_t i = 0; i < 5000; ++i) (*writer)->row({Cell::of(i)});
  const std::string bytes = *(*writer)->finish();
  auto reader = Reader::open_bytes(bytes);
  ASSERT_TRUE(reader.ok());
  int64_t seen = 0;
  ASSERT_TRUE(reader->read_sheet(0, [&](int64_t, const Row&) { return ++seen < 3; }).ok());
  EXPECT_EQ(seen, 3);
  seen = 0;
  ASSERT_TRUE(reader->read_sheet(0, [&](int64_t, const Row&) { return ++seen > 0; }).ok());
  EXPECT_EQ(seen, 5000);
}

TEST(Xlsx, HostileInputsAreRefused) {
  EXPECT_EQ(reason_of("PK\x03\x04 not really a zip"), "xlsx_not_zip");
  EXPECT_EQ(reason_of(""), "xlsx_not_zip");
  EXPECT_EQ(reason_of(*write_zip({{"hello.txt", "hi"}})), "xlsx_no_workbook");
  EXPECT_EQ(reason_of(package("", "", false)), "xlsx_sheet_missing");
  auto reader = Reader::open_bytes(package(sheet("")));
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader->read_sheet(3, [](int64_t, const Row&) { return true; }).error().reason,
            "xlsx_sheet_missing");
  EXPECT_EQ(reader->read_sheet("Trang 9", [](int64_t, const Row&) { return true; }).error().reason,
            "xlsx_sheet_missing");
  // A shared-string index beyond the table, or beyond any integer.
  EXPECT_EQ(reason_of(package(sheet("<row><c t=\"s\"><v>1</v></c></row>"),
                              "<sst><si><t>a</t></si></sst>")),
            "xlsx_shared_string_index");
  EXPECT_EQ(reason_of(package(sheet("<row><c t=\"s\"><v>99999999999999999999999</v></c></row>"))),
            "xlsx_shared_string_index");
  EXPECT_EQ(reason_of(package(sheet("<row><c><v>1e</v></c></row>"))), "xlsx_number");
  EXPECT_EQ(reason_of(package(sheet("<row><c r=\"XFE1\"><v>1</v></c></row>"))),
            "xlsx_cell_reference");
  EXPECT_EQ(reason_of(package(sheet("<row><c><v>1</v></row>"))), "xlsx_xml");
  // Found by the fuzzer: Expat reports the end of an empty element even after the stop, and the
  // refused cell's column (-1) was then written to.
  EXPECT_EQ(reason_of(package(sheet("<row><c r=\"A1\"><v>1</v></c><c r=\"1\"/></row>"))),
            "xlsx_cell_reference");
  // The reader reads from the bytes it is given: they must outlive it.
  const std::string refused_bytes =
      package(sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"0\"/>"));
  auto refused_row = Reader::open_bytes(refused_bytes);
  ASSERT_TRUE(refused_row.ok());
  int rows_seen = 0;
  Status read = refused_row->read_sheet(0, [&](int64_t, const Row&) { return ++rows_seen > 0; });
  EXPECT_EQ(read.error().reason, "xlsx_row_number");
  EXPECT_EQ(rows_seen, 1);  // the refused row is not handed on with the cells of the one before
  // Entity expansion ("billion laughs") and external entities: any DOCTYPE is refused.
  EXPECT_EQ(reason_of(package("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                              "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                              "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t>"
                              "</is></c></row></sheetData></worksheet>")),
            "xlsx_doctype_refused");
  EXPECT_EQ(reason_of(package("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "
                              "\"file:///etc/passwd\">]><worksheet><sheetData><row><c "
                              "t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData>"
                              "</worksheet>")),
            "xlsx_doctype_refused");
  EXPECT_EQ(reason_of(package("<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://x/y.dtd\">"
                              "<worksheet/>")),
            "xlsx_doctype_refused");
}

TEST(Xlsx, ZipBombsAndOversizedPartsAreRefused) {
  // 4 MB of blanks deflate to a few kB: far beyond the ratio limit.
  const std::string bomb = package(sheet(std::string(4 << 20, ' ')));
  EXPECT_LT(bomb.size(), 40'000u);
  EXPECT_EQ(reason_of(bomb), "xlsx_compression_ratio");
  ReaderLimits small;
  small.max_part_bytes = 4096;
  std::string rows;
  for (int i = 0; i < 200; ++i)
    rows += "<row><c t=\"inlineStr\"><is><t>" + std::to_string(i * 7919) + "</t></is></c></row>";
  EXPECT_EQ(reason_of(package(sheet(rows)), small), "xlsx_too_large");
  EXPECT_EQ(reason_of(package(sheet(rows))), "ok");
  ReaderLimits few_strings;
  few_strings.max_shared_strings = 1;
  EXPECT_EQ(
      reason_of(package(sheet(""), "<sst><si><t>a</t></si><si><t>b</t></si></sst>"), few_strings),
      "xlsx_too_many_strings");
}

}  // namespace
}  // namespace chibo::io::xlsx
