#include "app/followup.h"

#include <map>
#include <mutex>
#include <set>

#include "domain/followup/reminder_ladder.h"

namespace chibo::app {

namespace {

std::string vn_date(Date date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", date.day(), date.month(), date.year());
  return buffer;
}

std::optional<Date> run_day(const JobRow& job) { return Date::parse(job.key.substr(0, 10)); }

// Users by the organization their grant is on, loaded once per run. Only those who act on the
// directives there count (a subtree role with directive.report or directive.write): a leader or
// the inspection committee, who only read, are not reminded of another's task.
class Recipients {
 public:
  explicit Recipients(Context& ctx) {
    for (User& user : ctx.tx.users().list()) {
      if (user.disabled) continue;
      std::set<int64_t> scopes;
      bool administrator = false;
      for (const UserGrant& grant : user.grants) {
        const domain::Role* role = ctx.services.catalog.role(grant.role);
        if (!role || role->scope != domain::ScopeKind::kSubtree) continue;
        if (!role->permissions.count(domain::Permission::kDirectiveReport) &&
            !role->permissions.count(domain::Permission::kDirectiveWrite)) {
          continue;
        }
        scopes.insert(grant.scope.value);
        if (!grant.scope.valid() && role->permissions.count(domain::Permission::kJobManage))
          administrator = true;
      }
      for (int64_t scope : scopes) {
        if (scope == 0 && administrator) {
          administrators_.push_back(user);
        } else {
          by_scope_[scope].push_back(user);
        }
      }
    }
  }

  // The responsible users of `org`: those of the organization itself, else of its nearest
  // ancestor that has some (issue 13: an organization without users escalates there); nobody
  // on the whole path: the users granted everything (the committee office), and the system's
  // administrators only when there is nobody else at all.
  std::vector<User> of(Context& ctx, OrgId org) {
    OrgId at = org;
    for (int depth = 0; at.valid() && depth < 64; ++depth) {
      auto found = by_scope_.find(at.value);
      if (found != by_scope_.end() && !found->second.empty()) return found->second;
      std::optional<Organization> node = find(ctx, at);
      if (!node) break;
      at = node->parent_id;
    }
    auto everywhere = by_scope_.find(0);
    if (everywhere != by_scope_.end() && !everywhere->second.empty()) return everywhere->second;
    return administrators_;
  }

  std::optional<Organization> find(Context& ctx, OrgId id) {
    auto cached = orgs_.find(id.value);
    if (cached != orgs_.end()) return cached->second;
    std::optional<Organization> org = ctx.tx.orgs().find(id);
    orgs_.emplace(id.value, org);
    return org;
  }

 private:
  std::map<int64_t, std::vector<User>> by_scope_;
  std::vector<User> administrators_;  // granted everything, with job.manage
  std::map<int64_t, std::optional<Organization>> orgs_;
};

struct Message {
  std::string title, body;
};

Message message_of(const domain::ReminderStep& step, const OpenAssignment& task,
                   const std::string& org_name, Date today) {
  const std::string due = vn_date(task.due_on);
  const int days = task.due_on.serial() - today.serial();
  if (step.escalate) {
    return {"Báo cấp trên: " + org_name + " quá hạn \"" + task.title + "\"",
            org_name + " chưa có báo cáo được chấp nhận cho nhiệm vụ \"" + task.title + "\", hạn " +
                due + " (quá " + std::to_string(-days) + " ngày)."};
  }
  if (step.offset_days < 0) {
    return {"Sắp đến hạn: " + task.title, "Hạn " + due + " (còn " + std::to_string(days) +
                                              " ngày). Tổ chức thực hiện: " + org_name + "."};
  }
  if (step.offset_days == 0) {
    return {"Đến hạn hôm nay: " + task.title,
            "Hạn " + due + ". Tổ chức thực hiện: " + org_name + "."};
  }
  return {"Quá hạn: " + task.title, "Hạn " + due + " (quá " + std::to_string(-days) +
                                        " ngày), chưa có báo cáo được chấp nhận. Tổ chức "
                                        "thực hiện: " +
                                        org_name + "."};
}

class RemindersKind : public JobKind {
 public:
  RemindersKind(std::shared_ptr<AssignmentSource> source, FollowUpOptions options)
      : source_(std::move(source)), options_(options) {}
  std::string kind() const override { return kJobReminders; }
  JobSchedule schedule() const override { return JobSchedule::kDaily; }

