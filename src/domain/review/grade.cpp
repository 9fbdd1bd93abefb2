#include "domain/review/grade.h"

#include <algorithm>
#include <array>
#include <utility>

namespace chibo::domain::review {

namespace {

constexpr std::array<std::pair<Grade, std::string_view>, 4> kGradeCodes = {{
    {Grade::kNotCompleted, "not_completed"},
    {Grade::kCompleted, "completed"},
    {Grade::kGood, "good"},
    {Grade::kExcellent, "excellent"},
}};

AppliedRule applied_rule(const RuleParameter& parameter) {
  return {parameter.key, parameter.value, parameter.source};
}

Grade lower_to(Grade grade, Grade cap) { return grade_rank(grade) > grade_rank(cap) ? cap : grade; }

}  // namespace

std::optional<Grade> parse_grade(std::string_view code) {
  for (const auto& [grade, name] : kGradeCodes) {
    if (name == code) return grade;
  }
  return std::nullopt;
}

std::string_view grade_code(Grade grade) {
  for (const auto& [candidate, name] : kGradeCodes) {
    if (candidate == grade) return name;
  }
  return "not_completed";
}

std::optional<GradeAnswer> grade_for(const GradeFacts& facts, Date on, const RuleSet& rules) {
  const RuleParameter* excellent = rules.in_force("review.excellent_min_score_tenths", on);
  const RuleParameter* good = rules.in_force("review.good_min_score_tenths", on);
  const RuleParameter* completed = rules.in_force("review.completed_min_score_tenths", on);
  if (!excellent || !good || !completed) return std::nullopt;
  GradeAnswer answer;
  const int score = std::clamp(facts.score_tenths, 0, kMaxScoreTenths);
  if (score >= excellent->value) {
    answer.band = Grade::kExcellent;
    answer.rules.push_back(applied_rule(*excellent));
  } else if (score >= good->value) {
    answer.band = Grade::kGood;
    answer.rules.push_back(applied_rule(*good));
  } else if (score >= completed->value) {
    answer.band = Grade::kCompleted;
    answer.rules.push_back(applied_rule(*completed));
  } else {
    answer.band = Grade::kNotCompleted;
    answer.rules.push_back(applied_rule(*completed));
  }
  answer.grade = answer.band;

  auto lower = [&](Grade cap, const char* why, const RuleParameter* rule) {
    if (grade_rank(answer.grade) <= grade_rank(cap)) return;
    answer.grade = lower_to(answer.grade, cap);
    answer.lowered_by.emplace_back(why);
    if (rule) answer.rules.push_back(applied_rule(*rule));
  };

  // Excellent: tasks on time, a share exceeded, (collectives) no subordinate disciplined.
  if (answer.grade == Grade::kExcellent) {
    const RuleParameter* exceeded = rules.in_force("review.excellent_min_exceeded_pct", on);
    if (exceeded && facts.tasks_exceeded_pct && *facts.tasks_exceeded_pct < exceeded->value)
      lower(Grade::kGood, "excellent_needs_exceeded", exceeded);
    if (facts.collective && facts.subordinate_disciplined)
      lower(Grade::kGood, "subordinate_disciplined", excellent);
  }
  // Good and excellent: every task on time with quality.
  if (grade_rank(answer.grade) >= grade_rank(Grade::kGood)) {
    const RuleParameter* on_time = rules.in_force("review.good_min_on_time_pct", on);
    if (on_time && facts.tasks_on_time_pct && *facts.tasks_on_time_pct < on_time->value)
      lower(Grade::kCompleted, "good_needs_on_time", on_time);
  }
  // Collectives, completed: at most a share of tasks behind schedule.
  if (facts.collective && answer.grade == Grade::kCompleted) {
    const RuleParameter* late = rules.in_force("review.collective_completed_max_late_pct", on);
    if (late && facts.tasks_late_pct && *facts.tasks_late_pct > late->value)
      lower(Grade::kNotCompleted, "collective_too_many_late", late);
  }
  // A discipline in the year caps the grade.
  if (facts.disciplined_in_year) {
    if (const RuleParameter* cap = rules.in_force("review.disciplined_max_grade", on)) {
      const int rank = static_cast<int>(std::clamp<int64_t>(cap->value, 1, 4));
      lower(static_cast<Grade>(rank), "disciplined_in_year", cap);
    }
  }
  return answer;
}

std::string score_text(int score_tenths) {
  std::string text = std::to_string(score_tenths / 10);
  if (score_tenths % 10 != 0) text += "." + std::to_string(score_tenths % 10);
  return text;
}

}  // namespace chibo::domain::review
