// Probation (dự bị) and recognition as an official member. Probation lasts 12 months from the
// ceremony (probation.months); the cell considers each member within 30 working days after it
// ends (recognition.consider_working_days); the competent committee decides within 60 working
// days of the cell's resolution. However late the decision, the member is official from the
// exact end of probation. Rules-reference.md §3.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/calendar/working_calendar.h"
#include "domain/catalog/catalog.h"
#include "domain/lifecycle/decision.h"
#include "domain/members/member.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain {

struct ProbationView {
  Date ends_on;
  // The last working day for the cell's resolution; nullopt when no rule is in force or the
  // working-day calendar lacks a year the count crosses (never guessed).
  std::optional<Date> consider_by;
  bool ceremony_known = false;  // else counted from the admission decision
  int days_to_end = 0;          // negative once ended
  bool overdue = false;         // past consider_by without a cell resolution
};

// nullopt unless the member is probationary with an end of probation.
std::optional<ProbationView> probation_view(const Member& member, bool cell_resolved,
                                            const RuleSet& rules, const WorkingCalendar& calendar,
                                            Date today);

enum class RecognitionStep { kCellResolution, kDecision };

// One step of the recognition procedure: the cell's resolution (proposing to recognize or not),
// then the decision.
struct RecognitionRecord {
  RecognitionStep step = RecognitionStep::kCellResolution;
  Date on;
  Document document;
  Vote vote;               // the cell's resolution
  bool recognized = true;  // the proposal (cell) or the outcome (decision)
  std::string note;        // a late decision's reason
  std::string recorded_by;
  std::string recorded_at;
};

// Checks `next` against the member and the cell's resolution already recorded (`cell`).
std::vector<FieldError> check_recognition(const Member& member,
                                          const std::optional<RecognitionRecord>& cell,
                                          const RecognitionRecord& next, const RuleSet& rules,
                                          const WorkingCalendar& calendar, Date today);

// Applies a decision: official from the end of probation, or off the roll as not recognized
// on the decision's date.
void apply_recognition(Member& member, const RecognitionRecord& decision);

}  // namespace chibo::domain