  // The run's work (each due step of each open assignment) is computed once per run and
  // process, then done in batches from a cursor that moves only when a batch has committed;
  // a step done meanwhile by another process is skipped by its done mark.
  Result<int> run_steps(Context& ctx, const JobRow& job, int limit) override {
    if (!source_) return 0;
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = plans_.find(job.id);
    if (found == plans_.end()) {
      Result<Plan> plan = make_plan(ctx, job);
      if (!plan) return std::move(plan).error();
      found = plans_.emplace(job.id, std::move(*plan)).first;
    }
    Plan& plan = found->second;
    last_job() = job.id;
    size_t at = plan.next;
    int did = 0;
    for (; at < plan.items.size() && did < limit; ++at) {
      const Item& item = plan.items[at];
      if (!ctx.tx.jobs().mark_step(item.key, job.id, ctx.now())) continue;  // done already
      notify(ctx, *plan.recipients, plan.open[item.task], item.step, item.key, plan.today);
      ++did;
    }
    plan.pending_next = at;
    if (did > 0) {
      ctx.audit(
          AuditEntry::about("job.steps", "job", job.id).with("kind", job.kind).with("steps", did));
    }
    return did;
  }

  Status after_commit(Services&) override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = plans_.find(last_job());
    if (found == plans_.end()) return Ok();
    Plan& plan = found->second;
    plan.next = plan.pending_next;
    if (plan.next >= plan.items.size()) plans_.erase(found);  // the run is done
    return Ok();
  }

 private:
  struct Item {
    size_t task = 0;  // index in Plan::open
    domain::ReminderStep step;
    std::string key;
  };
  struct Plan {
    Date today;
    std::vector<OpenAssignment> open;
    std::vector<Item> items;
    std::unique_ptr<Recipients> recipients;
    size_t next = 0;          // committed
    size_t pending_next = 0;  // after the batch in flight
  };

  Result<Plan> make_plan(Context& ctx, const JobRow& job) {
    const std::optional<Date> today = run_day(job);
    if (!today) return Error::malformed("job_key_invalid", {{"key", job.key}});
    Result<domain::ReminderLadder> ladder = domain::reminder_ladder(ctx.services.rules, *today);
    if (!ladder) return std::move(ladder).error();
    Result<std::vector<OpenAssignment>> open = source_->open_assignments(ctx, *today);
    if (!open) return std::move(open).error();
    Plan plan;
    plan.today = *today;
    plan.open = std::move(*open);
    // Which steps of these assignments were sent (on any day's run).
    std::vector<std::string> keys;
    for (const OpenAssignment& task : plan.open)
      for (const domain::ReminderStep& step : ladder->steps) keys.push_back(key_of(task, step));
    const std::set<std::string> done = ctx.tx.jobs().done_steps(keys);
    for (size_t i = 0; i < plan.open.size(); ++i) {
      const OpenAssignment& task = plan.open[i];
      std::set<std::string> sent;
      for (const domain::ReminderStep& step : ladder->steps)
        if (done.count(key_of(task, step))) sent.insert(step.code());
      Result<std::vector<domain::ReminderStep>> due =
          domain::steps_due(*ladder, task.due_on, *today, sent, ctx.services.calendar);
      if (!due) continue;  // a year the calendar lacks: no working-day step can be placed
      for (const domain::ReminderStep& step : *due)
        plan.items.push_back({i, step, key_of(task, step)});
    }
    plan.recipients = std::make_unique<Recipients>(ctx);
    return plan;
  }

  // The run whose batch this thread ran last (the serve thread and a request may each run one).
  static int64_t& last_job() {
    thread_local int64_t id = 0;
    return id;
  }

  static std::string key_of(const OpenAssignment& task, const domain::ReminderStep& step) {
    const std::string subject = task.subject.empty() ? "" : "@" + task.subject;
    return "reminder:" + std::to_string(task.id) + subject + ":" + step.code();
  }

