#include "domain/plans/plan.h"

#include <algorithm>

namespace chibo::domain::plans {

namespace plan_rules {

const char* const kKinds[] = {"plan", "commitment"};
const char* const kAssessments[] = {"done", "partly", "not_done"};

template <size_t N>
bool one_of(const char* const (&codes)[N], const std::string& value) {
  return std::any_of(std::begin(codes), std::end(codes),
                     [&](const char* code) { return value == code; });
}

std::optional<RuleDate> rule_date(const RuleSet& rules, const std::string& key, int year) {
  const std::optional<Date> first = Date::from_ymd(year, 1, 1);
  if (!first) return std::nullopt;
  const RuleParameter* p = rules.in_force(key, *first);
  if (!p || p->values.size() != 3) return std::nullopt;
  const int y = year + static_cast<int>(p->values[0]);
  const int month = static_cast<int>(p->values[1]);
  // The last day of the month when the rule names a day it lacks (29/2 in a common year).
  if (month < 1 || month > 12) return std::nullopt;
  const int day = std::min(static_cast<int>(p->values[2]), days_in_month(y, month));
  const std::optional<Date> on = Date::from_ymd(y, month, day);
  if (!on) return std::nullopt;
  return RuleDate{*on, key, p->source};
}

// Characters (code points) of UTF-8 text: the limits count what a person typed, not bytes.
size_t plan_chars(const std::string& text) {
  size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string item_field(size_t i, const char* name) {
  return "items[" + std::to_string(i) + "]." + name;
}

}  // namespace plan_rules

using namespace plan_rules;

std::optional<Stage> parse_stage(std::string_view code) {
  if (code == "mid_year") return Stage::kMidYear;
  if (code == "year_end") return Stage::kYearEnd;
  return std::nullopt;
}

std::string_view stage_code(Stage stage) {
  return stage == Stage::kMidYear ? "mid_year" : "year_end";
}

const PlanReview* Plan::review(Stage stage) const {
  for (const PlanReview& r : reviews) {
    if (r.stage == stage_code(stage)) return &r;
  }
  return nullptr;
}

std::string Plan::status() const {
  if (review(Stage::kYearEnd)) return "year_end_reviewed";
  if (review(Stage::kMidYear)) return "mid_year_reviewed";
  return "recorded";
}

std::optional<RuleDate> due_date(const RuleSet& rules, int year, bool head) {
  return rule_date(rules, head ? "plans.heads_due" : "plans.members_due", year);
}

std::optional<ReviewWindow> review_window(const RuleSet& rules, int year, Stage stage) {
  const std::string prefix =
      stage == Stage::kMidYear ? "plans.mid_year_review_" : "plans.year_end_review_";
  std::optional<RuleDate> opens = rule_date(rules, prefix + "opens", year);
  std::optional<RuleDate> closes = rule_date(rules, prefix + "closes", year);
  if (!opens || !closes) return std::nullopt;
  return ReviewWindow{std::move(*opens), std::move(*closes)};
}

bool heads_first_refuses(const RuleSet& rules, int year) {
  const std::optional<Date> first = Date::from_ymd(year, 1, 1);
  const RuleParameter* p = first ? rules.in_force("plans.heads_first_refuses", *first) : nullptr;
  return p && p->value != 0;
}

std::vector<FieldError> check_plan(const PlanDraft& draft, Date today) {
  std::vector<FieldError> errors;
  const int low = today.year() - kYearsBack;
  const int high = today.year() + kYearsAhead;
  const bool year_ok = draft.year >= low && draft.year <= high;
  if (!year_ok) {
    errors.push_back(
        {"year", "out_of_range", {{"min", std::to_string(low)}, {"max", std::to_string(high)}}});
  }
  if (draft.kind.empty()) {
    errors.push_back({"kind", "required", {}});
  } else if (!one_of(kKinds, draft.kind)) {
    errors.push_back({"kind", "unknown_code", {}});
  }
  if (draft.items.empty()) {
    errors.push_back({"items", "required", {}});
  } else if (draft.items.size() > kMaxItems) {
    errors.push_back({"items", "too_many", {{"max", std::to_string(kMaxItems)}}});
  }
  for (size_t i = 0; i < draft.items.size() && i < kMaxItems; ++i) {
    const PlanItem& item = draft.items[i];
    if (item.content.empty()) errors.push_back({item_field(i, "content"), "required", {}});
    if (plan_chars(item.content) > kContentChars) {
      errors.push_back(
          {item_field(i, "content"), "too_long", {{"max", std::to_string(kContentChars)}}});
    }
    if (item.measure.empty()) errors.push_back({item_field(i, "measure"), "required", {}});
    if (plan_chars(item.measure) > kMeasureChars) {
      errors.push_back(
          {item_field(i, "measure"), "too_long", {{"max", std::to_string(kMeasureChars)}}});
    }
    if (item.due_on && year_ok && item.due_on->year() != draft.year) {
      errors.push_back(
          {item_field(i, "due_on"), "outside_year", {{"year", std::to_string(draft.year)}}});
    }
  }
  return errors;
}

ReviewCheck check_review(const Plan& plan, Stage stage, const std::vector<ItemAssessment>& items,
                         const std::string& comment, Date today, const RuleSet& rules) {
  ReviewCheck check;
  if (plan.review(stage)) {
    check.conflict = "already_reviewed";
    check.conflict_params = {{"stage", std::string(stage_code(stage))}};
    return check;
  }
  if (stage == Stage::kMidYear && plan.review(Stage::kYearEnd)) {
    check.conflict = "year_end_reviewed";
    return check;
  }
  const std::optional<ReviewWindow> window = review_window(rules, plan.year, stage);
  if (!window) {
    check.errors.push_back({"stage", "no_review_window", {{"year", std::to_string(plan.year)}}});
  } else if (today < window->opens.on || window->closes.on < today) {
    check.errors.push_back({"stage",
                            "outside_window",
                            {{"opens", window->opens.on.iso()},
                             {"closes", window->closes.on.iso()},
                             {"rule", window->opens.key}}});
  }
  if (plan_chars(comment) > kCommentChars)
    check.errors.push_back({"comment", "too_long", {{"max", std::to_string(kCommentChars)}}});
  std::vector<int64_t> seen;
  for (size_t i = 0; i < items.size(); ++i) {
    const ItemAssessment& a = items[i];
    const bool known = std::any_of(plan.items.begin(), plan.items.end(),
                                   [&](const PlanItem& p) { return p.id == a.item_id; });
    if (!known) {
      check.errors.push_back({item_field(i, "item_id"), "unknown_item", {}});
    } else if (std::find(seen.begin(), seen.end(), a.item_id) != seen.end()) {
      check.errors.push_back({item_field(i, "item_id"), "duplicate_item", {}});
    }
    seen.push_back(a.item_id);
    if (a.assessment.empty()) {
      check.errors.push_back({item_field(i, "assessment"), "required", {}});
    } else if (!one_of(kAssessments, a.assessment)) {
      check.errors.push_back({item_field(i, "assessment"), "unknown_code", {}});
    }
    if (plan_chars(a.comment) > kCommentChars) {
      check.errors.push_back(
          {item_field(i, "comment"), "too_long", {{"max", std::to_string(kCommentChars)}}});
    }
  }
  for (const PlanItem& p : plan.items) {
    if (std::find(seen.begin(), seen.end(), p.id) == seen.end()) {
      check.errors.push_back({"items", "assessment_missing", {{"item_id", std::to_string(p.id)}}});
      break;
    }
  }
  return check;
}

std::vector<MemberId> heads_missing(const std::vector<MemberId>& heads,
                                    const std::vector<MemberId>& recorded) {
  std::vector<MemberId> missing;
  for (const MemberId& head : heads) {
    if (std::find(recorded.begin(), recorded.end(), head) == recorded.end())
      missing.push_back(head);
  }
  return missing;
}

}  // namespace chibo::domain::plans
