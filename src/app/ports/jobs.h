// What the job runner, the inbox and the mail queue (issue 13, follow-up) need from storage,
// inside the transactions of app/ports/store.h. Instants are UTC text
// ("YYYY-MM-DDTHH:MM:SS.mmmZ"), which compare in time order.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace chibo::app {

// One run of a job kind (the "reminders" of a day) as stored.
struct JobRow {
  int64_t id = 0;
  std::string kind;
  std::string key;  // unique per kind: the day for the daily kinds
  std::string payload;
  std::string run_at;       // due from this instant
  std::string lease_owner;  // the process holding it ("" : none)
  std::string lease_until;  // the lease ends (an expired lease may be taken over)
  int64_t attempts = 0;     // failed attempts in a row
  std::string last_error;
  std::string started_at;   // the first claim
  std::string finished_at;  // the last attempt ended (done or failed)
  std::string done_at;      // every step done
  int64_t steps_done = 0;
  std::string created_at;
};

struct Notification {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string kind;  // "reminder", "due_today", "overdue", "escalation", "info"
  std::string title;
  std::string body;
  std::string link;  // a path of the web UI ("" : none)
  std::string object_type;
  int64_t object_id = 0;
  std::string dedupe_key;  // unique: the same key never notifies twice
  std::string created_at;
  std::string read_at;  // "" : unread
};

struct OutgoingMail {
  int64_t id = 0;
  std::string to_address;
  std::string subject;
  std::string body;
  std::string dedupe_key;
  std::string created_at;
  int64_t attempts = 0;
  std::string last_error;
  std::string next_try_at;
  std::string sent_at;
};

class JobRepository {
 public:
  virtual ~JobRepository() = default;
  // Adds a run of `kind` unless one with `key` exists; true when added.
  virtual bool schedule(const std::string& kind, const std::string& key, const std::string& payload,
                        const std::string& run_at, const std::string& now) = 0;
  // Takes the earliest due run of one of `kinds` that is not done and not leased (or whose
  // lease ended before `now`) for `owner` until `lease_until`. Several processes may call it at
  // once: each run goes to one of them (PostgreSQL: FOR UPDATE SKIP LOCKED).
  virtual std::optional<JobRow> claim(const std::vector<std::string>& kinds, const std::string& now,
                                      const std::string& owner, const std::string& lease_until) = 0;
  // Extends `owner`'s lease and adds `steps` to the run's count; false when the lease was lost
  // (another process took the run over): the caller must then write nothing.
  virtual bool renew(int64_t id, const std::string& owner, const std::string& lease_until,
                     int64_t steps) = 0;
  // Marks the run done and frees it; false when `owner` no longer holds it.
  virtual bool finish(int64_t id, const std::string& owner, const std::string& now) = 0;
  // Records a failed attempt (attempts + 1, the error) and frees the run until `retry_at`.
  virtual bool fail(int64_t id, const std::string& owner, const std::string& error,
                    const std::string& now, const std::string& retry_at) = 0;
  // Frees the run without finishing it (a continuous run resting, or a process stopping):
  // due again at `run_at`, its attempts reset.
  virtual bool release(int64_t id, const std::string& owner, const std::string& now,
                       const std::string& run_at) = 0;
  // Makes the not-done runs of `kind` due at `now`; false when there is none.
  virtual bool make_due(const std::string& kind, const std::string& now) = 0;

  // The done mark of a step: false when the step was done already (its effect must then not
  // be written again).
  virtual bool mark_step(const std::string& step_key, int64_t job_id, const std::string& now) = 0;
  // Which of `step_keys` are done.
  virtual std::set<std::string> done_steps(const std::vector<std::string>& step_keys) = 0;

  // The latest run of each of `kinds` (by id), if any.
  virtual std::vector<JobRow> latest(const std::vector<std::string>& kinds) = 0;
  // The earliest not-done run of `kind`, if any.
  virtual std::optional<JobRow> next(const std::string& kind) = 0;

  // The mail queue. `queue` adds unless the dedupe key exists (false then).
  virtual bool queue_mail(OutgoingMail& mail) = 0;
  // Up to `limit` unsent mails due by `now` whose lease is free, leased until `lease_until`.
  virtual std::vector<OutgoingMail> claim_mail(const std::string& now,
                                               const std::string& lease_until, int limit) = 0;
  virtual void mail_sent(int64_t id, const std::string& now) = 0;
  virtual void mail_failed(int64_t id, const std::string& error, const std::string& retry_at) = 0;
  virtual int64_t unsent_mail() = 0;
};

struct InboxQuery {
  int64_t user_id = 0;
  bool unread_only = false;
  bool unread_first = true;
  int64_t offset = 0;
  int limit = 50;
};

class InboxRepository {
 public:
  virtual ~InboxRepository() = default;
  // Inserts (filling id) unless the dedupe key exists: false then, and nothing written.
  virtual bool notify(Notification& notification) = 0;
  virtual std::vector<Notification> page(const InboxQuery& query) = 0;
  virtual int64_t count(int64_t user_id, bool unread_only) = 0;
  virtual std::optional<Notification> find(int64_t id) = 0;
  // Sets read_at where it is unset; false when it was read already (or is not the user's).
  virtual bool mark_read(int64_t id, int64_t user_id, const std::string& now) = 0;
  virtual int64_t mark_all_read(int64_t user_id, const std::string& now) = 0;
};

}  // namespace chibo::app
