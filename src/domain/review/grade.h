// Quality grades of the annual review (rules-reference §7; Quy định 366-QĐ/TW Art. 11): the band
// a score on the 100-point scale falls in, lowered by the extra conditions the band needs and by
// a disqualifying fact (a discipline in the year). Every answer names the rules it applied.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::review {

// Ranked: a higher value is a better grade (review.disciplined_max_grade uses the ranks).
enum class Grade { kNotCompleted = 1, kCompleted = 2, kGood = 3, kExcellent = 4 };

std::optional<Grade> parse_grade(std::string_view code);
// "not_completed", "completed", "good", "excellent".
std::string_view grade_code(Grade grade);
inline int grade_rank(Grade grade) { return static_cast<int>(grade); }

// Scores are tenths of a point: 0..1000 (89.5 points = 895).
inline constexpr int kMaxScoreTenths = 1000;

// A rule parameter an answer used: its key, the value applied and its source.
struct AppliedRule {
  std::string key;
  int64_t value = 0;
  std::string source;
};

// What a grade depends on. Task figures are whole percent of the year's tasks; unknown
// figures (nullopt) do not lower the grade (the committee judges them from the report).
struct GradeFacts {
  int score_tenths = 0;
  bool collective = false;  // an organization (tập thể), not a member
  std::optional<int> tasks_on_time_pct = std::nullopt;   // done on schedule with quality
  std::optional<int> tasks_exceeded_pct = std::nullopt;  // done beyond the target
  std::optional<int> tasks_late_pct = std::nullopt;      // collectives: behind schedule
  bool disciplined_in_year = false;      // the member, or (collectives) a leadership member
  bool subordinate_disciplined = false;  // collectives: a subordinate organization disciplined
};

struct GradeAnswer {
  Grade band = Grade::kNotCompleted;   // the score's band alone
  Grade grade = Grade::kNotCompleted;  // the highest grade the facts allow
  // Why the grade is below the band: "excellent_needs_exceeded", "excellent_needs_on_time",
  // "good_needs_on_time", "collective_too_many_late", "disciplined_in_year",
  // "subordinate_disciplined"; empty when grade == band.
  std::vector<std::string> lowered_by;
  std::vector<AppliedRule> rules;  // the band's rule first
};

// nullopt when a band's rule is not in force on `on` (no rule set covers the date).
std::optional<GradeAnswer> grade_for(const GradeFacts& facts, Date on, const RuleSet& rules);

// "89.5" from 895, "90" from 900.
std::string score_text(int score_tenths);

}  // namespace chibo::domain::review
