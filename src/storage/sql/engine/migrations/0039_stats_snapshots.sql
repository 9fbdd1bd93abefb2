-- Closed-period snapshots of the figures as of a day (issue 16: under 100 ms at 5.6 million
-- members as of 30/6 or 31/12; docs/statistics.md, "Snapshots"). A snapshot is the roll on
-- `as_of` member by member as it stood when taken (`taken_at`, UTC), and its breakdowns for the
-- organizations whose breakdowns are kept; the figures later are those counts corrected by the
-- members changed since `taken_at` (members_updated, transfers, exemption events).
CREATE TABLE stats_snapshots (
  as_of {{key_text}} PRIMARY KEY,
  taken_at TEXT NOT NULL,
  members BIGINT NOT NULL
);
-- One row per member on the roll on `as_of`: the organization and the values counted that day.
CREATE TABLE stats_snapshot_roll (
  as_of {{key_text}} NOT NULL,
  member_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL,
  status TEXT NOT NULL,
  undated INTEGER NOT NULL,
  age_band TEXT NOT NULL,
  sex TEXT NOT NULL,
  ethnicity TEXT NOT NULL,
  religion TEXT NOT NULL,
  general_education TEXT NOT NULL,
  professional_qualification TEXT NOT NULL,
  political_theory TEXT NOT NULL,
  PRIMARY KEY (as_of, member_id)
);
-- The breakdowns of each kept organization on `as_of`: dimension, value, members; with
-- dimension '_total' (value ''), '_undated' (value '') and '_tree' (value: a hash of the
-- subtree's organization ids then; another tree now means the counts no longer apply).
CREATE TABLE stats_snapshot_counts (
  as_of {{key_text}} NOT NULL,
  org_id BIGINT NOT NULL,
  dimension {{key_text}} NOT NULL,
  value {{key_text}} NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (as_of, org_id, dimension, value)
);
-- The members written since a snapshot was taken.
CREATE INDEX members_updated ON members (updated_at);
