-- Dashboard breakdowns kept up to date for organizations with large subtrees (issue 5): at
-- national scale a root's breakdowns would read millions of members (a GROUP BY over 5.6
-- million rows takes seconds). storage/sql/member_stats.h holds the invariant: for every
-- organization in org_stats_tracked, org_member_stats(org, status, dimension, value) = n holds
-- the number of members with that status and value in its whole subtree, for each dimension
-- (sex, birth month, ethnicity, religion, education, qualification, political theory). Smaller
-- subtrees are counted from members when asked.
CREATE TABLE org_stats_tracked (
  org_id BIGINT PRIMARY KEY REFERENCES organizations (id)
);

CREATE TABLE org_member_stats (
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  status TEXT NOT NULL,
  dimension TEXT NOT NULL,
  value TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (org_id, status, dimension, value)
);

-- Members by birth date inside a subtree: the dashboards' age bands count the few birth
-- months that straddle a band boundary day by day (domain/members/age_band_tally.h).
CREATE INDEX members_birth_date ON members (birth_date, org_path, status);
