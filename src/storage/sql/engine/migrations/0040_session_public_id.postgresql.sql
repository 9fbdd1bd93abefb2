-- A user sees and ends their own sessions (ASVS 7.5.2): each session gets a public id to name it
-- by, 128 random bits in hex, unrelated to its token and to the token's hash (which stays the
-- key and what the audit trail records). Sessions open at the upgrade get one too, from
-- gen_random_uuid() (built in since PostgreSQL 13; 122 random bits, its dashes dropped).
ALTER TABLE sessions ADD COLUMN public_id TEXT NOT NULL DEFAULT '';
UPDATE sessions SET public_id = replace(gen_random_uuid()::text, '-', '');
CREATE UNIQUE INDEX sessions_public_id ON sessions (public_id);
