-- Replies to creating requests that carried an Idempotency-Key (issue 5), stored in the
-- transaction of the write itself: a request resent after a lost reply finds the first
-- outcome instead of writing twice. Keys are per user and kept 24 hours (app/idempotency.h).
CREATE TABLE idempotency_keys (
  user_id BIGINT NOT NULL,
  idem_key {{key_text}} NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  body TEXT NOT NULL,
  headers TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
