#include "domain/inspection/stage.h"

#include <array>
#include <utility>

namespace chibo::domain::inspection {

namespace {

constexpr std::array<std::pair<Stage, std::string_view>, 5> kStages = {{
    {Stage::kDecision, "decision"},
    {Stage::kPlan, "plan"},
    {Stage::kWork, "work"},
    {Stage::kReport, "report"},
    {Stage::kConclusion, "conclusion"},
}};

constexpr std::array<std::string_view, 6> kKinds = {
    "violation_signs", "task_performance",    "lower_inspection_committee",
    "party_finance",   "supervision_regular", "supervision_thematic",
};

}  // namespace

std::string_view stage_code(Stage stage) {
  for (const auto& [candidate, code] : kStages)
    if (candidate == stage) return code;
  return "unknown";
}

std::optional<Stage> parse_stage(std::string_view code) {
  for (const auto& [stage, candidate] : kStages)
    if (candidate == code) return stage;
  return std::nullopt;
}

std::optional<Stage> next_stage(std::optional<Stage> current) {
  if (!current) return Stage::kDecision;
  if (*current == Stage::kConclusion) return std::nullopt;
  return static_cast<Stage>(static_cast<int>(*current) + 1);
}

bool may_record(Stage stage, const Standing& standing) {
  if (standing.issuer) return true;
  return standing.above_subject && stage != Stage::kDecision && stage != Stage::kConclusion;
}

std::string check_stage(const StageFacts& facts, Stage stage, Date on) {
  std::optional<Stage> next = next_stage(facts.current);
  if (!next) return "inspection_finished";
  if (*next != stage) return "inspection_out_of_order";
  if (facts.current_on && on < *facts.current_on) return "inspection_before_previous";
  return "";
}

bool is_kind(std::string_view code) {
  for (std::string_view kind : kKinds)
    if (kind == code) return true;
  return false;
}

}  // namespace chibo::domain::inspection
