#include "app/jobs.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <set>
#include <thread>

#include "app/access_control.h"
#include "app/runner.h"

namespace chibo::app {

namespace {

constexpr const char* kContinuousKey = "continuous";

std::string job_error_text(const Error& error) {
  std::string text = error.reason;
  for (const auto& [key, value] : error.params) text += " " + key + "=" + value;
  for (const FieldError& field : error.fields) text += " " + field.field + ":" + field.code;
  return text;
}

bool is_lease_lost(const Error& error) { return error.reason == "job_lease_lost"; }

}  // namespace

Status require_job_manage(const Services& services, const Actor& actor) {
  if (!reach_of(services, actor, domain::Permission::kJobManage).everything) {
    return Error::forbidden("forbidden");
  }
  return Ok();
}

std::string add_seconds(const std::string& instant, long long seconds) {
  std::tm tm{};
  int millis = 0;
  if (std::sscanf(instant.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3d", &tm.tm_year, &tm.tm_mon,
                  &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &millis) < 6) {
    return instant;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const std::time_t at = timegm(&tm) + static_cast<std::time_t>(seconds);
  std::tm out{};
  gmtime_r(&at, &out);
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", out.tm_year + 1900,
                out.tm_mon + 1, out.tm_mday, out.tm_hour, out.tm_min, out.tm_sec, millis);
  return buffer;
}

std::string vietnam_midnight(Date day) {
  // 00:00 in UTC+7 is 17:00 UTC the day before.
  return day.add_days(-1).iso() + "T17:00:00.000Z";
}

std::string process_owner_name() {
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  std::random_device random;
  return std::string(host) + ":" + std::to_string(getpid()) + ":" + std::to_string(random());
}

JobRunner::JobRunner(Services& services, JobRunnerOptions options)
    : services_(services), options_(std::move(options)) {
  if (options_.owner.empty()) options_.owner = process_owner_name();
  if (options_.batch_steps < 1) options_.batch_steps = 1;
  if (options_.lease_seconds < 1) options_.lease_seconds = 1;
}

void JobRunner::add(std::unique_ptr<JobKind> kind) { kinds_.push_back(std::move(kind)); }

JobKind* JobRunner::find(const std::string& kind) const {
  for (const auto& k : kinds_)
    if (k->kind() == kind) return k.get();
  return nullptr;
}

Result<int> JobRunner::work(JobKind& kind, JobRow job) {
  const Actor actor = Actor::system("job:" + kind.kind());
  const bool continuous = kind.schedule() == JobSchedule::kContinuous;
  int total = 0;
  while (true) {
    if (stopping_) {
      // Leave the run for the next start (or another process), at once rather than after
      // the lease.
      (void)services_.store.write([&](Transaction& tx) -> Status {
        tx.jobs().release(job.id, options_.owner, services_.clock.now_utc(), job.run_at);
        return Ok();
      });
      return total;
    }
    auto batch = [&](Context& ctx) -> Result<int> {
      const std::string now = ctx.now();
      const std::string until = add_seconds(now, options_.lease_seconds);
      // First: holding the lease (on PostgreSQL this locks the run's row until commit).
      if (!ctx.tx.jobs().renew(job.id, options_.owner, until, 0)) {
        return Error::conflict("job_lease_lost");
      }
      Result<int> done = kind.run_steps(ctx, job, options_.batch_steps);
      if (!done) return done;
      if (*done > 0) {
        ctx.tx.jobs().renew(job.id, options_.owner, until, *done);
      } else if (continuous) {
        ctx.tx.jobs().release(job.id, options_.owner, now, add_seconds(now, 1));
      } else {
        ctx.tx.jobs().finish(job.id, options_.owner, now);
        ctx.audit(AuditEntry::about("job.finish", "job", job.id)
                      .with("kind", job.kind)
                      .with("key", job.key)
                      .with("steps", job.steps_done + total)
                      .with("process", options_.owner));
      }
      return done;
    };
    Result<int> done = run_write(services_, actor, batch);
    if (!done) {
      if (is_lease_lost(done.error())) return std::move(done).error();
      const Error error = done.error();
      (void)services_.store.write([&](Transaction& tx) -> Status {
        const std::string now = services_.clock.now_utc();
        if (tx.jobs().fail(job.id, options_.owner, job_error_text(error), now,
                           add_seconds(now, options_.retry_seconds))) {
          Context ctx(services_, actor, tx);
          ctx.audit(AuditEntry::about("job.fail", "job", job.id)
                        .with("kind", job.kind)
                        .with("key", job.key)
                        .with("error", job_error_text(error)));
        }
        return Ok();
      });
      return error;
    }
    Status sent = kind.after_commit(services_);
    (void)sent;  // the kind records its own failures (the mail queue's last_error)
    if (*done == 0) return total;
    total += *done;
  }
}

Result<JobRunReport> JobRunner::run_claimable(const std::vector<std::string>& kinds, Date) {
  JobRunReport report;
  std::set<int64_t> seen;
  while (!stopping_) {
    std::optional<JobRow> claimed;
    Status status = services_.store.write([&](Transaction& tx) -> Status {
      const std::string now = services_.clock.now_utc();
      claimed =
          tx.jobs().claim(kinds, now, options_.owner, add_seconds(now, options_.lease_seconds));
      return Ok();
    });
    if (!status) return std::move(status).error();
    if (!claimed) break;
    JobKind* kind = find(claimed->kind);
    if (!kind || seen.count(claimed->id)) {
      // Worked on once in this call already (a continuous run due again): leave it.
      (void)services_.store.write([&](Transaction& tx) -> Status {
        tx.jobs().release(claimed->id, options_.owner, services_.clock.now_utc(),
                          add_seconds(services_.clock.now_utc(), 1));
        return Ok();
      });
      break;
    }
    seen.insert(claimed->id);
    ++report.runs;
    Result<int> steps = work(*kind, *claimed);
    if (steps) {
      report.steps += *steps;
    } else if (!is_lease_lost(steps.error())) {
      ++report.failed;
    }
  }
  return report;
}

Result<JobRunReport> JobRunner::run_due_jobs(Date today) {
  std::vector<std::string> names;
  Status scheduled = services_.store.write([&](Transaction& tx) -> Status {
    names.clear();
    const std::string now = services_.clock.now_utc();
    for (const auto& kind : kinds_) {
      if (!kind->enabled()) continue;
      names.push_back(kind->kind());
      if (kind->schedule() == JobSchedule::kOnDemand) continue;  // its runs come from requests
      const bool daily = kind->schedule() == JobSchedule::kDaily;
      tx.jobs().schedule(kind->kind(), daily ? today.iso() : kContinuousKey, "{}", now, now);
    }
    return Ok();
  });
  if (!scheduled) return std::move(scheduled).error();
  return run_claimable(names, today);
}

Result<JobRunReport> JobRunner::run_now(const std::string& kind_name, Date today,
                                        const Actor& actor) {
  JobKind* kind = find(kind_name);
  if (!kind) return Error::not_found("job");
  if (!kind->enabled()) return Error::conflict("job_disabled");
  // Made due and claimed in one transaction, so that this process's own ticker (or another
  // process) cannot take the run in between.
  auto claim_now = [&](Context& ctx) -> Result<JobRow> {
    const std::string now = ctx.now();
    std::optional<JobRow> next = ctx.tx.jobs().next(kind_name);
    if (next && !next->lease_until.empty() && next->lease_until >= now) {
      return Error::conflict("job_running");
    }
    if (next) {
      ctx.tx.jobs().make_due(kind_name, now);
    } else if (kind->schedule() == JobSchedule::kOnDemand) {
      return Error::conflict("job_nothing_to_do");
    } else {
      const bool daily = kind->schedule() == JobSchedule::kDaily;
      // Today's run is done: another run of the day (steps done stay done: their keys name
      // the work, not the run).
      ctx.tx.jobs().schedule(kind_name, daily ? today.iso() + "@" + now : kContinuousKey, "{}", now,
                             now);
    }
    std::optional<JobRow> claimed = ctx.tx.jobs().claim({kind_name}, now, options_.owner,
                                                        add_seconds(now, options_.lease_seconds));
    if (!claimed) return Error::conflict("job_running");
    ctx.audit(AuditEntry::about("job.run", "job", claimed->id).with("kind", kind_name));
    return *claimed;
  };
  Result<JobRow> claimed = run_write(services_, actor, claim_now);
  if (!claimed) return std::move(claimed).error();
  JobRunReport report;
  report.runs = 1;
  Result<int> steps = work(*kind, *claimed);
  if (steps) {
    report.steps = *steps;
  } else if (is_lease_lost(steps.error())) {
    return Error::conflict("job_running");
  } else {
    report.failed = 1;
  }
  return report;
}

Result<std::vector<JobStatusView>> JobRunner::status(Date today) {
  std::vector<JobStatusView> views;
  Status read = services_.store.read([&](Transaction& tx) -> Status {
    views.clear();
    const std::string now = services_.clock.now_utc();
    std::vector<std::string> names;
    for (const auto& kind : kinds_) names.push_back(kind->kind());
    std::vector<JobRow> latest = tx.jobs().latest(names);
    for (const auto& kind : kinds_) {
      JobStatusView view;
      view.kind = kind->kind();
      view.schedule = kind->schedule();
      view.enabled = kind->enabled();
      std::optional<JobRow> next = tx.jobs().next(view.kind);
      for (const JobRow& row : latest) {
        if (row.kind != view.kind) continue;
        view.last_run_at = row.started_at;
        view.last_finished_at = row.finished_at;
        view.last_error = row.last_error;
        view.last_steps = row.steps_done;
      }
      if (next) {
        view.next_run_at = next->run_at;
        view.attempts = next->attempts;
        if (!next->last_error.empty()) view.last_error = next->last_error;
      } else if (view.schedule == JobSchedule::kDaily) {
        view.next_run_at = vietnam_midnight(today.add_days(1));
      }
      if (!view.enabled) {
        view.status = "disabled";
      } else if (next && !next->lease_until.empty() && next->lease_until >= now) {
        view.status = "running";
      } else if (next && next->attempts > 0) {
        view.status = "failed";
      } else {
        view.status = "idle";
      }
      const int64_t pending = kind->pending(tx);
      view.pending_steps = pending < 0 ? 0 : pending;
      views.push_back(std::move(view));
    }
    return Ok();
  });
  if (!read) return std::move(read).error();
  return views;
}

namespace {

class TestCountKind : public JobKind {
 public:
  TestCountKind(int steps, int step_ms, std::string mail_to)
      : steps_(steps), step_ms_(step_ms), mail_to_(std::move(mail_to)) {}
  std::string kind() const override { return kJobTestCount; }
  JobSchedule schedule() const override { return JobSchedule::kDaily; }

