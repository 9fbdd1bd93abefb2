#include "domain/documents/term.h"

namespace chibo::domain {

bool Term::contains(Date on) const {
  if (on < starts_on()) return false;
  return !next_congress_closed_on || on <= *next_congress_closed_on;
}

Term term_after_congress(Date closed_on) {
  Term term;
  term.congress_closed_on = closed_on;
  return term;
}

const Term* term_on(const std::vector<Term>& terms, Date on) {
  for (const Term& term : terms) {
    if (term.contains(on)) return &term;
  }
  return nullptr;
}

std::vector<FieldError> check_terms(const std::vector<Term>& terms) {
  std::vector<FieldError> errors;
  for (size_t index = 0; index < terms.size(); ++index) {
    const Term& term = terms[index];
    const std::string prefix = "terms[" + std::to_string(index) + "]";
    if (term.congress_opened_on && *term.congress_opened_on > term.congress_closed_on) {
      errors.push_back({prefix + ".congress_opened_on", "congress_dates", {}});
    }
    if (term.next_congress_closed_on && *term.next_congress_closed_on <= term.congress_closed_on) {
      errors.push_back({prefix + ".next_congress_closed_on", "term_order", {}});
    }
    if (index + 1 == terms.size()) continue;
    const Term& next = terms[index + 1];
    if (!term.next_congress_closed_on) {
      errors.push_back({prefix + ".next_congress_closed_on", "term_open_not_last", {}});
    } else if (*term.next_congress_closed_on != next.congress_closed_on) {
      errors.push_back({prefix + ".next_congress_closed_on",
                        "term_gap",
                        {{"next_congress_closed_on", next.congress_closed_on.iso()}}});
    }
  }
  return errors;
}

std::optional<TermStanding> term_standing(const Term& term, const OrgKind& kind, Date today,
                                          const RuleSet& rules) {
  if (term.next_congress_closed_on || kind.term_class.empty()) return std::nullopt;
  const std::string prefix = "term." + kind.term_class;
  TermStanding standing;
  standing.length = rules.in_force(prefix + "_months", term.congress_closed_on);
  standing.tolerance = rules.in_force(prefix + "_tolerance_months", term.congress_closed_on);
  if (!standing.length || !standing.tolerance) return std::nullopt;
  const int tolerance = static_cast<int>(standing.tolerance->value);
  standing.due_on = term.congress_closed_on.add_months(static_cast<int>(standing.length->value));
  standing.earliest_on = standing.due_on.add_months(-tolerance);
  standing.latest_on = standing.due_on.add_months(tolerance);
  if (today > standing.latest_on) {
    standing.code = "term_overdue";
  } else if (today > standing.due_on) {
    standing.code = "term_due_passed";
  }
  return standing;
}

}  // namespace chibo::domain
