#include "domain/directives/directive_rules.h"

#include "text/fold.h"

#include <array>

namespace chibo::domain {

bool known_directive_kind(std::string_view kind) {
  static constexpr std::array<std::string_view, 6> kKinds{
      "resolution", "directive", "conclusion", "plan", "programme", "higher_document"};
  for (std::string_view known : kKinds) {
    if (known == kind) return true;
  }
  return false;
}

std::optional<Date> task_due_date(const TaskDue& due, Date issued_on,
                                  const WorkingCalendar& calendar, const std::string& field,
                                  std::vector<FieldError>& errors) {
  if (due.due_on.has_value() == due.working_days.has_value()) {
    errors.push_back({field, "one_of", {{"fields", "due_on, due_working_days"}}});
    return std::nullopt;
  }
  if (due.due_on) {
    if (*due.due_on < issued_on) {
      errors.push_back({field + ".due_on", "before_issued_on", {{"issued_on", issued_on.iso()}}});
      return std::nullopt;
    }
    return due.due_on;
  }
  if (*due.working_days < 1) {
    errors.push_back({field + ".due_working_days", "out_of_range", {{"min", "1"}}});
    return std::nullopt;
  }
  Result<Date> counted = calendar.add_working_days(issued_on, *due.working_days);
  if (!counted) {
    errors.push_back(
        {field + ".due_working_days", "calendar_year_missing",
         counted.error().fields.empty() ? Params{} : counted.error().fields[0].params});
    return std::nullopt;
  }
  return *counted;
}

void check_assignment_due(Date due_on, Date issued_on, Date limit, const std::string& field,
                          std::vector<FieldError>& errors) {
  if (due_on < issued_on) {
    errors.push_back({field, "before_issued_on", {{"issued_on", issued_on.iso()}}});
  } else if (due_on > limit) {
    errors.push_back({field, "due_after_parent", {{"limit", limit.iso()}}});
  }
}

std::string directive_search_text(const std::string& title, const std::string& number_symbol) {
  std::string folded = text::fold(title);
  const std::string number = text::fold(number_symbol);
  if (!number.empty()) folded += (folded.empty() ? "" : " ") + number;
  return folded;
}

}  // namespace chibo::domain
