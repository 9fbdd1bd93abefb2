#include "storage/sql/plans/plan_repository.h"

#include <map>

#include "storage/sql/engine/row_values.h"
#include "storage/sql/engine/statement.h"

namespace chibo::storage {

using app::Plan;
using app::PlanReview;
using domain::plans::ItemAssessment;
using domain::plans::PlanItem;

namespace plan_rows {

// Keeps an IN list's statement short.
constexpr size_t kPlanChunk = 500;

}  // namespace plan_rows

std::vector<Plan> SqlPlanRepository::select_plans(const std::string& where, Bindings& bindings,
                                                  const std::string& order) {
  std::vector<Plan> plans;
  RowReader row(6, 6);
  select_rows(session_,
              "SELECT org_path, kind, recorded_on, created_at, updated_at, created_by, id, "
              "member_id, org_id, year, head, version FROM plans WHERE " +
                  where + " ORDER BY " + order,
              bindings, row, [&] {
                Plan p;
                p.org_path = OrgPath::parse(row.text(0)).value_or(OrgPath());
                p.kind = row.text(1);
                p.recorded_on = row.date(2).value_or(Date());
                p.created_at = row.text(3);
                p.updated_at = row.text(4);
                p.created_by = row.text(5);
                p.id = row.number(0);
                p.member_id = MemberId(row.number(1));
                p.org_id = OrgId(row.number(2));
                p.year = static_cast<int>(row.number(3));
                p.head = row.number(4) != 0;
                p.version = row.number(5);
                plans.push_back(std::move(p));
              });
  std::map<int64_t, Plan*> by_id;
  for (Plan& p : plans) by_id[p.id] = &p;
  for (size_t from = 0; from < plans.size(); from += plan_rows::kPlanChunk) {
    std::vector<long long> ids;
    for (size_t i = from; i < plans.size() && i < from + plan_rows::kPlanChunk; ++i)
      ids.push_back(plans[i].id);
    {
      Bindings b;
      RowReader item(3, 2);
      select_rows(session_,
                  "SELECT content, measure, due_on, id, plan_id FROM plan_items WHERE plan_id IN " +
                      b.number_list(ids) + " ORDER BY plan_id, position",
                  b, item, [&] {
                    PlanItem it;
                    it.content = item.text(0);
                    it.measure = item.text(1);
                    it.due_on = item.date(2);
                    it.id = item.number(0);
                    by_id.at(item.number(1))->items.push_back(std::move(it));
                  });
    }
    std::map<int64_t, std::pair<int64_t, size_t>> reviews;  // review id -> plan, index
    {
      Bindings b;
      RowReader r(5, 2);
      select_rows(session_,
                  "SELECT stage, reviewed_on, comment, reviewer, created_at, id, plan_id "
                  "FROM plan_reviews WHERE plan_id IN " +
                      b.number_list(ids) + " ORDER BY plan_id, reviewed_on, id",
                  b, r, [&] {
                    PlanReview review;
                    review.stage = r.text(0);
                    review.reviewed_on = r.date(1).value_or(Date());
                    review.comment = r.text(2);
                    review.reviewer = r.text(3);
                    review.created_at = r.text(4);
                    review.id = r.number(0);
                    Plan* plan = by_id.at(r.number(1));
                    reviews[review.id] = {plan->id, plan->reviews.size()};
                    plan->reviews.push_back(std::move(review));
                  });
    }
    if (reviews.empty()) continue;
    std::vector<long long> review_ids;
    for (const auto& [id, where_at] : reviews) review_ids.push_back(id);
    Bindings b;
    RowReader a(2, 2);
    select_rows(session_,
                "SELECT a.assessment, a.comment, a.review_id, a.item_id FROM plan_assessments a "
                "JOIN plan_items i ON i.id = a.item_id WHERE a.review_id IN " +
                    b.number_list(review_ids) + " ORDER BY a.review_id, i.position",
                b, a, [&] {
                  const auto& [plan_id, index] = reviews.at(a.number(0));
                  by_id.at(plan_id)->reviews[index].items.push_back(
                      ItemAssessment{a.number(1), a.text(0), a.text(1)});
                });
  }
  return plans;
}

std::optional<Plan> SqlPlanRepository::find(int64_t id) {
  Bindings bindings;
  auto found = select_plans("id = " + bindings.number(id), bindings, "id");
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<Plan> SqlPlanRepository::find_of(MemberId member, int year) {
  Bindings bindings;
  auto found = select_plans(
      "member_id = " + bindings.number(member.value) + " AND year = " + bindings.number(year),
      bindings, "id");
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Plan> SqlPlanRepository::of_member(MemberId member, std::optional<int> year) {
  Bindings bindings;
  std::string where = "member_id = " + bindings.number(member.value);
  if (year) where += " AND year = " + bindings.number(*year);
  return select_plans(where, bindings, "year DESC");
}

std::vector<Plan> SqlPlanRepository::of_members(const std::vector<MemberId>& members, int year) {
  std::vector<Plan> plans;
  for (size_t from = 0; from < members.size(); from += plan_rows::kPlanChunk) {
    std::vector<long long> ids;
    for (size_t i = from; i < members.size() && i < from + plan_rows::kPlanChunk; ++i)
      ids.push_back(members[i].value);
    Bindings bindings;
    const std::string where =
        "year = " + bindings.number(year) + " AND member_id IN " + bindings.number_list(ids);
    for (Plan& p : select_plans(where, bindings, "id")) plans.push_back(std::move(p));
  }
  return plans;
}

void SqlPlanRepository::insert_items(Plan& plan) {
  for (size_t i = 0; i < plan.items.size(); ++i) {
    PlanItem& item = plan.items[i];
    RowValues values;
    values.number("plan_id", plan.id)
        .number("position", static_cast<long long>(i))
        .text("content", item.content)
        .text("measure", item.measure)
        .date("due_on", item.due_on);
    item.id = insert_returning_id(session_, "plan_items", values);
  }
}

void SqlPlanRepository::insert(Plan& plan) {
  plan.version = 1;
  RowValues values;
  values.number("member_id", plan.member_id.value)
      .number("org_id", plan.org_id.value)
      .text("org_path", plan.org_path.str())
      .number("year", plan.year)
      .text("kind", plan.kind)
      .number("head", plan.head ? 1 : 0)
      .date("recorded_on", plan.recorded_on)
      .number("version", plan.version)
      .text("created_at", plan.created_at)
      .text("updated_at", plan.updated_at)
      .text("created_by", plan.created_by);
  plan.id = insert_returning_id(session_, "plans", values);
  insert_items(plan);
}

bool SqlPlanRepository::update(Plan& plan) {
  RowValues values;
  values.text("kind", plan.kind)
      .number("head", plan.head ? 1 : 0)
      .number("version", plan.version + 1)
      .text("updated_at", plan.updated_at);
  Bindings where;
  const long long changed = update_rows(
      session_, "plans", values,
      "id = " + where.number(plan.id) + " AND version = " + where.number(plan.version), where);
  if (changed != 1) return false;
  ++plan.version;
  long long id = plan.id;
  session_ << "DELETE FROM plan_items WHERE plan_id = :id", soci::use(id, "id");
  insert_items(plan);
  return true;
}

void SqlPlanRepository::insert_review(int64_t plan_id, PlanReview& review) {
  RowValues values;
  values.number("plan_id", plan_id)
      .text("stage", review.stage)
      .date("reviewed_on", review.reviewed_on)
      .text("comment", review.comment)
      .text("reviewer", review.reviewer)
      .text("created_at", review.created_at);
  review.id = insert_returning_id(session_, "plan_reviews", values);
  for (const ItemAssessment& a : review.items) {
    RowValues row;
    row.number("review_id", review.id)
        .number("item_id", a.item_id)
        .text("assessment", a.assessment)
        .text("comment", a.comment);
    soci::statement statement(session_);
    row.attach(statement);
    prepare_unnamed(statement, row.insert_sql("plan_assessments"));
    statement.execute(true);
  }
}

}  // namespace chibo::storage
