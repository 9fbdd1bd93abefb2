// Numbering of the documents an organization issues. A committee numbers its documents from 01
// per series (one per document type, types printing the same symbol sharing one) within a term;
// a congress numbers all its documents from 01 across types (rules-reference §10 [C]). A number
// once given is never given again, even if its document is withdrawn.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/documents/document_catalog.h"
#include "domain/documents/symbol.h"
#include "domain/documents/term.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

// Who signs the document into a series: the organization's issuing body and its abbreviation
// (issuer_abbreviation()).
struct Issuer {
  int64_t org_id = 0;
  std::string body;          // issuing_body::kCommittee, kCongress ...
  std::string abbreviation;  // "ĐU"
  bool congress() const { return body == issuing_body::kCongress; }
};

// The key of a numbering series. For a congress `series` is "*" (all types) and `term_id` the
// term the congress opens.
struct NumberingSeries {
  int64_t org_id = 0;
  std::string body;
  std::string series;
  int64_t term_id = 0;
  auto operator<=>(const NumberingSeries&) const = default;
};

// The series a document of `type` issued by `issuer` in `term` belongs to, or nullopt when the
// type carries no number.
std::optional<NumberingSeries> numbering_series(const Issuer& issuer, const DocumentType& type,
                                                const Term& term);

// The next number of a series given the numbers already given in it (any order; gaps stay
// gaps): 1 for an empty series, else one more than the highest.
int64_t next_number(const std::vector<int64_t>& given);

struct AssignedNumber {
  NumberingSeries series;
  DocumentSymbol symbol;
  std::string text;  // "09-KH/ĐU"
};

// The number and symbol for a new document. Refused, as FieldErrors: a type that carries no
// number ("type", type_not_numbered), a type a congress does not issue ("type",
// type_not_for_issuer); a committee document dated outside
// `term` ("issued_on", date_outside_term), a congress document dated after the congress closed
// or before it opened ("issued_on", date_outside_congress); no rule document.number_min_digits
// in force on the date ("issued_on", rule_not_in_force).
Result<AssignedNumber> assign_number(const Issuer& issuer, const DocumentType& type,
                                     const Term& term, Date issued_on,
                                     const std::vector<int64_t>& given, const RuleSet& rules);

}  // namespace chibo::domain
