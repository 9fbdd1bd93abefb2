// An outgoing Party document as plain data: what the register stores and the renderers print.
// The nine mandatory components of Hướng dẫn 36-HD/VPTW map to fields: the heading "ĐẢNG CỘNG
// SẢN VIỆT NAM" (fixed), the issuer (superior_issuer, issuer_name), number and symbol
// (symbol), place and date (place, issued_on), type and summary (type, summary), body, authority
// and signature (authority, signing_for, signer_position, signer_name), the seal (stamped on
// paper over the signature; the layout leaves its place) and recipients. Secrecy and urgency are
// the optional marks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace chibo::domain {

struct PartyDocument {
  std::string type;  // document_types.tsv code: "ke_hoach"
  std::string
      superior_issuer;  // the line above the issuer, "" when none: "Đảng bộ tỉnh Thái Nguyên"
  std::string issuer_name;  // "Huyện ủy Định Hóa" (printed in capitals)
  std::string symbol;       // "09-KH/ĐU", as assign_number() gave it; "" for unnumbered types
  std::string place;        // "Hà Nội"
  std::optional<Date> issued_on;
  std::string summary;  // trích yếu: "về công tác phát triển đảng viên năm 2026"
  std::vector<std::string> body;  // paragraphs
  std::string authority;          // document_marks.tsv authority code ("tm"), "" for none
  std::string signing_for;      // after the authority: "Ban Thường vụ" (T/M), "Bí thư" (K/T)
  std::string signer_position;  // "Phó Bí thư"
  std::string signer_name;      // "Nguyễn Văn An"
  std::vector<std::string> recipients;  // "Ban Tổ chức Tỉnh ủy", "Lưu Văn phòng Đảng ủy"
  std::string secrecy;                  // document_marks.tsv secrecy code, "" for none
  std::string urgency;                  // document_marks.tsv urgency code, "" for none
};

}  // namespace chibo::domain
