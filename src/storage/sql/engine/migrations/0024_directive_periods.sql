-- Directives, part three (issue 13): scheduled periodic reports (domain/directives/report_schedule.h).
--
-- A task may carry a report schedule: a cadence (quarterly, half_yearly, yearly; NULL: none) and
-- the final report's (tổng kết) own due date (NULL: the task's due date).
ALTER TABLE directive_tasks ADD COLUMN report_cadence TEXT;
ALTER TABLE directive_tasks ADD COLUMN report_final_due_on TEXT;

-- The periods of a task's schedule, decided when the task is issued (the rule in force then):
-- "2027-Q1", "2027-H1", "2027"; the final report is the assignment's own report (its due date).
CREATE TABLE directive_task_periods (
  task_id BIGINT NOT NULL REFERENCES directive_tasks (id),
  period {{key_text}} NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  PRIMARY KEY (task_id, period)
);
CREATE INDEX directive_task_periods_due ON directive_task_periods (due_on, task_id);

-- The period a report is for (NULL: the assignment's own, final report, as before).
ALTER TABLE directive_reports ADD COLUMN period {{key_text}};
-- One accepted report per assignment and period.
CREATE UNIQUE INDEX directive_reports_period_accepted ON directive_reports (assignment_id, period)
  WHERE review = 'accepted' AND period IS NOT NULL;

-- A period report found past its due date without an accepted report by "mark overdue" (once;
-- the row goes when the report is accepted). Counted by an indexed query for the roll-up.
CREATE TABLE directive_period_overdue (
  assignment_id BIGINT NOT NULL REFERENCES directive_assignments (id),
  period {{key_text}} NOT NULL,
  directive_id BIGINT NOT NULL REFERENCES directives (id),
  org_path {{key_text}} NOT NULL,
  due_on TEXT NOT NULL,
  marked_on TEXT NOT NULL,
  PRIMARY KEY (assignment_id, period)
);
CREATE INDEX directive_period_overdue_tree ON directive_period_overdue (directive_id, org_path);
