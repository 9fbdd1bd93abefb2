// What the directives cascade (issue 13) needs from storage, inside the transactions of
// app/ports/store.h. The roll-up (directive_rollup) is adjusted by the use cases through
// adjust_rollup in the same transaction as each change they make.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/date.h"
#include "core/ids.h"
#include "core/org_path.h"
#include "domain/directives/assignment_state.h"
#include "domain/directives/report_schedule.h"
#include "domain/directives/rollup.h"

namespace chibo::app {

struct Directive {
  int64_t id = 0;
  OrgId org_id;
  OrgPath org_path;
  std::string kind;  // resolution, directive, conclusion, plan, programme, higher_document
  std::string title;
  int64_t document_id = 0;  // 0: none (number_symbol as text)
  std::string number_symbol;
  Date issued_on;
  std::string summary;
  int64_t version = 0;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  int64_t task_count = 0;   // read only
  std::string search_text;  // title and number folded (text::fold), for the list's `q`
};

struct DirectiveTask {
  int64_t id = 0;
  int64_t directive_id = 0;
  int position = 0;
  std::string title;
  std::string description;
  Date due_on;
  std::optional<int> due_working_days;
  std::string created_at;
  // Scheduled periodic reports (none: only the assignment's own report); the periods are
  // stored with the task (task_periods), the final report's is the assignment's due date.
  std::optional<domain::ReportSchedule> report_schedule;
  std::vector<domain::ReportPeriod> periods;  // of the schedule, the final report last
};

struct Assignment {
  int64_t id = 0;
  int64_t directive_id = 0;
  int64_t task_id = 0;
  int64_t parent_id = 0;  // 0: assigned by the issuer
  OrgId assigner_org_id;
  OrgPath assigner_path;
  OrgId org_id;  // receiving organization (a member's: the member's organization)
  OrgPath org_path;
  MemberId member_id;  // invalid: the organization itself
  domain::AssignmentState state = domain::AssignmentState::kAssigned;
  Date due_on;
  bool overdue = false;  // marked overdue (counted in the roll-up)
  std::string note;
  int64_t plan_document_id = 0;
  std::string plan_number;
  int64_t version = 0;
  std::string created_at;
  std::string updated_at;
  // Read with the row (joins), for lists: not stored here.
  std::string directive_title;
  std::string number_symbol;
  std::string task_title;
  std::string org_name, org_kind, assigner_name, assigner_kind, member_name;
};

struct AssignmentReport {
  int64_t id = 0;
  int64_t assignment_id = 0;
  std::string body;
  std::string figures;  // JSON array of {label, value, unit}
  int64_t document_id = 0;
  std::string attachment_note;
  std::string submitted_by;
  std::string submitted_at;
  std::string review = "pending";  // pending, accepted, returned
  std::string review_comment;
  std::string reviewed_by;
  std::string reviewed_at;
  std::string period;  // "2027-Q1" ..., "final"; "": the assignment's own report (no schedule)
};

// A scheduled period report near or past its due date, not accepted, of an open assignment
// (for the reminder ladder).
struct DuePeriodReport {
  int64_t assignment_id = 0;
  int64_t directive_id = 0;
  OrgId org_id;
  std::string period;
  Date due_on;
  std::string directive_title, task_title, number_symbol;
};

struct DirectiveStudy {
  int64_t id = 0;
  int64_t directive_id = 0;
  OrgId org_id;
  OrgPath org_path;
  Date held_on;
  int64_t attendees = 0;
  int64_t members = 0;
  std::string note;
  int64_t version = 0;
  std::string created_at;
  std::string updated_at;
  std::string org_name, org_kind;  // read only
};

struct DirectiveQuery {
  std::vector<OrgPath> within;  // issued in, or assigned into, these subtrees (empty: anywhere)
  std::optional<OrgPath> subtree;
  std::string kind;
  std::string q;            // folded words, each matched in the folded title and number
  std::optional<int> year;  // issued in this year
  // "open": some assignment not accepted yet (or none made); "done": every assignment
  // accepted; "overdue": some assignment counted overdue. Empty: any.
  std::string status;
  int64_t offset = 0;
  int limit = 50;
};

struct DirectivePage {
  std::vector<Directive> items;
  int64_t total = 0;
};

struct AssignmentQuery {
  int64_t directive_id = 0;
  int64_t task_id = 0;
  std::optional<OrgPath> subtree;  // receiving organization in this subtree
  std::vector<OrgPath> within;     // and in one of these subtrees (empty: no such limit)
  OrgId org_id;                    // received by exactly this organization
  OrgId assigner_org_id;           // given by exactly this organization
  std::optional<domain::AssignmentState> state;
  std::optional<Date> overdue_on;  // not accepted and due before this day
  std::optional<Date> due_until;   // not accepted and due on or before this day
  bool by_due = false;             // order by due date (else by tree order)
  int64_t offset = 0;
  int limit = 50;
};

struct AssignmentPage {
  std::vector<Assignment> items;
  int64_t total = 0;
};

// A fan-out done in the background (issue 13: a directive to every cell of the country): what
// to assign, and how far the job got. The job works through the targets in path order after
// cursor_path, one batch per transaction.
struct DirectiveFanout {
  int64_t id = 0;
  int64_t directive_id = 0;
  int64_t parent_id = 0;  // 0: assigned by the issuer
  OrgId assigner_org_id;
  std::vector<std::pair<int64_t, Date>> tasks;  // task and due date
  std::string target_mode;                      // children, kind, orgs
  std::string target_kind;
  std::vector<OrgId> target_orgs;
  std::string note;
  int64_t plan_document_id = 0;
  std::string plan_number;
  std::string state = "running";  // running, done
  int64_t total = 0;              // assignments to consider (targets x tasks)
  int64_t done = 0;               // considered so far
  int64_t created = 0;
  int64_t skipped = 0;
  int64_t batches = 0;
  std::string cursor_path;  // the last target done ("" : none yet)
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  std::string finished_at;
};

// An organization the fan-out may reach.
struct TargetCandidate {
  OrgId id;
  OrgPath path;
  bool active = true;
};

class DirectiveRepository {
 public:
  virtual ~DirectiveRepository() = default;

