#include "io/documents/docx_writer.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "domain/documents/printed_document.h"
#include "io/documents/zip_archive.h"
#include "testing/fixtures.h"

namespace chibo::io {
namespace {

domain::PrintedDocument printed_sample(domain::PartyDocument document) {
  Result<domain::PrintedDocument> printed = domain::printed_document(
      document, chibo::testing::catalog().documents, chibo::testing::rules());
  EXPECT_TRUE(printed);
  return *printed;
}

// A rendered DOCX opened again: its parts and the paragraphs of word/document.xml.
struct OpenedDocx {
  std::map<std::string, std::string> parts;
  pugi::xml_document document;
  pugi::xml_document styles;
};

void open_docx(const std::string& bytes, OpenedDocx& opened) {
  Result<std::map<std::string, std::string>> parts = read_zip(bytes);
  ASSERT_TRUE(parts);
  opened.parts = std::move(*parts);
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                           "word/document.xml", "word/styles.xml", "word/settings.xml"}) {
    ASSERT_TRUE(opened.parts.count(name)) << name;
  }
  ASSERT_TRUE(opened.document.load_string(opened.parts["word/document.xml"].c_str()));
  ASSERT_TRUE(opened.styles.load_string(opened.parts["word/styles.xml"].c_str()));
}

std::string style_of(const pugi::xml_node& paragraph) {
  return paragraph.child("w:pPr").child("w:pStyle").attribute("w:val").value();
}

std::string text_of(const pugi::xml_node& paragraph) {
  std::string text;
  for (const pugi::xpath_node& node : paragraph.select_nodes(".//w:t"))
    text += node.node().text().get();
  return text;
}

// "Style: text" of each paragraph directly in `container` (a cell or the body).
std::vector<std::string> paragraphs_in(const pugi::xml_node& container) {
  std::vector<std::string> lines;
  for (pugi::xml_node paragraph : container.children("w:p")) {
    lines.push_back(style_of(paragraph) + ": " + text_of(paragraph));
  }
  return lines;
}

pugi::xml_node cell(const pugi::xml_node& table, int row, int column) {
  pugi::xml_node row_node = table.child("w:tr");
  for (int index = 0; index < row; ++index) row_node = row_node.next_sibling("w:tr");
  pugi::xml_node cell_node = row_node.child("w:tc");
  for (int index = 0; index < column; ++index) cell_node = cell_node.next_sibling("w:tc");
  return cell_node;
}

pugi::xml_node style_node(const pugi::xml_document& styles, const char* id) {
  return styles.child("w:styles").find_child_by_attribute("w:style", "w:styleId", id);
}

using Lines = std::vector<std::string>;

TEST(DocxWriter, EveryMandatoryComponentIsPresentAndInPlace) {
  Result<std::string> bytes = render_docx(printed_sample(chibo::testing::sample_party_document()));
  ASSERT_TRUE(bytes) << bytes.error().reason;
  OpenedDocx docx;
  ASSERT_NO_FATAL_FAILURE(open_docx(*bytes, docx));
  EXPECT_EQ(docx.parts["word/document.xml"].find("{{"), std::string::npos);
  const pugi::xml_node body = docx.document.child("w:document").child("w:body");
  // The body is: header table, type and summary, body paragraphs, signature table, section.
  std::vector<std::string> top_level;
  for (pugi::xml_node node : body.children()) top_level.push_back(node.name());
  ASSERT_GE(top_level.size(), 5u);
  EXPECT_EQ(top_level.front(), "w:tbl");
  EXPECT_EQ(top_level[top_level.size() - 2], "w:tbl");
  EXPECT_EQ(top_level.back(), "w:sectPr");
  const pugi::xml_node header = body.child("w:tbl");
  const pugi::xml_node signature = body.last_child().previous_sibling("w:tbl");

  // 1 and 2: issuer block left, the Party heading right, on the first row.
  EXPECT_EQ(paragraphs_in(cell(header, 0, 0)),
            (Lines{"SuperiorIssuer: ĐẢNG BỘ CHÍNH PHỦ", "IssuerName: ĐẢNG ỦY BỘ TƯ PHÁP",
                   "IssuerStar: *"}));
  EXPECT_EQ(paragraphs_in(cell(header, 0, 1)), Lines{"PartyHeading: ĐẢNG CỘNG SẢN VIỆT NAM"});
  // 3 and 4: number and symbol left, place and date right, on one row; the marks under the number.
  EXPECT_EQ(paragraphs_in(cell(header, 1, 0)),
            (Lines{"DocNumber: Số 09-KH/ĐU", "SecrecyMark: MẬT", "UrgencyMark: KHẨN"}));
  EXPECT_EQ(paragraphs_in(cell(header, 1, 1)),
            Lines{"PlaceDate: Hà Nội, ngày 05 tháng 02 năm 2026"});
  // 5 and 6: type, summary (with its rule), body paragraphs, in order, between the two tables.
  Lines between;
  for (pugi::xml_node node = header.next_sibling(); node != signature; node = node.next_sibling()) {
    ASSERT_STREQ(node.name(), "w:p");
    between.push_back(style_of(node) + ": " + text_of(node));
  }
  const domain::PartyDocument sample = chibo::testing::sample_party_document();
  Lines expected_between = {"DocType: KẾ HOẠCH", "DocSummary: " + sample.summary,
                            "SummaryRule: -----"};
  for (const std::string& paragraph : sample.body) expected_between.push_back("Body: " + paragraph);
  EXPECT_EQ(between, expected_between);
  // 7 and 8: authority, position, the space for seal and signature, name: right.
  const pugi::xml_node signer = cell(signature, 0, 1);
  EXPECT_EQ(paragraphs_in(signer),
            (Lines{"SignAuthority: T/M BAN THƯỜNG VỤ", "SignPosition: PHÓ BÍ THƯ",
                   "SealSpace: ", "SignerName: Nguyễn Văn An"}));
  EXPECT_TRUE(signer.select_node(".//w:bookmarkStart[@w:name='chibo_seal']"));
  // 9: recipients bottom-left.
  EXPECT_EQ(paragraphs_in(cell(signature, 0, 0)),
            (Lines{"RecipientsHeading: Nơi nhận:",
                   "Recipient: - Ban Thường vụ Đảng ủy cấp trên (để báo cáo),",
                   "Recipient: - Các chi bộ trực thuộc,", "Recipient: - Lưu Văn phòng Đảng ủy."}));
}

