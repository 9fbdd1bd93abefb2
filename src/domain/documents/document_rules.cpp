#include "domain/documents/document_rules.h"

#include "domain/documents/symbol.h"
#include "text/clean.h"

namespace chibo::domain {

namespace {

void clean_document_text(std::string& value, const std::string& field, bool multiline,
                         std::vector<FieldError>& errors) {
  const text::Cleaned cleaned = multiline ? text::clean_multiline(value) : text::clean_line(value);
  if (cleaned.ok()) {
    value = cleaned.text;
    return;
  }
  errors.push_back(
      {field,
       cleaned.error == text::CleanError::kInvalidUtf8 ? "invalid_utf8" : "control_character",
       {}});
}

void clean_document_list(std::vector<std::string>& items, const std::string& field, bool multiline,
                         std::vector<FieldError>& errors) {
  std::vector<std::string> kept;
  for (size_t index = 0; index < items.size(); ++index) {
    std::string item = items[index];
    clean_document_text(item, field + "[" + std::to_string(index) + "]", multiline, errors);
    if (!item.empty()) kept.push_back(std::move(item));
  }
  items = std::move(kept);
}

// Required (when `required`) and at most `max` code points.
void check_document_text(const std::string& value, const std::string& field, size_t max,
                         bool required, std::vector<FieldError>& errors) {
  if (value.empty()) {
    if (required) errors.push_back({field, "required", {}});
    return;
  }
  if (text::code_point_count(value) > max) {
    errors.push_back({field, "too_long", {{"max", std::to_string(max)}}});
  }
}

void check_document_list(const std::vector<std::string>& items, const std::string& field,
                         size_t max_items, size_t max_chars, std::vector<FieldError>& errors) {
  if (items.empty()) errors.push_back({field, "required", {}});
  if (items.size() > max_items) {
    errors.push_back({field, "too_many", {{"max", std::to_string(max_items)}}});
  }
  for (size_t index = 0; index < items.size(); ++index) {
    check_document_text(items[index], field + "[" + std::to_string(index) + "]", max_chars, true,
                        errors);
  }
}

void check_document_mark(const std::string& code, MarkKind kind, const char* field,
                         const DocumentCatalog& catalog, std::vector<FieldError>& errors) {
  if (!code.empty() && !catalog.mark(kind, code)) errors.push_back({field, "unknown_code", {}});
}

}  // namespace

void clean_document(PartyDocument& document, std::vector<FieldError>& errors) {
  struct Line {
    std::string PartyDocument::*member;
    const char* field;
  };
  const Line lines[] = {
      {&PartyDocument::type, "type"},
      {&PartyDocument::superior_issuer, "superior_issuer"},
      {&PartyDocument::issuer_name, "issuer_name"},
      {&PartyDocument::symbol, "symbol"},
      {&PartyDocument::place, "place"},
      {&PartyDocument::summary, "summary"},
      {&PartyDocument::authority, "authority"},
      {&PartyDocument::signing_for, "signing_for"},
      {&PartyDocument::signer_position, "signer_position"},
      {&PartyDocument::signer_name, "signer_name"},
      {&PartyDocument::secrecy, "secrecy"},
      {&PartyDocument::urgency, "urgency"},
  };
  for (const Line& line : lines) {
    clean_document_text(document.*(line.member), line.field, false, errors);
  }
  clean_document_list(document.body, "body", true, errors);
  clean_document_list(document.recipients, "recipients", false, errors);
}

std::vector<FieldError> check_document(const PartyDocument& document,
                                       const DocumentCatalog& catalog, const Term* term) {
  std::vector<FieldError> errors;
  const DocumentType* type = catalog.type(document.type);
  if (document.type.empty()) {
    errors.push_back({"type", "required", {}});
  } else if (!type) {
    errors.push_back({"type", "unknown_code", {}});
  }
  check_document_text(document.superior_issuer, "superior_issuer", kIssuerMaxChars, false, errors);
  check_document_text(document.issuer_name, "issuer_name", kIssuerMaxChars, true, errors);
  if (type && type->numbered) {
    if (document.symbol.empty()) {
      errors.push_back({"symbol", "required", {}});
    } else if (Result<DocumentSymbol> parsed = parse_symbol(document.symbol); !parsed) {
      for (const FieldError& error : parsed.error().fields) errors.push_back(error);
    } else if (parsed->type != type->symbol) {
      errors.push_back({"symbol", "symbol_type_mismatch", {{"expected", type->symbol}}});
    }
  } else if (type && !document.symbol.empty()) {
    errors.push_back({"symbol", "symbol_for_unnumbered", {}});
  }
  check_document_text(document.place, "place", kPlaceMaxChars, true, errors);
  if (!document.issued_on) {
    errors.push_back({"issued_on", "required", {}});
  } else if (!term) {
    errors.push_back({"issued_on", "no_term", {}});
  } else if (!term->contains(*document.issued_on)) {
    // The parameters the terms' message names (i18n "date_outside_term").
    Params params = {{"from", term->starts_on().iso()},
                     {"to", term->ends_on() ? term->ends_on()->iso() : std::string()}};
    errors.push_back({"issued_on", "date_outside_term", std::move(params)});
  }
  check_document_text(document.summary, "summary", kSummaryMaxChars, true, errors);
  check_document_list(document.body, "body", kBodyMaxParagraphs, kParagraphMaxChars, errors);
  check_document_mark(document.authority, MarkKind::kAuthority, "authority", catalog, errors);
  if (!document.authority.empty() && document.signing_for.empty()) {
    errors.push_back({"signing_for", "signing_for_required", {}});
  }
  check_document_text(document.signing_for, "signing_for", kSignatureLineMaxChars, false, errors);
  check_document_text(document.signer_position, "signer_position", kSignatureLineMaxChars, true,
                      errors);
  check_document_text(document.signer_name, "signer_name", kSignatureLineMaxChars, true, errors);
  check_document_list(document.recipients, "recipients", kMaxRecipients, kRecipientMaxChars,
                      errors);
  check_document_mark(document.secrecy, MarkKind::kSecrecy, "secrecy", catalog, errors);
  check_document_mark(document.urgency, MarkKind::kUrgency, "urgency", catalog, errors);
  return errors;
}

}  // namespace chibo::domain