  virtual void insert(Directive& directive) = 0;
  virtual std::optional<Directive> find(int64_t id) = 0;
  virtual DirectivePage page(const DirectiveQuery& query) = 0;
  // Whether the directive has an assignment received inside one of `within`.
  virtual bool assigned_within(int64_t directive_id, const std::vector<OrgPath>& within) = 0;

  virtual void insert_tasks(std::vector<DirectiveTask>& tasks) = 0;
  virtual std::vector<DirectiveTask> tasks_of(int64_t directive_id) = 0;

  // Active organizations of `kind` strictly inside `subtree`, in path order.
  virtual std::vector<TargetCandidate> orgs_of_kind(const OrgPath& subtree,
                                                    const std::string& kind) = 0;
  // How many there are; and the next `limit` of them after the path `after` ("" : from the
  // first), in path order (the background fan-out's pages).
  virtual int64_t count_orgs_of_kind(const OrgPath& subtree, const std::string& kind) = 0;
  virtual std::vector<TargetCandidate> orgs_of_kind_after(const OrgPath& subtree,
                                                          const std::string& kind,
                                                          const std::string& after, int limit) = 0;

  // The (task, organization, member) targets that already have an assignment, of `task_ids`.
  virtual std::vector<std::tuple<int64_t, OrgId, MemberId>> existing_targets(
      const std::vector<int64_t>& task_ids) = 0;
  // The same, only for the organizations `org_ids` (a page of a background fan-out).
  virtual std::vector<std::tuple<int64_t, OrgId, MemberId>> existing_targets_in(
      const std::vector<int64_t>& task_ids, const std::vector<OrgId>& org_ids) = 0;
  // Inserts in batches (multi-row statements) and fills each id and version.
  virtual void insert_assignments(std::vector<Assignment>& assignments) = 0;
  virtual std::optional<Assignment> find_assignment(int64_t id) = 0;
  virtual AssignmentPage assignments(const AssignmentQuery& query) = 0;
  // Saves state, overdue and timestamps when the stored version is before.version; bumps it.
  virtual bool update_assignment(Assignment& assignment, const Assignment& before) = 0;
  // Counts by state of the assignments passed down from `parent_id`.
  virtual domain::RollupCounts child_counts(int64_t parent_id) = 0;
  // Sets the overdue flag of the given (open, unmarked) assignments; returns them as marked.
  virtual std::vector<Assignment> mark_overdue(Date as_of, const std::optional<OrgPath>& subtree,
                                               int limit) = 0;

  virtual void insert_report(AssignmentReport& report) = 0;
  virtual std::vector<AssignmentReport> reports_of(int64_t assignment_id) = 0;  // newest first
  virtual void update_review(const AssignmentReport& report) = 0;

  virtual std::optional<DirectiveStudy> find_study(int64_t directive_id, OrgId org) = 0;
  virtual void insert_study(DirectiveStudy& study) = 0;
  virtual bool update_study(DirectiveStudy& study, const DirectiveStudy& before) = 0;
  virtual std::vector<DirectiveStudy> studies_in(int64_t directive_id, const OrgPath& subtree) = 0;

  // Scheduled period reports (migration 0024): a task's periods (without the final report),
  // the overdue marks of period reports and the open ones near their due date.
  virtual void insert_task_periods(int64_t task_id,
                                   const std::vector<domain::ReportPeriod>& periods) = 0;
  virtual std::vector<domain::ReportPeriod> task_periods(int64_t task_id) = 0;
  // Marks, as of `as_of`, the period reports past their due date (and not after the
  // assignment's) without an accepted report, of assignments not accepted; returns how many.
  virtual int64_t mark_period_overdue(Date as_of, const std::optional<OrgPath>& subtree) = 0;
  virtual void clear_period_overdue(int64_t assignment_id, const std::string& period) = 0;
  // Marked overdue period reports of a directive in a subtree.
  virtual int64_t period_overdue_count(int64_t directive_id, const OrgPath& subtree) = 0;
  virtual std::vector<DuePeriodReport> due_period_reports(Date until, int limit) = 0;

  // Background fan-outs.
  virtual void insert_fanout(DirectiveFanout& fanout) = 0;
  virtual std::optional<DirectiveFanout> find_fanout(int64_t id) = 0;
  virtual std::vector<DirectiveFanout> fanouts_of(int64_t directive_id, int limit) = 0;  // newest
  // Saves the progress when the stored row is still at `before_batches` batches; false else.
  virtual bool update_fanout(const DirectiveFanout& fanout, int64_t before_batches) = 0;

  // Adds `delta` to the roll-up row of (directive, org) for each of `deltas`.
  virtual void adjust_rollup(int64_t directive_id,
                             const std::map<OrgId, domain::RollupCounts>& deltas) = 0;
  virtual std::map<OrgId, domain::RollupCounts> rollup(int64_t directive_id,
                                                       const std::vector<OrgId>& orgs) = 0;
};

}  // namespace chibo::app
