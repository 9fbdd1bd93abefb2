#include "domain/documents/printed_document.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;

PartyDocument printable_plan() {
  PartyDocument document;
  document.type = "ke_hoach";
  document.superior_issuer = "Đảng bộ các cơ quan Đảng Trung ương";
  document.issuer_name = "Đảng ủy Bộ Tư pháp";
  document.symbol = "09-KH/ĐU";
  document.place = "Hà Nội";
  document.issued_on = date("2026-02-05");
  document.summary = "phát triển đảng viên năm 2026";
  document.body = {"Đoạn một.", "Đoạn hai."};
  document.authority = "tm";
  document.signing_for = "Ban Thường vụ";
  document.signer_position = "Phó Bí thư";
  document.signer_name = "Nguyễn Văn An";
  document.recipients = {"Ban Tổ chức Đảng ủy cấp trên,", "Lưu Văn phòng Đảng ủy"};
  document.secrecy = "mat";
  document.urgency = "hoa_toc";
  return document;
}

std::string date_line(const char* on) {
  return *place_and_date_line("Hà Nội", date(on), chibo::testing::rules());
}

TEST(PrintedDate, PadsDaysBelowTenAndMonthsBelowThree) {
  EXPECT_EQ(date_line("2018-04-03"), "Hà Nội, ngày 03 tháng 4 năm 2018");  // 36-HD/VPTW itself
  EXPECT_EQ(date_line("2019-02-20"), "Hà Nội, ngày 20 tháng 02 năm 2019");
  EXPECT_EQ(date_line("2026-01-09"), "Hà Nội, ngày 09 tháng 01 năm 2026");
  EXPECT_EQ(date_line("2026-03-10"), "Hà Nội, ngày 10 tháng 3 năm 2026");
  EXPECT_EQ(date_line("2026-12-31"), "Hà Nội, ngày 31 tháng 12 năm 2026");
  // Before 36-HD/VPTW, 11-HD/VPTW padded every month below 10.
  EXPECT_EQ(date_line("2018-04-02"), "Hà Nội, ngày 02 tháng 04 năm 2018");
  EXPECT_EQ(date_line("2004-05-28"), "Hà Nội, ngày 28 tháng 05 năm 2004");
  EXPECT_FALSE(place_and_date_line("Hà Nội", date("2004-05-27"), chibo::testing::rules()));
}

TEST(PrintedDocumentText, EveryComponentAsPrinted) {
  Result<PrintedDocument> printed = printed_document(
      printable_plan(), chibo::testing::catalog().documents, chibo::testing::rules());
  ASSERT_TRUE(printed);
  EXPECT_EQ(printed->heading, "ĐẢNG CỘNG SẢN VIỆT NAM");
  EXPECT_EQ(printed->superior_issuer, "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TRUNG ƯƠNG");
  EXPECT_EQ(printed->issuer, "ĐẢNG ỦY BỘ TƯ PHÁP");
  EXPECT_EQ(printed->number_line, "Số 09-KH/ĐU");
  EXPECT_EQ(printed->place_date, "Hà Nội, ngày 05 tháng 02 năm 2026");
  EXPECT_EQ(printed->type_title, "KẾ HOẠCH");
  EXPECT_EQ(printed->summary, "phát triển đảng viên năm 2026");
  EXPECT_TRUE(printed->letter_summary.empty());
  EXPECT_EQ(printed->authority_line, "T/M BAN THƯỜNG VỤ");
  EXPECT_EQ(printed->signer_position, "PHÓ BÍ THƯ");
  EXPECT_EQ(printed->signer_name, "Nguyễn Văn An");
  EXPECT_EQ(printed->recipients_heading, "Nơi nhận:");
  EXPECT_EQ(printed->recipients, (std::vector<std::string>{"- Ban Tổ chức Đảng ủy cấp trên,",
                                                           "- Lưu Văn phòng Đảng ủy."}));
  EXPECT_EQ(printed->secrecy_mark, "MẬT");
  EXPECT_EQ(printed->urgency_mark, "HỎA TỐC");
}

TEST(PrintedDocumentText, ALetterPrintsItsSummaryUnderTheNumber) {
  PartyDocument letter = printable_plan();
  letter.type = "cong_van";
  letter.symbol = "13421-CV/VPTW";
  letter.authority = "";
  letter.secrecy = "";
  Result<PrintedDocument> printed =
      printed_document(letter, chibo::testing::catalog().documents, chibo::testing::rules());
  ASSERT_TRUE(printed);
  EXPECT_TRUE(printed->type_title.empty());
  EXPECT_TRUE(printed->summary.empty());
  EXPECT_EQ(printed->letter_summary, "phát triển đảng viên năm 2026");
  EXPECT_TRUE(printed->authority_line.empty());
  EXPECT_TRUE(printed->secrecy_mark.empty());
}

}  // namespace
}  // namespace chibo::domain
