#include "io/documents/print_html.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::io {
namespace {

std::string sample_html(const domain::PartyDocument& document) {
  Result<domain::PrintedDocument> printed = domain::printed_document(
      document, chibo::testing::catalog().documents, chibo::testing::rules());
  EXPECT_TRUE(printed);
  Result<std::string> html = render_print_html(*printed);
  EXPECT_TRUE(html);
  return *html;
}

TEST(PrintHtml, FillsEveryComponentInA4Layout) {
  const std::string html = sample_html(chibo::testing::sample_party_document());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("@page { size: A4;"), std::string::npos);
  for (const char* text :
       {"ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ CHÍNH PHỦ", "ĐẢNG ỦY BỘ TƯ PHÁP", "Số 09-KH/ĐU",
        "Hà Nội, ngày 05 tháng 02 năm 2026", "KẾ HOẠCH", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ",
        "Nguyễn Văn An", "Nơi nhận:", "- Lưu Văn phòng Đảng ủy.", "MẬT", "KHẨN"}) {
    EXPECT_NE(html.find(text), std::string::npos) << text;
  }
  EXPECT_EQ(html.find("data-slot"), std::string::npos);
  EXPECT_EQ(html.find("data-list"), std::string::npos);
  EXPECT_EQ(html.find("/>"), std::string::npos) << "no self-closed elements in HTML";
  // Heading before the issuer's number, body before the signature.
  EXPECT_LT(html.find("ĐẢNG CỘNG SẢN VIỆT NAM"), html.find("Số 09-KH/ĐU"));
  EXPECT_LT(html.find("I. MỤC ĐÍCH"), html.find("T/M BAN THƯỜNG VỤ"));
}

TEST(PrintHtml, EscapesEveryText) {
  domain::PartyDocument document = chibo::testing::sample_party_document();
  document.summary = "<script>alert(1)</script> & \"x\"";
  document.signer_name = "A <b>B</b>";
  document.recipients = {"<img src=x onerror=alert(1)>"};
  const std::string html = sample_html(document);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>B"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"), std::string::npos);
}

}  // namespace
}  // namespace chibo::io
