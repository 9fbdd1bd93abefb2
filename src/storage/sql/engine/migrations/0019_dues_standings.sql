-- Derived data for the removal list's dues side (issue 14): for each member with dues, the first
-- month their payments leave owed when applied oldest month first (domain/dues/allocation.h
-- first_unpaid_month). Kept in the transaction of every dues write of the member (basis, relief,
-- payment, import) and by `chibo demo`; `chibo check` verifies that no stored month is later than
-- the truth (a stored month earlier than the truth only makes a member a candidate whom the exact
-- check then drops). The list reads the members whose month is old enough through the index
-- instead of computing every member's ledger.
CREATE TABLE dues_standings (
  member_id BIGINT PRIMARY KEY REFERENCES members (id),
  -- "YYYY-MM"; NULL: no dues basis, nothing owed
  unpaid_from TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX dues_standings_unpaid ON dues_standings (unpaid_from);
