// Shared by the directive and assignment use cases (app/directives.cpp, app/assignments.cpp):
// access to a directive or an assignment, the roll-up adjustment along a path, checks of text
// fields and of a linked register document.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/directives.h"

namespace chibo::app::directive_support {

inline constexpr size_t kTitleChars = 1000;
inline constexpr size_t kTaskTitleChars = 500;
inline constexpr size_t kNoteChars = 4000;
inline constexpr size_t kSummaryChars = 8000;
inline constexpr size_t kReportChars = 20000;
inline constexpr size_t kNumberChars = 100;
// Chosen organizations (or children) a request may name; a fan-out of more assignments than
// Services::fanout_inline_max runs in the background (app/directive_fanout.h).
inline constexpr size_t kMaxFanOut = 50000;
// Items an AssignmentBatch carries back.
inline constexpr size_t kBatchItems = 200;

// The directive, when the actor may read it (issued in reach, or assigned into it).
Result<Directive> readable_directive(Context& ctx, int64_t id);
// Whether the actor reads `directive` (directive.read over its issuer or an assignment of it).
bool reads_directive(Context& ctx, const Directive& directive);

// The assignment, when the actor may read it (receiver or assigner in directive.read reach).
Result<Assignment> readable_assignment(Context& ctx, int64_t id);

// Adds `delta` to the roll-up of `directive_id` at every organization of `path`.
void add_along(std::map<OrgId, domain::RollupCounts>& deltas, const OrgPath& path,
               const domain::RollupCounts& delta);

void check_text(const std::string& field, const std::string& value, size_t max, bool required,
                std::vector<FieldError>& errors);

// A register document the actor reads (document.read over its organization); else a field
// error "document_not_found" on `field`. Returns its number and symbol as printed.
std::string linked_document(Context& ctx, int64_t document_id, const std::string& field,
                            std::vector<FieldError>& errors);

// The receiving organizations of `target` from `from` (strictly below), checked; field errors
// name target.*. `members`: for a member target, the member's organization.
std::vector<TargetCandidate> resolve_targets(Context& ctx, const domain::AssignmentTarget& target,
                                             const Organization& from,
                                             std::vector<FieldError>& errors);

// For a target of every organization of a (known) kind: how many there are when that many
// times `tasks` is more than the request may make itself (Services::fanout_inline_max): the
// fan-out then runs in the background without the request loading them. Else 0: resolve the
// targets (resolve_targets) as usual.
int64_t large_kind_target(Context& ctx, const domain::AssignmentTarget& target,
                          const Organization& from, size_t tasks);

// Creates the assignments of `tasks` x `targets` that do not exist yet (batched), adjusts the
// roll-up, and reports how many were created or skipped.
AssignmentBatch fan_out(Context& ctx, const Directive& directive,
                        const std::vector<std::pair<int64_t, Date>>& task_dues,
                        const Organization& assigner, int64_t parent_id,
                        const std::vector<TargetCandidate>& targets, MemberId member,
                        const std::string& note, int64_t plan_document_id,
                        const std::string& plan_number);

// The scheduled periods of `task` due on or before `limit` (an assignment's due date), the
// final report last (due on the schedule's final date, or `limit` when earlier). None: the task
// has no report schedule.
std::vector<domain::ReportPeriod> task_periods(Context& ctx, const DirectiveTask& task, Date limit);

}  // namespace chibo::app::directive_support
