#include "domain/documents/document_rules.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace chibo::domain {
namespace {

using chibo::testing::date;
using chibo::testing::has_error;

PartyDocument valid_plan() {
  PartyDocument document;
  document.type = "ke_hoach";
  document.superior_issuer = "Đảng bộ các cơ quan Đảng Trung ương";
  document.issuer_name = "Đảng ủy Bộ Tư pháp";
  document.symbol = "09-KH/ĐU";
  document.place = "Hà Nội";
  document.issued_on = date("2026-02-05");
  document.summary = "phát triển đảng viên năm 2026";
  document.body = {"Thực hiện Quy định 294-QĐ/TW ..."};
  document.authority = "tm";
  document.signing_for = "Ban Thường vụ";
  document.signer_position = "Bí thư";
  document.signer_name = "Nguyễn Văn An";
  document.recipients = {"Ban Tổ chức Đảng ủy cấp trên", "Lưu Văn phòng Đảng ủy"};
  return document;
}

Term rules_term() {
  Term term = term_after_congress(date("2025-05-10"));
  term.next_congress_closed_on = date("2030-05-10");
  return term;
}

std::vector<FieldError> document_errors(const PartyDocument& document) {
  const Term term = rules_term();
  return check_document(document, chibo::testing::catalog().documents, &term);
}

TEST(DocumentRules, AValidPlanPasses) {
  const std::vector<FieldError> errors = document_errors(valid_plan());
  EXPECT_TRUE(errors.empty()) << errors.at(0).field << " " << errors.at(0).code;
}

TEST(DocumentRules, EveryRequiredFieldIsNamed) {
  PartyDocument empty;
  empty.issued_on.reset();
  const std::vector<FieldError> errors = document_errors(empty);
  for (const char* field : {"type", "issuer_name", "place", "issued_on", "summary", "body",
                            "signer_position", "signer_name", "recipients"}) {
    EXPECT_TRUE(has_error(errors, field, "required")) << field;
  }
}

TEST(DocumentRules, TypeAndMarksComeFromTheCatalog) {
  PartyDocument document = valid_plan();
  document.type = "thu_tay";
  document.authority = "tt";
  document.secrecy = "mat_vua";
  document.urgency = "cham";
  const std::vector<FieldError> errors = document_errors(document);
  EXPECT_TRUE(has_error(errors, "type", "unknown_code"));
  EXPECT_TRUE(has_error(errors, "authority", "unknown_code"));
  EXPECT_TRUE(has_error(errors, "secrecy", "unknown_code"));
  EXPECT_TRUE(has_error(errors, "urgency", "unknown_code"));
  document = valid_plan();
  for (const char* secrecy : {"mat", "toi_mat", "tuyet_mat"}) {
    document.secrecy = secrecy;
    EXPECT_TRUE(document_errors(document).empty()) << secrecy;
  }
  for (const char* urgency : {"khan", "thuong_khan", "hoa_toc", "hoa_toc_hen_gio"}) {
    document.urgency = urgency;
    EXPECT_TRUE(document_errors(document).empty()) << urgency;
  }
  for (const char* authority : {"tm", "kt", "tl", "q", ""}) {
    document.authority = authority;
    EXPECT_TRUE(document_errors(document).empty()) << authority;
  }
}

TEST(DocumentRules, TheDateMustFallInTheTerm) {
  PartyDocument document = valid_plan();
  document.issued_on = date("2025-05-10");  // the congress's closing day: the previous term
  EXPECT_TRUE(has_error(document_errors(document), "issued_on", "date_outside_term"));
  document.issued_on = date("2025-05-11");
  EXPECT_TRUE(document_errors(document).empty());
  document.issued_on = date("2030-05-10");
  EXPECT_TRUE(document_errors(document).empty());
  document.issued_on = date("2030-05-11");
  EXPECT_TRUE(has_error(document_errors(document), "issued_on", "date_outside_term"));
  EXPECT_TRUE(has_error(check_document(valid_plan(), chibo::testing::catalog().documents, nullptr),
                        "issued_on", "no_term"));
}

TEST(DocumentRules, SymbolMustParseAndMatchTheType) {
  PartyDocument document = valid_plan();
  document.symbol = "09-NQ/ĐU";
  EXPECT_TRUE(has_error(document_errors(document), "symbol", "symbol_type_mismatch"));
  document.symbol = "09KH/ĐU";
  EXPECT_TRUE(has_error(document_errors(document), "symbol", "symbol_shape"));
  document.symbol = "";
  EXPECT_TRUE(has_error(document_errors(document), "symbol", "required"));
  document.type = "dieu_le";
  EXPECT_TRUE(document_errors(document).empty());
  document.symbol = "01-ĐL/TW";
  EXPECT_TRUE(has_error(document_errors(document), "symbol", "symbol_for_unnumbered"));
  // Quy định prints QĐ like quyết định.
  document = valid_plan();
  document.type = "quy_dinh";
  document.symbol = "05-QĐ/ĐU";
  EXPECT_TRUE(document_errors(document).empty());
}

TEST(DocumentRules, LengthsAreLimitedAtTheBoundary) {
  PartyDocument document = valid_plan();
  document.summary = std::string(kSummaryMaxChars - 1, 'a') + "ệ";  // code points, not bytes
  EXPECT_TRUE(document_errors(document).empty());
  document.summary += "a";
  EXPECT_TRUE(has_error(document_errors(document), "summary", "too_long"));
  document = valid_plan();
  document.recipients.push_back(std::string(kRecipientMaxChars + 1, 'x'));
  EXPECT_TRUE(has_error(document_errors(document), "recipients[2]", "too_long"));
}

TEST(DocumentRules, AnAuthorityNeedsWhomItSignsFor) {
  PartyDocument document = valid_plan();
  document.signing_for = "";
  EXPECT_TRUE(has_error(document_errors(document), "signing_for", "signing_for_required"));
  document.authority = "";
  EXPECT_TRUE(document_errors(document).empty());
}

TEST(DocumentRules, CleaningNormalizesAndDropsEmptyItems) {
  PartyDocument document = valid_plan();
  document.issuer_name =
      "  \xC3\x90"
      "ảng ủy   Bộ Tư pháp ";  // Ð look-alike, spaces
  document.recipients = {"", "  Lưu Văn phòng  "};
  document.body = {"Đoạn một\r\ndòng hai", "   "};
  std::vector<FieldError> errors;
  clean_document(document, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(document.issuer_name, "Đảng ủy Bộ Tư pháp");
  EXPECT_EQ(document.recipients, std::vector<std::string>{"Lưu Văn phòng"});
  EXPECT_EQ(document.body, std::vector<std::string>{"Đoạn một\ndòng hai"});
  document.signer_name = "An\x01";
  document.place = "\xff";
  clean_document(document, errors);
  EXPECT_TRUE(has_error(errors, "signer_name", "control_character"));
  EXPECT_TRUE(has_error(errors, "place", "invalid_utf8"));
}

}  // namespace
}  // namespace chibo::domain
