// What the personal plans use cases (issue 13) need from storage, inside the transactions of
// app/ports/store.h. A plan's status is derived from its reviews, never stored.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/ids.h"
#include "core/org_path.h"
#include "domain/plans/plan.h"

namespace chibo::app {

using domain::plans::Plan;
using domain::plans::PlanReview;

class PlanRepository {
 public:
  virtual ~PlanRepository() = default;
  // A plan with its items (in order) and reviews (mid-year first).
  virtual std::optional<Plan> find(int64_t id) = 0;
  virtual std::optional<Plan> find_of(MemberId member, int year) = 0;
  // A member's plans, newest year first (only `year`'s when given).
  virtual std::vector<Plan> of_member(MemberId member, std::optional<int> year) = 0;
  // The plans of `year` of `members` (a cell's roster).
  virtual std::vector<Plan> of_members(const std::vector<MemberId>& members, int year) = 0;
  // Inserts the plan and its items; fills their ids and version 1.
  virtual void insert(Plan& plan) = 0;
  // Saves kind and items (replacing them) when the stored version is `plan.version`; bumps it.
  // False on a stale version.
  virtual bool update(Plan& plan) = 0;
  virtual void insert_review(int64_t plan_id, PlanReview& review) = 0;
};

}  // namespace chibo::app
