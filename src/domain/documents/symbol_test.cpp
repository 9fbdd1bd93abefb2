#include "domain/documents/symbol.h"

#include <gtest/gtest.h>

namespace chibo::domain {
namespace {

TEST(DocumentSymbolFormat, PadsBelowTheMinimumDigits) {
  EXPECT_EQ(format_document_number(1, 2), "01");
  EXPECT_EQ(format_document_number(9, 2), "09");
  EXPECT_EQ(format_document_number(10, 2), "10");
  EXPECT_EQ(format_document_number(13421, 2), "13421");
  EXPECT_EQ(format_symbol({9, "KH", "ĐU"}, 2), "09-KH/ĐU");
  EXPECT_EQ(format_symbol({294, "QĐ", "TW"}, 2), "294-QĐ/TW");
  EXPECT_EQ(format_symbol({7, "QĐi", "TW"}, 2), "07-QĐi/TW");
}

TEST(DocumentSymbolParse, ReadsTheRulesReferenceExamples) {
  const struct {
    const char* text;
    DocumentSymbol expected;
  } cases[] = {
      {"294-QĐ/TW", {294, "QĐ", "TW"}},         {"07-QĐi/TW", {7, "QĐi", "TW"}},
      {"13421-CV/VPTW", {13421, "CV", "VPTW"}}, {"81-KH/ĐUK", {81, "KH", "ĐUK"}},
      {"33-TTr/BCSĐ", {33, "TTr", "BCSĐ"}},     {"5187-CV/UBKTTW", {5187, "CV", "UBKTTW"}},
      {"Số 09-KH/ĐU", {9, "KH", "ĐU"}},         {"Số: 17-KH/TU", {17, "KH", "TU"}},
      {"  23 - HD / ĐUK ", {23, "HD", "ĐUK"}},  {"01-NQ/ĐU.BTP", {1, "NQ", "ĐU.BTP"}},
      {"12-NQ/ĐU-BTP", {12, "NQ", "ĐU-BTP"}},   {"05-CTr/CB1", {5, "CTr", "CB1"}},
  };
  for (const auto& test_case : cases) {
    Result<DocumentSymbol> parsed = parse_symbol(test_case.text);
    ASSERT_TRUE(parsed) << test_case.text << ": " << parsed.error().fields.at(0).code;
    EXPECT_EQ(*parsed, test_case.expected) << test_case.text;
  }
}

TEST(DocumentSymbolParse, AcceptsTheEthLookAlikeAndDecomposedLetters) {
  Result<DocumentSymbol> eth = parse_symbol("81-KH/\xC3\x90UK");  // U+00D0
  ASSERT_TRUE(eth);
  EXPECT_EQ(eth->issuer, "ĐUK");
  // "Số" typed as o + combining circumflex + combining acute: NFC makes it the word to strip.
  Result<DocumentSymbol> decomposed = parse_symbol("So\xCC\x82\xCC\x81 09-KH/ĐU");
  ASSERT_TRUE(decomposed);
  EXPECT_EQ(decomposed->number, 9);
  // A combining mark with no precomposed letter is not a letter.
  EXPECT_FALSE(parse_symbol("294-QD\xCC\x9B/TW"));
}

std::string symbol_problem(const char* text) {
  Result<DocumentSymbol> parsed = parse_symbol(text, "incoming_symbol");
  if (parsed) return "ok";
  const FieldError& error = parsed.error().fields.at(0);
  EXPECT_EQ(error.field, "incoming_symbol");
  return error.code;
}

TEST(DocumentSymbolParse, NamesTheMalformedPart) {
  EXPECT_EQ(symbol_problem(""), "symbol_empty");
  EXPECT_EQ(symbol_problem("Số "), "symbol_empty");
  EXPECT_EQ(symbol_problem("294/TW"), "symbol_shape");
  EXPECT_EQ(symbol_problem("294-QĐ"), "symbol_shape");
  EXPECT_EQ(symbol_problem("TW/294-QĐ"), "symbol_shape");
  EXPECT_EQ(symbol_problem("-QĐ/TW"), "symbol_number");
  EXPECT_EQ(symbol_problem("29a-QĐ/TW"), "symbol_number");
  EXPECT_EQ(symbol_problem("0-QĐ/TW"), "symbol_number");
  EXPECT_EQ(symbol_problem("12345678-QĐ/TW"), "symbol_number");
  EXPECT_EQ(symbol_problem("294-/TW"), "symbol_type");
  EXPECT_EQ(symbol_problem("294-Q1/TW"), "symbol_type");
  EXPECT_EQ(symbol_problem("294-QĐQĐQĐQ/TW"), "symbol_type");
  EXPECT_EQ(symbol_problem("294-QĐ/"), "symbol_issuer");
  EXPECT_EQ(symbol_problem("294-QĐ/T W"), "symbol_issuer");
  EXPECT_EQ(symbol_problem("294-QĐ/TW/X"), "symbol_issuer");
  EXPECT_EQ(symbol_problem("294-QĐ/1TW"), "symbol_issuer");
  EXPECT_EQ(symbol_problem("294-QĐ/ĐU."), "symbol_issuer");
  EXPECT_EQ(symbol_problem("294-QĐ/\xff"), "symbol_shape");
  Result<DocumentSymbol> parsed = parse_symbol("294-Q1/TW");
  EXPECT_EQ(parsed.error().fields.at(0).params.at(0).second, "Q1");
}

TEST(DocumentSymbolParse, RoundTripsWhatItFormats) {
  for (int64_t number : {1, 9, 10, 99, 100, 13421}) {
    const DocumentSymbol symbol{number, "CTr", "ĐUBP"};
    Result<DocumentSymbol> parsed = parse_symbol(format_symbol(symbol, 2));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, symbol);
  }
}

}  // namespace
}  // namespace chibo::domain
