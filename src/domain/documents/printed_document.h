// The text of each component of a document as printed (Hướng dẫn 36-HD/VPTW): capitals where
// the guidance prints capitals, "Số 09-KH/ĐU", "Hà Nội, ngày 05 tháng 02 năm 2026", the
// authority line "T/M BAN THƯỜNG VỤ", recipients with their dashes and final stop. The
// renderers (io/documents) only lay these strings out, so the wording is decided and tested here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/documents/document.h"
#include "domain/documents/document_catalog.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

inline constexpr std::string_view kPartyHeading = "ĐẢNG CỘNG SẢN VIỆT NAM";
inline constexpr std::string_view kRecipientsHeading = "Nơi nhận:";

struct PrintedDocument {
  std::string heading;          // "ĐẢNG CỘNG SẢN VIỆT NAM"
  std::string superior_issuer;  // capitals, "" when none
  std::string issuer;           // capitals
  std::string number_line;      // "Số 09-KH/ĐU", "" for unnumbered types
  std::string place_date;       // "Hà Nội, ngày 05 tháng 02 năm 2026"
  std::string type_title;       // "KẾ HOẠCH"; "" for letters (công văn)
  std::string summary;          // under the title; empty for letters
  std::string letter_summary;   // a letter's summary, under its number; empty otherwise
  std::vector<std::string> body;
  std::string authority_line;      // "T/M BAN THƯỜNG VỤ", "" when signed in one's own right
  std::string signer_position;     // "PHÓ BÍ THƯ"
  std::string signer_name;         // "Nguyễn Văn An"
  std::string recipients_heading;  // "Nơi nhận:"
  std::vector<std::string> recipients;  // "- Ban Tổ chức Tỉnh ủy,", ..., "- Lưu Văn phòng."
  std::string secrecy_mark;             // "MẬT", "" when none
  std::string urgency_mark;             // "HỎA TỐC", "" when none
};

// "Hà Nội, ngày 05 tháng 02 năm 2026": day and month padded below the thresholds in force on
// `on` (document.date_day_pad_below, document.date_month_pad_below). Fails when neither is in
// force.
Result<std::string> place_and_date_line(std::string_view place, Date on, const RuleSet& rules);

// Fails (as FieldErrors) on an unknown type or mark, or a missing date; run check_document
// first for the full list of a user's mistakes.
Result<PrintedDocument> printed_document(const PartyDocument& document,
                                         const DocumentCatalog& catalog, const RuleSet& rules);

}  // namespace chibo::domain
