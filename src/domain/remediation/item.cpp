#include "domain/remediation/item.h"

#include <algorithm>

namespace chibo::domain::remediation {

namespace {

std::string joined(const std::vector<std::string_view>& values) {
  std::string out;
  for (std::string_view value : values) {
    if (!out.empty()) out += ", ";
    out += value;
  }
  return out;
}

void check_text(const std::string& field, const std::string& value, size_t max,
                std::vector<FieldError>& errors) {
  if (value.empty()) {
    errors.push_back({field, "required", {}});
  } else if (value.size() > max * 4) {
    errors.push_back({field, "too_long", {{"max", std::to_string(max)}}});
  }
}

}  // namespace

const Source& review_source() {
  // A review's shortcomings: no upper bound on the due date is known from the regulation.
  static const Source source{
      "review", {"limitation", "fault"}, "review_date",          "due_before_review",
      "",       "review_due_too_late",   "closed_before_review", "shortcoming_closed"};
  return source;
}

const Source& inspection_source() {
  static const Source source{"inspection",
                             {"violation", "recommendation"},
                             "concluded_on",
                             "inspection_before_conclusion",
                             "inspection.item_max_due_months",
                             "inspection_due_too_late",
                             "inspection_before_conclusion",
                             "inspection_item_closed"};
  return source;
}

const Source* source_named(std::string_view name) {
  if (name == review_source().name) return &review_source();
  if (name == inspection_source().name) return &inspection_source();
  return nullptr;
}

std::vector<std::string> source_names() {
  return {std::string(review_source().name), std::string(inspection_source().name)};
}

std::vector<FieldError> check_facts(const Source& source, const ItemFacts& facts,
                                    const std::string& prefix) {
  std::vector<FieldError> errors;
  if (std::find(source.kinds.begin(), source.kinds.end(), facts.kind) == source.kinds.end())
    errors.push_back({prefix + "kind", "not_allowed", {{"allowed", joined(source.kinds)}}});
  check_text(prefix + "description", facts.description, kTextChars, errors);
  check_text(prefix + "action", facts.action, kTextChars, errors);
  check_text(prefix + "owner", facts.owner, kLineChars, errors);
  return errors;
}

std::vector<FieldError> check_due(const Source& source, Date due_on, Date opened_on,
                                  const RuleSet& rules, const std::string& prefix) {
  std::vector<FieldError> errors;
  if (due_on < opened_on) {
    errors.push_back({prefix + "due_on",
                      std::string(source.due_before_opening),
                      {{std::string(source.opened_key), opened_on.iso()}}});
    return errors;
  }
  if (source.max_due_months_rule.empty()) return errors;
  const RuleParameter* months = rules.in_force(std::string(source.max_due_months_rule), opened_on);
  if (!months) return errors;
  const Date latest = opened_on.add_months(static_cast<int>(months->value));
  if (due_on > latest)
    errors.push_back({prefix + "due_on",
                      std::string(source.due_too_late),
                      {{"latest", latest.iso()},
                       {"rule", months->key},
                       {"value", std::to_string(months->value)},
                       {"source", months->source}}});
  return errors;
}

std::vector<FieldError> check_item(const Source& source, const ItemFacts& facts, Date opened_on,
                                   const RuleSet& rules, const std::string& prefix) {
  std::vector<FieldError> errors = check_facts(source, facts, prefix);
  for (FieldError& error : check_due(source, facts.due_on, opened_on, rules, prefix))
    errors.push_back(std::move(error));
  return errors;
}

bool overdue(const std::string& state, Date due_on, Date today) {
  return state == "open" && due_on < today;
}

CloseCheck check_close(const Source& source, const std::string& state, const std::string& evidence,
                       Date closed_on, Date opened_on, Date today) {
  CloseCheck check;
  if (state != "open") {
    check.conflict = std::string(source.already_closed);
    return check;
  }
  check_text("evidence", evidence, kTextChars, check.errors);
  if (closed_on > today) {
    check.errors.push_back({"closed_on", "in_future", {}});
  } else if (closed_on < opened_on) {
    check.errors.push_back({"closed_on",
                            std::string(source.closed_before_opening),
                            {{std::string(source.opened_key), opened_on.iso()}}});
  }
  return check;
}

}  // namespace chibo::domain::remediation
