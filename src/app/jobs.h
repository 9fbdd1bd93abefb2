// The background job runner (issue 13, follow-up). Jobs are rows of the jobs table: one run of
// a kind per day for the daily kinds ("reminders", "overdue"), one continuous run for "mail".
// Any number of chibo processes on one database run them: a process claims a run with a lease
// (app/ports/jobs.h JobRepository::claim), works through its steps in batches, and renews the
// lease with every batch. Each batch is ONE write transaction holding the steps' effects, their
// done marks (job_steps) and the lease renewal: a process killed mid-batch leaves nothing of
// the batch, a step once committed is never run again, and a run whose lease ended (its
// process died) is taken over by another process. Time comes from the Clock port; `chibo
// serve` calls run_due_jobs from a thread, tests call it directly.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "app/context.h"

namespace chibo::app {

inline constexpr const char* kJobReminders = "reminders";
inline constexpr const char* kJobOverdue = "overdue";
inline constexpr const char* kJobMail = "mail";
// A kind for the fault tests only (--test-job-steps): N countable steps a day.
inline constexpr const char* kJobTestCount = "test_count";

// kOnDemand: the runner schedules no run of its own; a use case adds one (a row of the jobs
// table, in its own transaction) when there is work, and the runner takes it like any other.
enum class JobSchedule { kDaily, kContinuous, kOnDemand };

class JobKind {
 public:
  virtual ~JobKind() = default;
  virtual std::string kind() const = 0;
  virtual JobSchedule schedule() const = 0;
  // False: the kind does not run (mail without an SMTP server).
  virtual bool enabled() const { return true; }
  // Does up to `limit` of the run's remaining steps in `ctx`'s transaction, each step's effect
  // with its done mark (ctx.tx.jobs().mark_step: a step already marked is skipped). Returns
  // how many it did; 0 when none is left (the run is then done).
  virtual Result<int> run_steps(Context& ctx, const JobRow& job, int limit) = 0;
  // After a batch committed: the mail kind sends what the batch claimed.
  virtual Status after_commit(Services&) { return Ok(); }
  // Steps waiting (the mail queue's unsent mails); -1: not known before running.
  virtual int64_t pending(Transaction&) { return -1; }
};

struct JobRunnerOptions {
  std::string owner;        // this process, unique among the processes ("host:pid:random")
  int lease_seconds = 120;  // a run whose holder stops renewing is free again after this
  int batch_steps = 50;     // steps per transaction
  int retry_seconds = 300;  // a failed run is tried again after this
};

struct JobRunReport {
  int runs = 0;    // runs worked on (done or not)
  int steps = 0;   // steps done
  int failed = 0;  // runs that failed (they are tried again later)
};

// A kind's state for the administrators.
struct JobStatusView {
  std::string kind;
  JobSchedule schedule = JobSchedule::kDaily;
  bool enabled = true;
  std::string status;  // "idle", "running", "failed", "disabled"
  std::string last_run_at, last_finished_at, next_run_at, last_error;
  int64_t attempts = 0;
  int64_t pending_steps = 0;
  int64_t last_steps = 0;
};

class JobRunner {
 public:
  JobRunner(Services& services, JobRunnerOptions options);
  void add(std::unique_ptr<JobKind> kind);
  const std::vector<std::unique_ptr<JobKind>>& kinds() const { return kinds_; }

  // Schedules the day's run of each daily kind (`today`: the key; due at once) and runs every
  // due run this process can claim until none is left or stop() was called. Instants (leases,
  // marks) come from the Clock.
  Result<JobRunReport> run_due_jobs(Date today);
  // Makes `kind` due now (a new run when none is pending) and runs it. conflict
  // "job_running" when another process holds it; not_found for an unknown kind.
  Result<JobRunReport> run_now(const std::string& kind, Date today, const Actor& actor);
  // Every kind's state (a read transaction).
  Result<std::vector<JobStatusView>> status(Date today);

  void stop() { stopping_ = true; }
  bool stopping() const { return stopping_; }

 private:
  JobKind* find(const std::string& kind) const;
  // Works through one claimed run; returns its steps, or the error that failed it.
  Result<int> work(JobKind& kind, JobRow job);
  Result<JobRunReport> run_claimable(const std::vector<std::string>& kinds, Date today);

  Services& services_;
  JobRunnerOptions options_;
  std::vector<std::unique_ptr<JobKind>> kinds_;
  std::atomic<bool> stopping_{false};
};

// The jobs are the whole system's: seeing them and running one needs job.manage reaching
// every organization (forbidden otherwise).
Status require_job_manage(const Services& services, const Actor& actor);

// UTC instant arithmetic on "YYYY-MM-DDTHH:MM:SS.mmmZ" text.
std::string add_seconds(const std::string& instant, long long seconds);
// Midnight in Vietnam (UTC+7) at the start of `day`, as a UTC instant.
std::string vietnam_midnight(Date day);
// A name for this process: host, pid and a random part.
std::string process_owner_name();

// The kind of the fault tests: `steps` steps per day, each notifying the administrators, writing
// an audit entry and (`mail_to` not empty) queueing a mail to that address, `step_ms`
// milliseconds each (so that a test can kill a process in the middle of a run).
std::unique_ptr<JobKind> make_test_count_kind(int steps, int step_ms,
                                              const std::string& mail_to = "");

}  // namespace chibo::app
