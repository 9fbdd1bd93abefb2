// Checks of an outgoing document before it is numbered, saved or printed: each field a user can
// get wrong answered with a FieldError naming it (list items as "body[2]", "recipients[0]").
#pragma once

#include <vector>

#include "core/error.h"
#include "domain/documents/document.h"
#include "domain/documents/document_catalog.h"
#include "domain/documents/term.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

// Cleans every text field in place (valid UTF-8, no control characters, NFC, trimmed; body
// paragraphs keep their line breaks) and drops empty body paragraphs and recipients. Text
// that cannot be cleaned is reported (invalid_utf8, control_character) and left as it was.
void clean_document(PartyDocument& document, std::vector<FieldError>& errors);

// Codes: required, too_long {max}, unknown_code, date_outside_term {starts_on, ends_on},
// no_term, symbol_* (see parse_symbol), symbol_type_mismatch {expected},
// symbol_for_unnumbered, signing_for_required. `term` is the issuing organization's term on
// the document's date (term_on()), nullptr when it has none.
std::vector<FieldError> check_document(const PartyDocument& document,
                                       const DocumentCatalog& catalog, const Term* term);

// Longest accepted text, in code points (chibo's limits: what fits the printed component).
inline constexpr size_t kIssuerMaxChars = 200;
inline constexpr size_t kPlaceMaxChars = 100;
inline constexpr size_t kSummaryMaxChars = 500;
inline constexpr size_t kParagraphMaxChars = 20000;
inline constexpr size_t kBodyMaxParagraphs = 2000;
inline constexpr size_t kSignatureLineMaxChars = 150;
inline constexpr size_t kRecipientMaxChars = 300;
inline constexpr size_t kMaxRecipients = 200;

}  // namespace chibo::domain
