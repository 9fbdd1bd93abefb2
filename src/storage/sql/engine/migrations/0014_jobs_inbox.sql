-- Background jobs, the in-app inbox and the outgoing mail queue (issue 13, follow-up).
--
-- A job is one run of a kind ("reminders" of 2026-12-06, "overdue" of that day, "mail"):
-- (kind, job_key) is unique, so every process may schedule the day's run and only one row
-- results. A process claims a due job by writing its lease (lease_owner, lease_until):
-- PostgreSQL takes the row with SELECT ... FOR UPDATE SKIP LOCKED, SQLite (one writer) with a
-- conditional UPDATE. A process that dies leaves its lease to expire; another then takes the
-- job. Rows stay when done: the administrators' view reads the last run of each kind.
CREATE TABLE jobs (
  id {{id}},
  kind {{key_text}} NOT NULL,
  job_key {{key_text}} NOT NULL,
  payload TEXT NOT NULL,
  run_at {{key_text}} NOT NULL,
  lease_owner TEXT,
  lease_until {{key_text}},
  attempts BIGINT NOT NULL,
  last_error TEXT,
  started_at TEXT,
  finished_at TEXT,
  done_at TEXT,
  steps_done BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX jobs_kind_key ON jobs (kind, job_key);
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL;
CREATE INDEX jobs_kind_latest ON jobs (kind, id);

-- The done mark of each step of a job, written in the transaction of the step's effect: a step
-- whose key is here never runs again, whoever holds the job and however often it restarts.
-- Step keys name the work, not the run ("reminder:<assignment>:<step>"), so a reminder step
-- is sent once even across days' runs.
CREATE TABLE job_steps (
  step_key {{key_text}} NOT NULL PRIMARY KEY,
  job_id BIGINT NOT NULL REFERENCES jobs (id),
  done_at TEXT NOT NULL
);
CREATE INDEX job_steps_job ON job_steps (job_id);

-- The in-app inbox: notifications for one user each. dedupe_key is unique so that one
-- reminder step never notifies the same user twice.
CREATE TABLE notifications (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT,
  object_type TEXT,
  object_id BIGINT,
  dedupe_key {{key_text}} NOT NULL,
  created_at {{key_text}} NOT NULL,
  read_at TEXT
);
CREATE UNIQUE INDEX notifications_dedupe ON notifications (dedupe_key);
CREATE INDEX notifications_user ON notifications (user_id, created_at, id);
-- The header's unread count: one range of this index.
CREATE INDEX notifications_unread ON notifications (user_id, created_at, id) WHERE read_at IS NULL;

-- Mail to send when an SMTP server is configured: queued in the transaction that decided it,
-- sent by the "mail" job after commit. A mail whose sending was interrupted (a lease that
-- expired) is sent again: delivery is at least once.
CREATE TABLE outgoing_mail (
  id {{id}},
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  dedupe_key {{key_text}} NOT NULL,
  created_at TEXT NOT NULL,
  attempts BIGINT NOT NULL,
  last_error TEXT,
  lease_until {{key_text}},
  next_try_at {{key_text}} NOT NULL,
  sent_at TEXT
);
CREATE UNIQUE INDEX outgoing_mail_dedupe ON outgoing_mail (dedupe_key);
CREATE INDEX outgoing_mail_pending ON outgoing_mail (next_try_at) WHERE sent_at IS NULL;
