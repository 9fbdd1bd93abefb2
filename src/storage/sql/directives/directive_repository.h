// Directives, their tasks, assignments, reports, studies and the roll-up, on SOCI (SQLite and
// PostgreSQL). Fan-out inserts and roll-up adjustments are multi-row statements in batches.
#pragma once

#include <soci/soci.h>

#include "app/ports/directives.h"
#include "storage/sql/engine/bindings.h"

namespace chibo::storage {

class SqlDirectiveRepository : public app::DirectiveRepository {
 public:
  explicit SqlDirectiveRepository(soci::session& session) : session_(session) {}

  void insert(app::Directive& directive) override;
  std::optional<app::Directive> find(int64_t id) override;
  app::DirectivePage page(const app::DirectiveQuery& query) override;
  bool assigned_within(int64_t directive_id, const std::vector<OrgPath>& within) override;

  void insert_tasks(std::vector<app::DirectiveTask>& tasks) override;
  std::vector<app::DirectiveTask> tasks_of(int64_t directive_id) override;

  std::vector<app::TargetCandidate> orgs_of_kind(const OrgPath& subtree,
                                                 const std::string& kind) override;
  int64_t count_orgs_of_kind(const OrgPath& subtree, const std::string& kind) override;
  std::vector<app::TargetCandidate> orgs_of_kind_after(const OrgPath& subtree,
                                                       const std::string& kind,
                                                       const std::string& after,
                                                       int limit) override;
  std::vector<std::tuple<int64_t, OrgId, MemberId>> existing_targets_in(
      const std::vector<int64_t>& task_ids, const std::vector<OrgId>& org_ids) override;

  std::vector<std::tuple<int64_t, OrgId, MemberId>> existing_targets(
      const std::vector<int64_t>& task_ids) override;
  void insert_assignments(std::vector<app::Assignment>& assignments) override;
  std::optional<app::Assignment> find_assignment(int64_t id) override;
  app::AssignmentPage assignments(const app::AssignmentQuery& query) override;
  bool update_assignment(app::Assignment& assignment, const app::Assignment& before) override;
  domain::RollupCounts child_counts(int64_t parent_id) override;
  std::vector<app::Assignment> mark_overdue(Date as_of, const std::optional<OrgPath>& subtree,
                                            int limit) override;

  void insert_report(app::AssignmentReport& report) override;
  std::vector<app::AssignmentReport> reports_of(int64_t assignment_id) override;
  void update_review(const app::AssignmentReport& report) override;

  std::optional<app::DirectiveStudy> find_study(int64_t directive_id, OrgId org) override;
  void insert_study(app::DirectiveStudy& study) override;
  bool update_study(app::DirectiveStudy& study, const app::DirectiveStudy& before) override;
  std::vector<app::DirectiveStudy> studies_in(int64_t directive_id,
                                              const OrgPath& subtree) override;

  void insert_task_periods(int64_t task_id,
                           const std::vector<domain::ReportPeriod>& periods) override;
  std::vector<domain::ReportPeriod> task_periods(int64_t task_id) override;
  int64_t mark_period_overdue(Date as_of, const std::optional<OrgPath>& subtree) override;
  void clear_period_overdue(int64_t assignment_id, const std::string& period) override;
  int64_t period_overdue_count(int64_t directive_id, const OrgPath& subtree) override;
  std::vector<app::DuePeriodReport> due_period_reports(Date until, int limit) override;

  void insert_fanout(app::DirectiveFanout& fanout) override;
  std::optional<app::DirectiveFanout> find_fanout(int64_t id) override;
  std::vector<app::DirectiveFanout> fanouts_of(int64_t directive_id, int limit) override;
  bool update_fanout(const app::DirectiveFanout& fanout, int64_t before_batches) override;

  void adjust_rollup(int64_t directive_id,
                     const std::map<OrgId, domain::RollupCounts>& deltas) override;
  std::map<OrgId, domain::RollupCounts> rollup(int64_t directive_id,
                                               const std::vector<OrgId>& orgs) override;

 private:
  std::vector<app::Directive> select_directives(const std::string& where_and_order,
                                                Bindings& bindings);
  std::vector<app::Assignment> select_assignments(const std::string& where_and_order,
                                                  Bindings& bindings);
  std::vector<app::DirectiveStudy> select_studies(const std::string& where_and_order,
                                                  Bindings& bindings);
  soci::session& session_;
};

}  // namespace chibo::storage
