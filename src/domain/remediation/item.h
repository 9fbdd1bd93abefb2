// An item tracked to closure (issue 15): a review's shortcoming (hạn chế, khuyết điểm) or an
// inspection conclusion's violation or recommendation (vi phạm, kiến nghị), each with its action,
// owner, due date, evidence and closing day. One set of rules for both; each source keeps its own
// words (kinds, refusal codes, the rule that bounds its due date). Overdue is derived: open past
// its due day, never stored.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::remediation {

// What a source calls things; the rules below are the same for every source.
struct Source {
  std::string_view name;                // "review", "inspection"
  std::vector<std::string_view> kinds;  // the kinds its items may have
  // The day the item was opened on (the campaign's review date, the conclusion's day), as the
  // refusals name it.
  std::string_view opened_key;
  std::string_view due_before_opening;     // due date before the opening day
  std::string_view max_due_months_rule;    // rule key bounding the due date; not in force: none
  std::string_view due_too_late;           // due date past that bound
  std::string_view closed_before_opening;  // closing day before the opening day
  std::string_view already_closed;         // the conflict when closing a closed item
};

const Source& review_source();
const Source& inspection_source();
// The source of that name, or nullptr.
const Source* source_named(std::string_view name);
// "review", "inspection": the sources, in their order.
std::vector<std::string> source_names();

// Limits on the texts, in characters (UTF-8 bytes are counted up to four per character).
constexpr size_t kTextChars = 4000;  // description, action, evidence
constexpr size_t kLineChars = 500;   // owner

struct ItemFacts {
  std::string kind;
  std::string description;
  std::string action;
  std::string owner;
  Date due_on;
};

// Field errors of the kind and the texts (no dates), each field named with `prefix`.
std::vector<FieldError> check_facts(const Source& source, const ItemFacts& facts,
                                    const std::string& prefix = "");

// Field errors of a due date (field `prefix` + "due_on") of an item opened on `opened_on`: not
// before it, and at most the months of the source's rule in force on `opened_on` after it.
std::vector<FieldError> check_due(const Source& source, Date due_on, Date opened_on,
                                  const RuleSet& rules, const std::string& prefix = "");

// check_facts and check_due together.
std::vector<FieldError> check_item(const Source& source, const ItemFacts& facts, Date opened_on,
                                   const RuleSet& rules, const std::string& prefix = "");

// Open ("open") past its due day.
bool overdue(const std::string& state, Date due_on, Date today);

// Closing an item in `state` with `evidence` on `closed_on`: `conflict` is the source's
// already_closed code when it is not open (then no field errors); otherwise the field errors:
// evidence required and bounded, closed_on not after today nor before the opening day.
struct CloseCheck {
  std::string conflict;
  std::vector<FieldError> errors;
  bool allowed() const { return conflict.empty() && errors.empty(); }
};
CloseCheck check_close(const Source& source, const std::string& state, const std::string& evidence,
                       Date closed_on, Date opened_on, Date today);

}  // namespace chibo::domain::remediation
