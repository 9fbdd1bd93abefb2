// Use cases of personal action plans and commitments (issue 13): the signed-in member records
// and edits their plan of a year until the cell first reviews it; the cell's heads (secretary,
// deputy, committee members in the running term) record first: the others are warned while a
// head has not (refused when rules/plans.toml says so); the cell's list shows who has and has
// not recorded, heads first; the secretary (plan.review) reviews each plan mid-year and at year
// end, within the windows of the rules, with an assessment per item. Reading a member's plans
// follows member.read (a member reads their own); the annual review reads them through
// get_member_plans.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/plans/plan.h"

namespace chibo::app {

using domain::plans::ItemAssessment;
using domain::plans::PlanItem;
using domain::plans::RuleDate;

struct PlanRequest {
  int year = 0;  // the year of a new plan (ignored by an edit)
  std::string kind;
  std::vector<PlanItem> items;
  int64_t version = 0;  // an edit's: the version read
};

struct ReviewRequest {
  std::string stage;
  std::string comment;
  std::vector<ItemAssessment> items;
};

// One of a cell's heads on a day: a seat of the running term's committee.
struct PlanHead {
  MemberId member_id;
  std::string full_name;
  std::string position;  // committee_positions.tsv code
};

struct PlanView {
  Plan plan;
  std::string member_name;
  std::string org_name;
  std::optional<RuleDate> due;  // the member's deadline that year
  bool late = false;            // first recorded after it
  bool may_edit = false;        // the owner, before the first review
  bool may_review = false;
  std::vector<PlanHead> heads_missing;  // when the member is not a head: heads yet to record
};

// The signed-in member's plan of a year, or what they are to record.
struct MyPlan {
  MemberId member_id;
  std::string member_name;
  OrgId org_id;
  std::string org_name;
  int year = 0;
  bool head = false;
  std::optional<RuleDate> due;
  std::optional<PlanView> plan;
  std::vector<PlanHead> heads_missing;
};

struct MemberPlans {
  MemberId member_id;
  std::string member_name;
  std::vector<PlanView> items;  // newest year first
};

struct PlanRosterLine {
  MemberId member_id;
  std::string full_name;
  std::string position;  // "" when not a head
  std::optional<Plan> plan;
  bool late = false;  // recorded after the due date, or not yet recorded and it has passed
};

struct CellPlans {
  domain::Organization org;
  int year = 0;
  std::optional<RuleDate> heads_due, members_due;
  std::optional<domain::plans::ReviewWindow> mid_year, year_end;
  std::vector<PlanRosterLine> lines;  // heads first (secretary, deputy, members), then name order
  int64_t recorded = 0;
  int64_t not_recorded = 0;
  int64_t heads_not_recorded = 0;
  int64_t reviewed_mid_year = 0;
  int64_t reviewed_year_end = 0;
  bool may_review = false;
};

Result<MyPlan> get_my_plan(Context& ctx, int year);
Result<PlanView> record_my_plan(Context& ctx, const PlanRequest& request);
Result<PlanView> update_plan(Context& ctx, int64_t id, const PlanRequest& request);
Result<PlanView> get_plan(Context& ctx, int64_t id);
Result<PlanView> review_plan(Context& ctx, int64_t id, const ReviewRequest& request);
Result<MemberPlans> get_member_plans(Context& ctx, MemberId member, std::optional<int> year);
Result<CellPlans> get_cell_plans(Context& ctx, OrgId cell, int year);

}  // namespace chibo::app
