// Personal action plans and commitments (kế hoạch hành động, cam kết tu dưỡng, rèn luyện;
// issue 13): a member's plan for a year with its items, the order "heads first", the deadlines
// and the cell's reviews (mid-year, year end) with an assessment per item. Pure decisions over
// values; the deadlines and review windows are rule data (rules/plans.toml).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/ids.h"
#include "core/org_path.h"
#include "domain/rules/rule_set.h"

namespace chibo::domain::plans {

// Limits of the input (not Party rules: what a plan reasonably holds).
constexpr size_t kMaxItems = 30;
constexpr size_t kContentChars = 2000;
constexpr size_t kMeasureChars = 1000;
constexpr size_t kCommentChars = 2000;
// Plans may be recorded for the year before today's (a late one), today's and the next.
constexpr int kYearsBack = 1;
constexpr int kYearsAhead = 1;

enum class Stage { kMidYear, kYearEnd };
std::optional<Stage> parse_stage(std::string_view code);
std::string_view stage_code(Stage stage);

struct PlanItem {
  int64_t id = 0;
  std::string content;         // what the member undertakes
  std::string measure;         // the measure or target it is judged by
  std::optional<Date> due_on;  // within the plan's year
};

// What a member submits: the plan of a year.
struct PlanDraft {
  int year = 0;
  std::string kind;  // "plan" (kế hoạch hành động) or "commitment" (cam kết tu dưỡng, rèn luyện)
  std::vector<PlanItem> items;
};

struct ItemAssessment {
  int64_t item_id = 0;
  std::string assessment;  // "done", "partly", "not_done"
  std::string comment;
};

struct PlanReview {
  int64_t id = 0;
  std::string stage;  // stage_code
  Date reviewed_on;
  std::string comment;
  std::vector<ItemAssessment> items;
  std::string reviewer;
  std::string created_at;
};

struct Plan {
  int64_t id = 0;
  MemberId member_id;
  OrgId org_id;  // the member's cell when the plan was recorded
  OrgPath org_path;
  int year = 0;
  std::string kind;
  std::vector<PlanItem> items;
  Date recorded_on;                 // first recorded
  bool head = false;                // recorded as one of the cell's heads
  std::vector<PlanReview> reviews;  // mid-year first
  int64_t version = 0;
  std::string created_at;
  std::string updated_at;
  std::string created_by;

  const PlanReview* review(Stage stage) const;
  // "recorded", "mid_year_reviewed", "year_end_reviewed".
  std::string status() const;
};

// A date of a rule ([year_offset, month, day]) for a year, with the rule it comes from.
struct RuleDate {
  Date on;
  std::string key;
  std::string source;
};

// The day by which a member records their plan of `year`: heads earlier than the others.
std::optional<RuleDate> due_date(const RuleSet& rules, int year, bool head);
// The first and last day (inclusive) a stage of the plans of `year` may be reviewed.
struct ReviewWindow {
  RuleDate opens;
  RuleDate closes;
};
std::optional<ReviewWindow> review_window(const RuleSet& rules, int year, Stage stage);
// Whether a member who is not a head is refused while a head has not recorded (else warned).
bool heads_first_refuses(const RuleSet& rules, int year);

// Every problem of a plan as submitted on `today` (fields: year, kind, items, items[i].content,
// items[i].measure, items[i].due_on).
std::vector<FieldError> check_plan(const PlanDraft& draft, Date today);

// A review of `stage` of `plan` on `today`: the window, the stages' order, one assessment of
// each item. Conflicts (already reviewed, a later stage done) are returned as `conflict`.
struct ReviewCheck {
  std::vector<FieldError> errors;
  std::string conflict;  // "already_reviewed", "year_end_reviewed" (no mid-year after it)
  Params conflict_params;
};
ReviewCheck check_review(const Plan& plan, Stage stage, const std::vector<ItemAssessment>& items,
                         const std::string& comment, Date today, const RuleSet& rules);

// Heads first: among `heads`, those who have not recorded (`recorded` holds the members who
// have), in the order given.
std::vector<MemberId> heads_missing(const std::vector<MemberId>& heads,
                                    const std::vector<MemberId>& recorded);

}  // namespace chibo::domain::plans
