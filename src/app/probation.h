// Use cases of probation: the lists a committee office watches (recognition due, overdue,
// awaiting the decision) and the two steps of recognition. The cell's resolution needs
// member.write over the member; the decision member.decide.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"

namespace chibo::app {

struct ProbationItem {
  Member member;
  std::string org_name;
  domain::ProbationView view;
  std::optional<domain::RecognitionRecord> cell_resolution;  // recorded, decision pending
  std::optional<Date> decision_due;  // 60 working days after the cell's resolution
};

struct ProbationLists {
  Date today;
  int within_days = 0;
  std::vector<ProbationItem> due;       // ends within `within_days`, or ended and not overdue
  std::vector<ProbationItem> overdue;   // past 30 working days after the end, no resolution
  std::vector<ProbationItem> awaiting;  // the cell has resolved, the decision is pending
};

Result<ProbationLists> probation_lists(Context& ctx, OrgId org, int within_days);

// Records a step of recognition of the probationary member `id`; the decision makes the member
// official from the end of probation, or takes them off the roll (not recognized).
Result<std::vector<domain::RecognitionRecord>> record_recognition(Context& ctx, MemberId id,
                                                                  int64_t version,
                                                                  domain::RecognitionRecord step);

}  // namespace chibo::app
