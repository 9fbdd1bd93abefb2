-- A user sees and ends their own sessions (ASVS 7.5.2): each session gets a public id to name it
-- by, 128 random bits in hex, unrelated to its token and to the token's hash (which stays the
-- key and what the audit trail records). Sessions open at the upgrade get one too, from
-- randomblob() (SQLite's generator, seeded by the operating system).
ALTER TABLE sessions ADD COLUMN public_id TEXT NOT NULL DEFAULT '';
UPDATE sessions SET public_id = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX sessions_public_id ON sessions (public_id);
