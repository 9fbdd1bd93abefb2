// A Party document's number and symbol, "<số>-<type>/<issuer>" (Hướng dẫn 36-HD/VPTW):
// 294-QĐ/TW, 09-KH/ĐU, 07-QĐi/TW, 13421-CV/VPTW. Formatting for the documents chibo issues and
// a parser for the symbols of incoming documents, typed by people.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace chibo::domain {

struct DocumentSymbol {
  int64_t number = 0;
  std::string type;    // "QĐi", "CTr", "KH"
  std::string issuer;  // "TW", "VPTW", "ĐUK"
  auto operator<=>(const DocumentSymbol&) const = default;
};

// The number with zeros in front up to `min_digits` (the rule document.number_min_digits):
// 9 -> "09", 294 -> "294".
std::string format_document_number(int64_t number, int min_digits);

// "09-KH/ĐU".
std::string format_symbol(const DocumentSymbol& symbol, int min_digits);

// Longest accepted number (the busiest series seen, 13421-CV/VPTW, has 5 digits) and parts.
inline constexpr size_t kSymbolNumberMaxDigits = 7;
inline constexpr size_t kSymbolTypeMaxLetters = 6;
inline constexpr size_t kSymbolIssuerMaxChars = 24;

// Parses a symbol as written on a document: an optional "Số" or "Số:" in front, spaces around
// the separators tolerated, Vietnamese letters in the type and issuer (the issuer may also hold
// digits, and '.' or '-' between its letters: "ĐU.BTP"). The text is cleaned first (NFC, the
// Ð look-alike). Failures are FieldErrors against `field` with one of the codes symbol_empty,
// symbol_shape (no "-" before a "/"), symbol_number, symbol_type, symbol_issuer, and the
// offending part in params {"part", ...}.
Result<DocumentSymbol> parse_symbol(std::string_view text, const std::string& field = "symbol");

}  // namespace chibo::domain
