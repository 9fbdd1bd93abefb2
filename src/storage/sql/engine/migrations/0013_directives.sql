-- Directives cascade (issue 13): a directive (nghị quyết, chỉ thị, kết luận, kế hoạch, or a
-- document from above) has tasks with due dates; each task is assigned to organizations (or a
-- member) below the issuer, and each receiving organization may assign further down, to any
-- depth: directive_assignments.parent_id makes the assignments a tree that mirrors the
-- organization tree. States: assigned -> acknowledged -> in_progress -> reported -> accepted
-- (or returned, then in_progress / reported again); domain/directives/assignment_state.h.

CREATE TABLE directives (
  id {{id}},
  -- The issuing organization (or the one that entered a document from above).
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('resolution', 'directive', 'conclusion', 'plan', 'programme',
                                     'higher_document')),
  title TEXT NOT NULL,
  -- The document of the register when there is one; else its number and symbol as text.
  document_id BIGINT REFERENCES documents (id),
  number_symbol TEXT,
  issued_on TEXT NOT NULL,
  summary TEXT,
  version BIGINT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX directives_org ON directives (org_path, issued_on);

CREATE TABLE directive_tasks (
  id {{id}},
  directive_id BIGINT NOT NULL REFERENCES directives (id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT,
  due_on TEXT NOT NULL,
  -- Set when the due date was counted in working days from the directive's date (the
  -- working-day calendar decided due_on).
  due_working_days INTEGER,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX directive_tasks_order ON directive_tasks (directive_id, position);

CREATE TABLE directive_assignments (
  id {{id}},
  directive_id BIGINT NOT NULL REFERENCES directives (id),
  task_id BIGINT NOT NULL REFERENCES directive_tasks (id),
  -- The assignment this one was passed down from (NULL: assigned by the issuer).
  parent_id BIGINT REFERENCES directive_assignments (id),
  assigner_org_id BIGINT NOT NULL REFERENCES organizations (id),
  assigner_path {{key_text}} NOT NULL,
  -- The receiving organization (a member's assignment: the member's organization).
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  member_id BIGINT REFERENCES members (id),
  member_key BIGINT NOT NULL,  -- member_id, or 0: one assignment per task and target
  state TEXT NOT NULL CHECK (state IN ('assigned', 'acknowledged', 'in_progress', 'reported',
                                       'accepted', 'returned')),
  due_on TEXT NOT NULL,
  -- 1 once "mark overdue" found it past its due date without an accepted report (counted in
  -- directive_rollup.overdue until accepted).
  overdue INTEGER NOT NULL,
  note TEXT,
  plan_document_id BIGINT REFERENCES documents (id),
  plan_number TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX directive_assignments_target ON directive_assignments (task_id, org_id, member_key);
CREATE INDEX directive_assignments_tree ON directive_assignments (directive_id, org_path);
CREATE INDEX directive_assignments_received ON directive_assignments (org_id, state);
CREATE INDEX directive_assignments_subtree ON directive_assignments (org_path, due_on);
CREATE INDEX directive_assignments_assigner ON directive_assignments (assigner_org_id, state);
CREATE INDEX directive_assignments_parent ON directive_assignments (parent_id);
-- Reminders and overdue marking read only the open ones by due date.
CREATE INDEX directive_assignments_open ON directive_assignments (due_on) WHERE state <> 'accepted';

CREATE TABLE directive_reports (
  id {{id}},
  assignment_id BIGINT NOT NULL REFERENCES directive_assignments (id),
  body TEXT NOT NULL,
  figures TEXT NOT NULL,  -- JSON array of {label, value, unit}
  document_id BIGINT REFERENCES documents (id),
  attachment_note TEXT,
  submitted_by TEXT,
  submitted_at TEXT NOT NULL,
  review TEXT NOT NULL CHECK (review IN ('pending', 'accepted', 'returned')),
  review_comment TEXT,
  reviewed_by TEXT,
  reviewed_at TEXT
);
CREATE INDEX directive_reports_assignment ON directive_reports (assignment_id, id);

-- Study of a resolution (học tập, quán triệt) by an organization: one record per directive and
-- organization, with how many members attended.
CREATE TABLE directive_studies (
  id {{id}},
  directive_id BIGINT NOT NULL REFERENCES directives (id),
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  org_path {{key_text}} NOT NULL,
  held_on TEXT NOT NULL,
  attendees BIGINT NOT NULL,
  members BIGINT NOT NULL,
  note TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX directive_studies_org ON directive_studies (directive_id, org_id);
CREATE INDEX directive_studies_subtree ON directive_studies (directive_id, org_path);

-- Counts of assignments received in each organization's whole subtree, per directive, by
-- state (and overdue, and members who studied it): adjusted along the receiving
-- organization's path in the same transaction as every change, so the roll-up of any subtree
-- is one read by primary key. `chibo check` recounts.
CREATE TABLE directive_rollup (
  directive_id BIGINT NOT NULL REFERENCES directives (id),
  org_id BIGINT NOT NULL REFERENCES organizations (id),
  total BIGINT NOT NULL,
  assigned BIGINT NOT NULL,
  acknowledged BIGINT NOT NULL,
  in_progress BIGINT NOT NULL,
  reported BIGINT NOT NULL,
  accepted BIGINT NOT NULL,
  returned BIGINT NOT NULL,
  overdue BIGINT NOT NULL,
  studied BIGINT NOT NULL,
  PRIMARY KEY (directive_id, org_id)
);