TEST(DocxWriter, PageAndTypeFollowTheGuidance) {
  Result<std::string> bytes = render_docx(printed_sample(chibo::testing::sample_party_document()));
  ASSERT_TRUE(bytes);
  OpenedDocx docx;
  ASSERT_NO_FATAL_FAILURE(open_docx(*bytes, docx));
  const pugi::xml_node section =
      docx.document.child("w:document").child("w:body").child("w:sectPr");
  EXPECT_STREQ(section.child("w:pgSz").attribute("w:w").value(), "11906");  // 210 mm
  EXPECT_STREQ(section.child("w:pgSz").attribute("w:h").value(), "16838");  // 297 mm
  const pugi::xml_node margins = section.child("w:pgMar");
  EXPECT_EQ(margins.attribute("w:top").as_int(), 1134);     // 20 mm
  EXPECT_EQ(margins.attribute("w:bottom").as_int(), 1134);  // 20 mm
  EXPECT_EQ(margins.attribute("w:left").as_int(), 1701);    // 30 mm
  EXPECT_EQ(margins.attribute("w:right").as_int(), 851);    // 15 mm
  const pugi::xml_node fonts = docx.styles.child("w:styles")
                                   .child("w:docDefaults")
                                   .child("w:rPrDefault")
                                   .child("w:rPr")
                                   .child("w:rFonts");
  EXPECT_STREQ(fonts.attribute("w:ascii").value(), "Times New Roman");
  const auto run = [&](const char* style) { return style_node(docx.styles, style).child("w:rPr"); };
  EXPECT_TRUE(run("PartyHeading").child("w:b"));
  EXPECT_STREQ(run("PartyHeading").child("w:u").attribute("w:val").value(), "single");
  EXPECT_STREQ(run("PartyHeading").child("w:sz").attribute("w:val").value(), "30");  // 15 pt
  EXPECT_TRUE(run("IssuerName").child("w:b"));
  EXPECT_FALSE(run("SuperiorIssuer").child("w:b"));
  EXPECT_TRUE(run("PlaceDate").child("w:i"));
  EXPECT_TRUE(run("DocType").child("w:b"));
  EXPECT_TRUE(run("DocSummary").child("w:b"));
  EXPECT_TRUE(run("SignAuthority").child("w:b"));
  EXPECT_TRUE(run("SignerName").child("w:b"));
  EXPECT_STREQ(run("RecipientsHeading").child("w:u").attribute("w:val").value(), "single");
  EXPECT_STREQ(
      style_node(docx.styles, "Body").child("w:pPr").child("w:jc").attribute("w:val").value(),
      "both");
}

TEST(DocxWriter, OptionalPartsLeaveNoTraceAndTextIsEscaped) {
  domain::PartyDocument letter = chibo::testing::sample_party_document();
  letter.type = "cong_van";
  letter.symbol = "13421-CV/VPTW";
  letter.superior_issuer = "";
  letter.secrecy = "";
  letter.urgency = "";
  letter.authority = "";
  letter.summary = "trả lời về <quy trình> & \"hồ sơ\"";
  letter.body = {"Dòng một\ndòng hai & <ba>"};
  Result<std::string> bytes = render_docx(printed_sample(letter));
  ASSERT_TRUE(bytes);
  OpenedDocx docx;
  ASSERT_NO_FATAL_FAILURE(open_docx(*bytes, docx));
  const pugi::xml_node body = docx.document.child("w:document").child("w:body");
  const pugi::xml_node header = body.child("w:tbl");
  EXPECT_EQ(paragraphs_in(cell(header, 0, 0)),
            (Lines{"IssuerName: ĐẢNG ỦY BỘ TƯ PHÁP", "IssuerStar: *"}));
  EXPECT_EQ(
      paragraphs_in(cell(header, 1, 0)),
      (Lines{"DocNumber: Số 13421-CV/VPTW", "LetterSummary: trả lời về <quy trình> & \"hồ sơ\""}));
  // A letter has no type title; its body follows the header.
  const pugi::xml_node first = header.next_sibling();
  EXPECT_EQ(style_of(first), "Body");
  EXPECT_EQ(text_of(first), "Dòng mộtdòng hai & <ba>");
  EXPECT_TRUE(first.select_node(".//w:br"));
  const pugi::xml_node signature = body.last_child().previous_sibling("w:tbl");
  EXPECT_EQ(paragraphs_in(cell(signature, 0, 1)).front(), "SignPosition: PHÓ BÍ THƯ");
  EXPECT_NE(docx.parts["word/document.xml"].find("&lt;quy trình&gt; &amp;"), std::string::npos);
}

}  // namespace
}  // namespace chibo::io
