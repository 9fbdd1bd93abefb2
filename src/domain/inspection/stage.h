// An inspection's stages (rules-reference §8; Quy định 296-QĐ/TW): the decision to inspect, the
// team's plan, the work with the subject, the team's report, the conclusion. Each is recorded in
// order with its date and its document; the issuing level decides and concludes, the team (the
// issuing level, or a level above the subject inside the issuer's subtree) plans, works and
// reports. The order and who moves a stage are not numbers, so they are code with their source.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace chibo::domain::inspection {

inline constexpr const char* kStageSource =
    "Quy định 296-QĐ/TW (2025), chương kiểm tra, giám sát: quyết định kiểm tra, kế hoạch, làm việc "
    "với đối tượng, báo cáo kết quả, kết luận [R] rules-reference §8";

enum class Stage { kDecision = 1, kPlan, kWork, kReport, kConclusion };

std::string_view stage_code(Stage stage);
std::optional<Stage> parse_stage(std::string_view code);
// The stage that follows `current` (nullopt: not started, so the decision); nullopt after the
// conclusion.
std::optional<Stage> next_stage(std::optional<Stage> current);

// The actor's standing toward one inspection: write reach over the issuing organization, or over
// the level above the subject (the subject's parent organization, a member's organization).
struct Standing {
  bool issuer = false;
  bool above_subject = false;
};

// Whether `standing` may record `stage`: decision and conclusion are the issuer's; plan, work and
// report the team's (the issuer, or a level above the subject).
bool may_record(Stage stage, const Standing& standing);

// Why recording `stage` on `on` is refused ("" when allowed): "inspection_out_of_order" (not the
// next stage; "inspection_finished" after the conclusion), "inspection_before_previous" (earlier
// than the stage before it).
struct StageFacts {
  std::optional<Stage> current;
  std::optional<Date> current_on;  // the date the current stage was recorded with
};
std::string check_stage(const StageFacts& facts, Stage stage, Date on);

// The kinds of inspection and supervision (rules-reference §8 [R]).
bool is_kind(std::string_view code);
inline constexpr const char* kKindCodes =
    "violation_signs, task_performance, lower_inspection_committee, party_finance, "
    "supervision_regular, supervision_thematic";

}  // namespace chibo::domain::inspection
