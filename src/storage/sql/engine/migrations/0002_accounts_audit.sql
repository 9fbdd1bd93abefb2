-- Accounts, sessions, login attempts and the audit trail (issue 4); the member record gains
-- its restricted discipline field (personal history item 21).

ALTER TABLE members ADD COLUMN discipline TEXT;

CREATE TABLE users (
  id {{id}},
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL,
  totp_secret TEXT,
  totp_enabled INTEGER NOT NULL,
  totp_pending TEXT,
  totp_last_step BIGINT NOT NULL DEFAULT 0,
  member_id BIGINT REFERENCES members (id),
  disabled INTEGER NOT NULL,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  last_login_at TEXT
);

-- A user's roles, each within an organization's subtree (NULL: everywhere).
CREATE TABLE user_grants (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  role TEXT NOT NULL,
  scope_org_id BIGINT REFERENCES organizations (id)
);
CREATE INDEX user_grants_user ON user_grants (user_id);

-- Sessions are stored by the SHA-256 of their token; the token itself is only in the cookie.
-- stage: 'full', or a first login that must first change the password or enrol a second factor.
CREATE TABLE sessions (
  token_hash {{key_text}} PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  stage TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT,
  address TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
  id {{id}},
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  at TEXT NOT NULL,
  succeeded INTEGER NOT NULL
);
CREATE INDEX login_attempts_user_address ON login_attempts (username, address, at);
CREATE INDEX login_attempts_address ON login_attempts (address, at);

-- The audit trail: append-only (triggers in 0003), each event chained to the previous one by
-- hash = SHA-256(prev_hash || canonical event). seq has no gaps.
CREATE TABLE audit_events (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id BIGINT,
  actor TEXT NOT NULL,
  session_hash TEXT,
  request_id TEXT,
  address TEXT,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT,
  object_path TEXT,
  record_class TEXT NOT NULL,
  outcome TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_actor ON audit_events (actor_id, seq);
CREATE INDEX audit_events_object ON audit_events (object_type, object_id, seq);
CREATE INDEX audit_events_at ON audit_events (at);

-- The chain's head, updated with each event: its row lock orders concurrent writers.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
