#include "domain/documents/document_catalog.h"

namespace chibo::domain {

const DocumentType* DocumentCatalog::type(std::string_view code) const {
  for (const DocumentType& candidate : types) {
    if (candidate.code == code) return &candidate;
  }
  return nullptr;
}

const DocumentMark* DocumentCatalog::mark(MarkKind kind, std::string_view code) const {
  for (const DocumentMark& candidate : marks) {
    if (candidate.kind == kind && candidate.code == code) return &candidate;
  }
  return nullptr;
}

const CommitteePosition* DocumentCatalog::position(std::string_view code) const {
  for (const CommitteePosition& candidate : positions) {
    if (candidate.code == code) return &candidate;
  }
  return nullptr;
}

const IssuerAbbreviation* DocumentCatalog::issuer(std::string_view org_kind,
                                                  std::string_view body) const {
  for (const IssuerAbbreviation& candidate : issuers) {
    if (candidate.org_kind == org_kind && candidate.body == body) return &candidate;
  }
  return nullptr;
}

std::optional<std::string> issuer_abbreviation(const DocumentCatalog& catalog,
                                               std::string_view org_kind, std::string_view body,
                                               const IssuerOverrides& overrides) {
  if (const auto own = overrides.find(body); own != overrides.end() && !own->second.empty()) {
    return own->second;
  }
  const IssuerAbbreviation* row = catalog.issuer(org_kind, body);
  if (!row || row->abbreviation.empty()) return std::nullopt;
  return row->abbreviation;
}

}  // namespace chibo::domain