  Result<int> run_steps(Context& ctx, const JobRow& job, int limit) override {
    std::vector<std::string> keys;
    for (int i = 0; i < steps_; ++i) keys.push_back(step_key(job, i));
    const std::set<std::string> done = ctx.tx.jobs().done_steps(keys);
    // The administrators (users with a role that has job.manage) get each step's note.
    std::vector<int64_t> admins;
    for (const User& user : ctx.tx.users().list()) {
      for (const UserGrant& grant : user.grants) {
        const domain::Role* role = ctx.services.catalog.role(grant.role);
        if (!user.disabled && role && role->permissions.count(domain::Permission::kJobManage)) {
          admins.push_back(user.id);
          break;
        }
      }
    }
    int did = 0;
    for (int i = 0; i < steps_ && did < limit; ++i) {
      if (done.count(keys[i])) continue;
      if (!ctx.tx.jobs().mark_step(keys[i], job.id, ctx.now())) continue;  // done meanwhile
      if (step_ms_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(step_ms_));
      for (int64_t admin : admins) {
        Notification note;
        note.user_id = admin;
        note.kind = "info";
        note.title = "Bước kiểm thử " + std::to_string(i + 1);
        note.body = "test_count " + job.key;
        note.dedupe_key = keys[i] + ":" + std::to_string(admin);
        note.created_at = ctx.now();
        ctx.tx.inbox().notify(note);
      }
      if (!mail_to_.empty()) {
        OutgoingMail mail;
        mail.to_address = mail_to_;
        mail.subject = "Bước kiểm thử " + std::to_string(i + 1);
        mail.body = "Thông báo kiểm thử của chibo: " + keys[i];
        mail.dedupe_key = keys[i] + ":mail";
        mail.created_at = ctx.now();
        ctx.tx.jobs().queue_mail(mail);
      }
      // Not deduplicated: a step run twice would show as two entries.
      ctx.audit(AuditEntry::about("job.step", "job", job.id)
                    .with("kind", job.kind)
                    .with("step", keys[i]));
      ++did;
    }
    return did;
  }

 private:
  static std::string step_key(const JobRow& job, int i) {
    return std::string(kJobTestCount) + ":" + job.key + ":" + std::to_string(i);
  }
  int steps_;
  int step_ms_;
  std::string mail_to_;
};

}  // namespace

std::unique_ptr<JobKind> make_test_count_kind(int steps, int step_ms, const std::string& mail_to) {
  return std::make_unique<TestCountKind>(steps, step_ms, mail_to);
}

}  // namespace chibo::app