  void notify(Context& ctx, Recipients& recipients, const OpenAssignment& task,
              const domain::ReminderStep& step, const std::string& key, Date today) {
    std::optional<Organization> org = recipients.find(ctx, task.org);
    const std::string org_name = org ? org->name : std::string();
    OrgId to = task.org;
    if (step.escalate && org && org->parent_id.valid()) to = org->parent_id;
    const Message message = message_of(step, task, org_name, today);
    for (const User& user : recipients.of(ctx, to)) {
      Notification note;
      note.user_id = user.id;
      note.kind = step.kind();
      note.title = message.title;
      note.body = message.body;
      note.link = task.link;
      note.object_type = "assignment";
      note.object_id = task.id;
      note.dedupe_key = key + ":" + std::to_string(user.id);
      note.created_at = ctx.now();
      ctx.tx.inbox().notify(note);
      if (options_.mail && user.member_id) {
        std::optional<Member> member = ctx.tx.members().find(*user.member_id);
        if (member && !member->email.empty()) {
          OutgoingMail mail;
          mail.to_address = member->email;
          mail.subject = message.title;
          mail.body = message.body;
          mail.dedupe_key = note.dedupe_key + ":mail";
          mail.created_at = ctx.now();
          ctx.tx.jobs().queue_mail(mail);
        }
      }
    }
  }

  std::shared_ptr<AssignmentSource> source_;
  FollowUpOptions options_;
  std::mutex mutex_;
  std::map<int64_t, Plan> plans_;  // by run
};

class OverdueKind : public JobKind {
 public:
  explicit OverdueKind(std::shared_ptr<AssignmentSource> source) : source_(std::move(source)) {}
  std::string kind() const override { return kJobOverdue; }
  JobSchedule schedule() const override { return JobSchedule::kDaily; }

  Result<int> run_steps(Context& ctx, const JobRow& job, int) override {
    if (!source_) return 0;
    const std::optional<Date> today = run_day(job);
    if (!today) return Error::malformed("job_key_invalid", {{"key", job.key}});
    if (!ctx.tx.jobs().mark_step("overdue:" + job.key, job.id, ctx.now())) return 0;
    Result<int64_t> marked = source_->mark_overdue(ctx, *today);
    if (!marked) return std::move(marked).error();
    ctx.audit(AuditEntry::about("job.steps", "job", job.id)
                  .with("kind", job.kind)
                  .with("as_of", today->iso())
                  .with("marked", *marked));
    return 1;
  }

 private:
  std::shared_ptr<AssignmentSource> source_;
};

class MailKind : public JobKind {
 public:
  MailKind(std::shared_ptr<Mailer> mailer, int retry_seconds)
      : mailer_(std::move(mailer)), retry_seconds_(retry_seconds) {}
  std::string kind() const override { return kJobMail; }
  JobSchedule schedule() const override { return JobSchedule::kContinuous; }
  bool enabled() const override { return mailer_ != nullptr; }

  Result<int> run_steps(Context& ctx, const JobRow&, int limit) override {
    claimed().clear();
    const std::string now = ctx.now();
    // The lease of each mail outlives a slow server; one that expires is sent again.
    claimed() = ctx.tx.jobs().claim_mail(now, add_seconds(now, 300), limit);
    return static_cast<int>(claimed().size());
  }

  Status after_commit(Services& services) override {
    std::vector<OutgoingMail> batch = std::move(claimed());
    claimed().clear();
    for (const OutgoingMail& mail : batch) {
      Status sent = mailer_->send(mail);
      Status recorded = services.store.write([&](Transaction& tx) -> Status {
        const std::string now = services.clock.now_utc();
        if (sent) {
          tx.jobs().mail_sent(mail.id, now);
        } else {
          tx.jobs().mail_failed(mail.id, sent.error().reason, add_seconds(now, retry_seconds_));
        }
        return Ok();
      });
      if (!recorded) return recorded;
    }
    return Ok();
  }

  int64_t pending(Transaction& tx) override { return tx.jobs().unsent_mail(); }

 private:
  // Per thread: the serve thread and a request's "run now" may each run a batch.
  static std::vector<OutgoingMail>& claimed() {
    thread_local std::vector<OutgoingMail> mails;
    return mails;
  }
  std::shared_ptr<Mailer> mailer_;
  int retry_seconds_;
};

}  // namespace

std::vector<User> responsible_users(Context& ctx, OrgId org) {
  Recipients recipients(ctx);
  return recipients.of(ctx, org);
}

std::unique_ptr<JobKind> make_reminders_kind(std::shared_ptr<AssignmentSource> source,
                                             FollowUpOptions options) {
  return std::make_unique<RemindersKind>(std::move(source), options);
}

std::unique_ptr<JobKind> make_overdue_kind(std::shared_ptr<AssignmentSource> source) {
  return std::make_unique<OverdueKind>(std::move(source));
}

std::unique_ptr<JobKind> make_mail_kind(std::shared_ptr<Mailer> mailer, int retry_seconds) {
  return std::make_unique<MailKind>(std::move(mailer), retry_seconds);
}

}  // namespace chibo::app
