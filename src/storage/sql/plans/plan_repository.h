// Personal plans, their items and reviews, on SOCI (SQLite and PostgreSQL).
#pragma once

#include <soci/soci.h>

#include <string>

#include "app/ports/plans.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlPlanRepository : public app::PlanRepository {
 public:
  explicit SqlPlanRepository(soci::session& session) : session_(session) {}

  std::optional<app::Plan> find(int64_t id) override;
  std::optional<app::Plan> find_of(MemberId member, int year) override;
  std::vector<app::Plan> of_member(MemberId member, std::optional<int> year) override;
  std::vector<app::Plan> of_members(const std::vector<MemberId>& members, int year) override;
  void insert(app::Plan& plan) override;
  bool update(app::Plan& plan) override;
  void insert_review(int64_t plan_id, app::PlanReview& review) override;

 private:
  // Plans matching `where` (with `bindings`), in `order`, with their items and reviews.
  std::vector<app::Plan> select_plans(const std::string& where, Bindings& bindings,
                                      const std::string& order);
  void insert_items(app::Plan& plan);
  soci::session& session_;
};

}  // namespace chibo::storage
