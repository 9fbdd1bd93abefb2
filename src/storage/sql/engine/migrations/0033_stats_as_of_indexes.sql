-- Figures as of a past date at the root of a large tree (issue 16: under 100 ms at 65,000
-- members). The subtree scan of storage/sql/registry/member_history.cpp reads these columns
-- only, so it walks this narrow index instead of the wide member rows (an index-only scan on
-- PostgreSQL, a covering index on SQLite: about a sixth of the table's pages).
CREATE INDEX members_history ON members (org_path, admission_date, official_date, exit_date,
  status, org_id, id, sex, birth_date, ethnicity, religion, general_education,
  professional_qualification, political_theory, exit_ground);
-- The dated exemption events, without a scan of every member event.
CREATE INDEX member_events_exemptions ON member_events (action, effective_on, member_id);
-- The official transfers after a day, and those of a period.
CREATE INDEX transfers_started ON transfers (started_on);
-- A large subtree's figures as of a day are today's kept counts less the members whose standing
-- may have changed since (app/stats_reports.cpp): found by these, not by a scan.
CREATE INDEX members_unusual ON members (org_path)
  WHERE status <> 'official' OR admission_date IS NULL OR official_date IS NULL;
CREATE INDEX members_admitted ON members (admission_date);
CREATE INDEX members_recognized ON members (official_date);
CREATE INDEX members_exited ON members (exit_date) WHERE exit_date IS NOT NULL;
