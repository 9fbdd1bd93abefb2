// Terms (nhiệm kỳ) of an organization's committee. A term runs from the day after the congress
// that elected the committee closes to the close of the next congress (rules-reference §10:
// documents are numbered per term). The congress is due when the term length rule for the
// organization's kind has run from the close of the congress that opened the term; the
// superior may consent to bring it forward or delay it by at most the tolerance rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "domain/catalog/catalog.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

struct Term {
  int64_t id = 0;
  int64_t org_id = 0;
  std::string name;                        // "Nhiệm kỳ 2025-2030"
  std::optional<Date> congress_opened_on;  // the congress that opened the term
  Date congress_closed_on;
  std::optional<Date> next_congress_closed_on;  // set once the next congress has closed
  // Approved sizes for this term (số lượng cấp ủy viên, ủy viên ban thường vụ được phê duyệt),
  // decided by the superior per term: data, not a rule.
  std::optional<int> approved_committee_size;
  std::optional<int> approved_standing_size;
  // The congress's delegates (đại biểu dự đại hội; for a cell: the members attending).
  std::optional<int> congress_delegates;
  std::string note;
  // Storage bookkeeping (optimistic concurrency, timestamps).
  int64_t version = 0;
  std::string created_at;
  std::string updated_at;

  Date starts_on() const { return congress_closed_on.add_days(1); }
  // The last day of the term (the next congress's closing day), nullopt while it runs.
  std::optional<Date> ends_on() const { return next_congress_closed_on; }
  bool contains(Date on) const;
};

// The term that opens when a congress closes on `closed_on`.
Term term_after_congress(Date closed_on);

// The term of `terms` that `on` falls in, or nullptr (before the first congress, or terms
// with a gap).
const Term* term_on(const std::vector<Term>& terms, Date on);

// An organization's terms in order must follow each other: each ends on the day the next
// one's congress closes. Problems as FieldErrors against "terms[i]...": term_order,
// term_gap, term_open_not_last, congress_dates.
std::vector<FieldError> check_terms(const std::vector<Term>& terms);

struct TermStanding {
  Date due_on;       // the congress is due (term length from the opening congress's close)
  Date earliest_on;  // earliest with the superior's consent
  Date latest_on;    // latest with the superior's consent
  // "" (in time), "term_due_passed" (past due: needs the superior's consent to delay) or
  // "term_overdue" (past the latest the tolerance allows).
  std::string code;
  const RuleParameter* length = nullptr;
  const RuleParameter* tolerance = nullptr;
};

// The standing on `today` of a running term of an organization of `kind`, with the rules in
// force when the term opened. nullopt when the term has ended, the kind holds no congress
// (term class "-"), or no rule was in force.
std::optional<TermStanding> term_standing(const Term& term, const OrgKind& kind, Date today,
                                          const RuleSet& rules);

}  // namespace chibo::domain
