-- One-time passwords expire (ASVS 6.4.1): when the password a user must change was issued.
-- Those issued before this migration count from the upgrade, so nobody is locked out by it.
ALTER TABLE users ADD COLUMN one_time_password_at TEXT;
UPDATE users SET one_time_password_at =
    to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  WHERE must_change_password <> 0;
