#include "domain/documents/symbol.h"

#include "text/clean.h"
#include "text/letters.h"

namespace chibo::domain {

namespace {

std::string_view trim_symbol_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// "Số", "số", "SỐ" with an optional colon, as written before the symbol on a document.
std::string_view strip_number_word(std::string_view text) {
  for (std::string_view word : {"Số", "số", "SỐ"}) {
    if (text.substr(0, word.size()) == word) {
      std::string_view rest = text.substr(word.size());
      if (!rest.empty() && rest.front() != ' ' && rest.front() != ':') continue;
      rest = trim_symbol_spaces(rest);
      if (!rest.empty() && rest.front() == ':') rest.remove_prefix(1);
      return trim_symbol_spaces(rest);
    }
  }
  return text;
}

Error symbol_error(const std::string& field, const char* code, std::string_view part) {
  return Error::invalid_field(field, code, {{"part", std::string(part)}});
}

// Letters or digits, with single '.' or '-' between them.
bool valid_issuer(std::string_view issuer) {
  if (issuer.empty() || issuer.size() > kSymbolIssuerMaxChars) return false;
  size_t start = 0;
  while (start <= issuer.size()) {
    size_t end = issuer.find_first_of(".-", start);
    if (end == std::string_view::npos) end = issuer.size();
    if (!text::is_letters_or_digits(issuer.substr(start, end - start))) return false;
    start = end + 1;
  }
  // The first character is a letter: "12CB" reads as a misplaced number.
  return !(issuer.front() >= '0' && issuer.front() <= '9');
}

}  // namespace

std::string format_document_number(int64_t number, int min_digits) {
  std::string digits = std::to_string(number);
  if (static_cast<int>(digits.size()) < min_digits) {
    digits.insert(0, static_cast<size_t>(min_digits) - digits.size(), '0');
  }
  return digits;
}

std::string format_symbol(const DocumentSymbol& symbol, int min_digits) {
  return format_document_number(symbol.number, min_digits) + "-" + symbol.type + "/" +
         symbol.issuer;
}

Result<DocumentSymbol> parse_symbol(std::string_view raw, const std::string& field) {
  const text::Cleaned cleaned = text::clean_line(raw);
  if (!cleaned.ok()) return Error::invalid_field(field, "symbol_shape", {{"part", ""}});
  const std::string_view text = strip_number_word(cleaned.text);
  if (text.empty()) return Error::invalid_field(field, "symbol_empty");
  const size_t slash = text.find('/');
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos || slash == std::string_view::npos || dash > slash) {
    return symbol_error(field, "symbol_shape", text);
  }
  const std::string_view number = trim_symbol_spaces(text.substr(0, dash));
  const std::string_view type = trim_symbol_spaces(text.substr(dash + 1, slash - dash - 1));
  const std::string_view issuer = trim_symbol_spaces(text.substr(slash + 1));
  if (number.empty() || number.size() > kSymbolNumberMaxDigits ||
      number.find_first_not_of("0123456789") != std::string_view::npos) {
    return symbol_error(field, "symbol_number", number);
  }
  DocumentSymbol symbol;
  symbol.number = std::stoll(std::string(number));
  if (symbol.number < 1) return symbol_error(field, "symbol_number", number);
  if (!text::is_letters(type) || text::code_point_count(type) > kSymbolTypeMaxLetters) {
    return symbol_error(field, "symbol_type", type);
  }
  if (!valid_issuer(issuer)) return symbol_error(field, "symbol_issuer", issuer);
  symbol.type = std::string(type);
  symbol.issuer = std::string(issuer);
  return symbol;
}

}  // namespace chibo::domain
