// Validating a yearly inspection and supervision programme and the inspections planned in it
// (rules-reference §8; Quy định 296-QĐ/TW): the issuer (the committee or its inspection
// committee), the year, each inspection's kind, content, time window inside the year and team.
// Whether a subject lies in the issuer's subtree is the caller's fact (the tree is not here).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::inspection {

struct ProgrammeFacts {
  int year = 0;
  std::string issuer;  // "committee" (cấp ủy), "inspection_committee" (ủy ban kiểm tra)
  std::string title;
};

// Field errors of a programme's own fields.
std::vector<FieldError> check_programme(const ProgrammeFacts& facts);

struct InspectionFacts {
  int year = 0;  // the programme's
  std::string kind;
  std::string content;
  Date starts_on;
  Date ends_on;
  std::vector<std::string> team;  // names, the head first
  bool subject_in_subtree = false;
  std::string subject_field = "subject";  // the field named when outside the subtree
};

// Field errors of an inspection planned in a programme; `prefix` goes before each field name
// (e.g. "inspections[2]."). The team's minimum size is inspection.min_team_members in force on
// the window's first day.
std::vector<FieldError> check_inspection(const InspectionFacts& facts, const RuleSet& rules,
                                         const std::string& prefix = "");

}  // namespace chibo::domain::inspection
