#include "storage/sql/jobs/job_repository.h"

#include "storage/sql/engine/bindings.h"
#include "storage/sql/engine/row_values.h"

namespace chibo::storage {

using app::JobRow;
using app::OutgoingMail;

namespace {

constexpr const char* kJobColumns =
    "kind, job_key, payload, run_at, lease_owner, lease_until, last_error, started_at, "
    "finished_at, done_at, created_at, id, attempts, steps_done";

JobRow job_of(const RowReader& row) {
  JobRow job;
  job.kind = row.text(0);
  job.key = row.text(1);
  job.payload = row.text(2);
  job.run_at = row.text(3);
  job.lease_owner = row.text(4);
  job.lease_until = row.text(5);
  job.last_error = row.text(6);
  job.started_at = row.text(7);
  job.finished_at = row.text(8);
  job.done_at = row.text(9);
  job.created_at = row.text(10);
  job.id = row.number(0);
  job.attempts = row.number(1);
  job.steps_done = row.number(2);
  return job;
}

std::vector<JobRow> select_jobs(soci::session& session, const std::string& rest,
                                Bindings& bindings) {
  std::vector<JobRow> found;
  RowReader row(11, 3);
  select_rows(session, std::string("SELECT ") + kJobColumns + " FROM jobs " + rest, bindings, row,
              [&] { found.push_back(job_of(row)); });
  return found;
}

// Runs a statement with `bindings`; returns the rows it changed.
long long run_job_sql(soci::session& session, const std::string& sql, Bindings& bindings) {
  soci::statement statement(session);
  bindings.attach(statement);
  prepare_unnamed(statement, sql);
  statement.execute(true);
  return statement.get_affected_rows();
}

// "INSERT ... ON CONFLICT DO NOTHING RETURNING id": the id, or 0 when the row existed.
long long insert_unless_present(soci::session& session, const std::string& table,
                                RowValues& values) {
  long long id = 0;
  soci::statement statement(session);
  values.attach(statement);
  statement.exchange(soci::into(id));
  prepare_unnamed(statement, values.insert_sql(table) + " ON CONFLICT DO NOTHING RETURNING id");
  return statement.execute(true) ? id : 0;
}

}  // namespace

bool SqlJobRepository::schedule(const std::string& kind, const std::string& key,
                                const std::string& payload, const std::string& run_at,
                                const std::string& now) {
  RowValues values;
  values.text("kind", kind)
      .text("job_key", key)
      .text("run_at", run_at)
      .number("attempts", 0)
      .number("steps_done", 0)
      .text("created_at", now)
      .text("payload", payload.empty() ? "{}" : payload);  // NOT NULL; "" binds NULL
  return insert_unless_present(session_, "jobs", values) != 0;
}

std::optional<JobRow> SqlJobRepository::claim(const std::vector<std::string>& kinds,
                                              const std::string& now, const std::string& owner,
                                              const std::string& lease_until) {
  if (kinds.empty()) return std::nullopt;
  Bindings bindings;
  std::string rest = "WHERE done_at IS NULL AND run_at <= " + bindings.text(now) + " AND kind IN " +
                     bindings.text_list(kinds) + " AND (lease_until IS NULL OR lease_until < " +
                     bindings.text(now) + ") ORDER BY run_at, id LIMIT 1";
  // PostgreSQL: a row another transaction is claiming (or renewing) is skipped, not waited
  // for; the UPDATE below then holds it. SQLite: the write transaction is the only writer.
  if (engine_ == Engine::kPostgres) rest += " FOR UPDATE SKIP LOCKED";
  std::vector<JobRow> found = select_jobs(session_, rest, bindings);
  if (found.empty()) return std::nullopt;
  JobRow job = std::move(found.front());
  Bindings update;
  const std::string sql =
      "UPDATE jobs SET lease_owner = " + update.text(owner) +
      ", lease_until = " + update.text(lease_until) + ", started_at = COALESCE(started_at, " +
      update.text(now) + ") WHERE id = " + update.number(job.id) +
      " AND done_at IS NULL AND (lease_until IS NULL OR lease_until < " + update.text(now) + ")";
  if (run_job_sql(session_, sql, update) != 1) return std::nullopt;
  job.lease_owner = owner;
  job.lease_until = lease_until;
  if (job.started_at.empty()) job.started_at = now;
  return job;
}

bool SqlJobRepository::renew(int64_t id, const std::string& owner, const std::string& lease_until,
                             int64_t steps) {
  Bindings bindings;
  const std::string sql = "UPDATE jobs SET lease_until = " + bindings.text(lease_until) +
                          ", steps_done = steps_done + " + bindings.number(steps) +
                          " WHERE id = " + bindings.number(id) +
                          " AND lease_owner = " + bindings.text(owner) + " AND done_at IS NULL";
  return run_job_sql(session_, sql, bindings) == 1;
}

bool SqlJobRepository::finish(int64_t id, const std::string& owner, const std::string& now) {
  Bindings bindings;
  const std::string sql =
      "UPDATE jobs SET done_at = " + bindings.text(now) + ", finished_at = " + bindings.text(now) +
      ", lease_owner = NULL, lease_until = NULL, attempts = 0, "
      "last_error = NULL WHERE id = " +
      bindings.number(id) + " AND lease_owner = " + bindings.text(owner) + " AND done_at IS NULL";
  return run_job_sql(session_, sql, bindings) == 1;
}

bool SqlJobRepository::fail(int64_t id, const std::string& owner, const std::string& error,
                            const std::string& now, const std::string& retry_at) {
  Bindings bindings;
  const std::string sql =
      "UPDATE jobs SET attempts = attempts + 1, last_error = " + bindings.text(error) +
      ", finished_at = " + bindings.text(now) + ", run_at = " + bindings.text(retry_at) +
      ", lease_owner = NULL, lease_until = NULL WHERE id = " + bindings.number(id) +
      " AND lease_owner = " + bindings.text(owner) + " AND done_at IS NULL";
  return run_job_sql(session_, sql, bindings) == 1;
}

bool SqlJobRepository::release(int64_t id, const std::string& owner, const std::string& now,
                               const std::string& run_at) {
  Bindings bindings;
  const std::string sql = "UPDATE jobs SET finished_at = " + bindings.text(now) +
                          ", run_at = " + bindings.text(run_at) +
                          ", attempts = 0, last_error = NULL, lease_owner = NULL, "
                          "lease_until = NULL WHERE id = " +
                          bindings.number(id) + " AND lease_owner = " + bindings.text(owner) +
                          " AND done_at IS NULL";
  return run_job_sql(session_, sql, bindings) == 1;
}

bool SqlJobRepository::make_due(const std::string& kind, const std::string& now) {
  Bindings bindings;
  const std::string sql = "UPDATE jobs SET run_at = " + bindings.text(now) +
                          " WHERE kind = " + bindings.text(kind) +
                          " AND done_at IS NULL AND run_at > " + bindings.text(now);
  run_job_sql(session_, sql, bindings);
  return next(kind).has_value();
}

bool SqlJobRepository::mark_step(const std::string& step_key, int64_t job_id,
                                 const std::string& now) {
  Bindings bindings;
  const std::string sql = "INSERT INTO job_steps (step_key, job_id, done_at) VALUES (" +
                          bindings.text(step_key) + ", " + bindings.number(job_id) + ", " +
                          bindings.text(now) + ") ON CONFLICT DO NOTHING";
  return run_job_sql(session_, sql, bindings) == 1;
}

std::set<std::string> SqlJobRepository::done_steps(const std::vector<std::string>& step_keys) {
  std::set<std::string> done;
  constexpr size_t kChunk = 500;
  for (size_t from = 0; from < step_keys.size(); from += kChunk) {
    std::vector<std::string> chunk(step_keys.begin() + from,
                                   step_keys.begin() + std::min(step_keys.size(), from + kChunk));
    Bindings bindings;
    RowReader row(1, 0);
    select_rows(session_,
                "SELECT step_key FROM job_steps WHERE step_key IN " + bindings.text_list(chunk),
                bindings, row, [&] { done.insert(row.text(0)); });
  }
  return done;
}

std::vector<JobRow> SqlJobRepository::latest(const std::vector<std::string>& kinds) {
  std::vector<JobRow> found;
  for (const std::string& kind : kinds) {
    Bindings bindings;
    std::vector<JobRow> rows =
        select_jobs(session_,
                    "WHERE kind = " + bindings.text(kind) +
                        " AND started_at IS NOT NULL ORDER BY id DESC LIMIT 1",
                    bindings);
    if (!rows.empty()) found.push_back(std::move(rows.front()));
  }
  return found;
}

std::optional<JobRow> SqlJobRepository::next(const std::string& kind) {
  Bindings bindings;
  std::vector<JobRow> rows = select_jobs(
      session_,
      "WHERE kind = " + bindings.text(kind) + " AND done_at IS NULL ORDER BY run_at, id LIMIT 1",
      bindings);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

bool SqlJobRepository::queue_mail(OutgoingMail& mail) {
  RowValues values;
  values.text("to_address", mail.to_address)
      .text("subject", mail.subject)
      .text("body", mail.body)
      .text("dedupe_key", mail.dedupe_key)
      .text("created_at", mail.created_at)
      .number("attempts", 0)
      .text("next_try_at", mail.next_try_at.empty() ? mail.created_at : mail.next_try_at);
  mail.id = insert_unless_present(session_, "outgoing_mail", values);
  return mail.id != 0;
}

std::vector<OutgoingMail> SqlJobRepository::claim_mail(const std::string& now,
                                                       const std::string& lease_until, int limit) {
  Bindings bindings;
  std::string sql =
      "SELECT to_address, subject, body, dedupe_key, created_at, next_try_at, id, attempts "
      "FROM outgoing_mail WHERE sent_at IS NULL AND next_try_at <= " +
      bindings.text(now) + " AND (lease_until IS NULL OR lease_until < " + bindings.text(now) +
      ") ORDER BY next_try_at, id LIMIT " + bindings.number(limit);
  if (engine_ == Engine::kPostgres) sql += " FOR UPDATE SKIP LOCKED";
  std::vector<OutgoingMail> found;
  RowReader row(6, 2);
  select_rows(session_, sql, bindings, row, [&] {
    OutgoingMail mail;
    mail.to_address = row.text(0);
    mail.subject = row.text(1);
    mail.body = row.text(2);
    mail.dedupe_key = row.text(3);
    mail.created_at = row.text(4);
    mail.next_try_at = row.text(5);
    mail.id = row.number(0);
    mail.attempts = row.number(1);
    found.push_back(std::move(mail));
  });
  for (const OutgoingMail& mail : found) {
    Bindings update;
    run_job_sql(session_,
                "UPDATE outgoing_mail SET lease_until = " + update.text(lease_until) +
                    ", attempts = attempts + 1 WHERE id = " + update.number(mail.id),
                update);
  }
  return found;
}

void SqlJobRepository::mail_sent(int64_t id, const std::string& now) {
  Bindings bindings;
  run_job_sql(session_,
              "UPDATE outgoing_mail SET sent_at = " + bindings.text(now) +
                  ", lease_until = NULL, last_error = NULL WHERE id = " + bindings.number(id),
              bindings);
}

void SqlJobRepository::mail_failed(int64_t id, const std::string& error,
                                   const std::string& retry_at) {
  Bindings bindings;
  run_job_sql(session_,
              "UPDATE outgoing_mail SET last_error = " + bindings.text(error) +
                  ", next_try_at = " + bindings.text(retry_at) +
                  ", lease_until = NULL WHERE id = " + bindings.number(id),
              bindings);
}

int64_t SqlJobRepository::unsent_mail() {
  Bindings bindings;
  RowReader row(0, 1);
  int64_t count = 0;
  select_rows(session_, "SELECT COUNT(*) FROM outgoing_mail WHERE sent_at IS NULL", bindings, row,
              [&] { count = row.number(0); });
  return count;
}

}  // namespace chibo::storage
