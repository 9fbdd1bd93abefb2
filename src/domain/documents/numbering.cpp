#include "domain/documents/numbering.h"

#include <algorithm>

namespace chibo::domain {

namespace {

constexpr const char* kCongressSeries = "*";

}  // namespace

std::optional<NumberingSeries> numbering_series(const Issuer& issuer, const DocumentType& type,
                                                const Term& term) {
  if (!type.numbered) return std::nullopt;
  return NumberingSeries{issuer.org_id, issuer.body,
                         issuer.congress() ? std::string(kCongressSeries) : type.series, term.id};
}

int64_t next_number(const std::vector<int64_t>& given) {
  if (given.empty()) return 1;
  return *std::max_element(given.begin(), given.end()) + 1;
}

Result<AssignedNumber> assign_number(const Issuer& issuer, const DocumentType& type,
                                     const Term& term, Date issued_on,
                                     const std::vector<int64_t>& given, const RuleSet& rules) {
  const std::optional<NumberingSeries> series = numbering_series(issuer, type, term);
  if (!series) return Error::invalid_field("type", "type_not_numbered", {{"type", type.code}});
  if (issuer.congress() && !type.congress) {
    return Error::invalid_field("type", "type_not_for_issuer",
                                {{"type", type.code}, {"body", issuer.body}});
  }
  if (issuer.congress()) {
    const bool before_opening = term.congress_opened_on && issued_on < *term.congress_opened_on;
    if (issued_on > term.congress_closed_on || before_opening) {
      return Error::invalid_field("issued_on", "date_outside_congress",
                                  {{"closed_on", term.congress_closed_on.iso()}});
    }
  } else if (!term.contains(issued_on)) {
    // The parameters the terms' message names (i18n "date_outside_term").
    Params params = {{"from", term.starts_on().iso()},
                     {"to", term.ends_on() ? term.ends_on()->iso() : std::string()}};
    return Error::invalid_field("issued_on", "date_outside_term", std::move(params));
  }
  const RuleParameter* digits = rules.in_force("document.number_min_digits", issued_on);
  if (!digits) {
    return Error::invalid_field("issued_on", "rule_not_in_force",
                                {{"rule", "document.number_min_digits"}});
  }
  AssignedNumber assigned;
  assigned.series = *series;
  assigned.symbol = {next_number(given), type.symbol, issuer.abbreviation};
  assigned.text = format_symbol(assigned.symbol, static_cast<int>(digits->value));
  return assigned;
}

}  // namespace chibo::domain
