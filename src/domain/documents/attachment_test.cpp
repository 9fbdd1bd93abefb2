#include "domain/documents/attachment.h"

#include <gtest/gtest.h>

#include <string>

namespace chibo::domain {
namespace {

void put16(std::string& out, uint32_t v) {
  out.push_back(static_cast<char>(v & 0xff));
  out.push_back(static_cast<char>((v >> 8) & 0xff));
}
void put32(std::string& out, uint32_t v) {
  put16(out, v & 0xffff);
  put16(out, v >> 16);
}

// A stored (uncompressed) ZIP archive of empty entries with these names.
std::string zip_of(const std::vector<std::string>& names) {
  std::string out;
  std::vector<uint32_t> offsets;
  for (const std::string& name : names) {
    offsets.push_back(static_cast<uint32_t>(out.size()));
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, 0);
    put16(out, 0);
    put16(out, 0);
    put16(out, 0);
    put32(out, 0);
    put32(out, 0);
    put32(out, 0);
    put16(out, static_cast<uint32_t>(name.size()));
    put16(out, 0);
    out += name;
  }
  const auto directory = static_cast<uint32_t>(out.size());
  for (size_t i = 0; i < names.size(); ++i) {
    put32(out, 0x02014b50);
    put16(out, 20);
    put16(out, 20);
    for (int k = 0; k < 4; ++k) put16(out, 0);  // flags, method, time, date
    put32(out, 0);
    put32(out, 0);
    put32(out, 0);
    put16(out, static_cast<uint32_t>(names[i].size()));
    put16(out, 0);
    put16(out, 0);
    put16(out, 0);
    put16(out, 0);
    put32(out, 0);
    put32(out, offsets[i]);
    out += names[i];
  }
  const auto size = static_cast<uint32_t>(out.size()) - directory;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint32_t>(names.size()));
  put16(out, static_cast<uint32_t>(names.size()));
  put32(out, size);
  put32(out, directory);
  put16(out, 0);
  return out;
}

TEST(AttachmentType, KnowsTheAcceptedKindsByTheirContent) {
  EXPECT_EQ(sniff_attachment_type("%PDF-1.7\n..."), attachment_type::kPdf);
  EXPECT_EQ(sniff_attachment_type(std::string("\x89PNG\r\n\x1a\n\0\0", 10)), attachment_type::kPng);
  EXPECT_EQ(sniff_attachment_type(std::string("\xFF\xD8\xFF\xE0\0\x10JFIF", 10)),
            attachment_type::kJpeg);
  EXPECT_EQ(sniff_attachment_type(zip_of({"[Content_Types].xml", "word/document.xml"})),
            attachment_type::kDocx);
}

TEST(AttachmentType, RefusesOtherFiles) {
  EXPECT_FALSE(sniff_attachment_type(""));
  EXPECT_FALSE(sniff_attachment_type("hello"));
  EXPECT_FALSE(sniff_attachment_type("<html>%PDF-"));
  EXPECT_FALSE(sniff_attachment_type("GIF89a"));
  // A spreadsheet is a ZIP archive too, without word/document.xml.
  EXPECT_FALSE(sniff_attachment_type(zip_of({"[Content_Types].xml", "xl/workbook.xml"})));
  // A name only mentioned inside an entry's data does not count.
  EXPECT_FALSE(sniff_attachment_type(zip_of({"a.txt"}) + "word/document.xml"));
  // A truncated archive.
  const std::string docx = zip_of({"word/document.xml"});
  EXPECT_FALSE(sniff_attachment_type(docx.substr(0, docx.size() - 30)));
}

TEST(AttachmentFileName, KeepsTheNameOnlyAndSafe) {
  EXPECT_EQ(clean_file_name("Kế hoạch 09.pdf"), "Kế hoạch 09.pdf");
  EXPECT_EQ(clean_file_name("C:\\Users\\a\\bao cao.docx"), "bao cao.docx");
  EXPECT_EQ(clean_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(clean_file_name("a\"b\r\n.pdf"), "ab.pdf");
  EXPECT_EQ(clean_file_name("  nhiều   khoảng  .png "), "nhiều khoảng .png");
  EXPECT_EQ(clean_file_name(".hidden.pdf"), "hidden.pdf");
  EXPECT_EQ(clean_file_name("dir/"), "");
  EXPECT_EQ(clean_file_name("\xff\xfe.pdf"), "");
  std::string long_name;
  for (int i = 0; i < 200; ++i) long_name += "ệ";
  const std::string cut = clean_file_name(long_name + ".pdf");
  EXPECT_LE(cut.size(), 255u);
  EXPECT_TRUE(cut.ends_with(".pdf"));
  EXPECT_EQ(clean_file_name(cut), cut);  // still valid UTF-8
}

TEST(AttachmentFileName, CarriesTheExtensionOfItsCheckedType) {
  EXPECT_EQ(file_name_for_type("ke hoach.PDF", attachment_type::kPdf), "ke hoach.PDF");
  EXPECT_EQ(file_name_for_type("scan", attachment_type::kPdf), "scan.pdf");
  EXPECT_EQ(file_name_for_type("anh.jpeg", attachment_type::kJpeg), "anh.jpeg");
  EXPECT_EQ(file_name_for_type("anh.png", attachment_type::kJpeg), "anh.png.jpg");
}

}  // namespace
}  // namespace chibo::domain
